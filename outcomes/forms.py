"""The customer-results upload form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from outcomes.csv_import import MAX_BYTES


class CustomerCsvForm(forms.Form):
    """One CSV file of customer results; reading it is outcomes.csv_import's job."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: date (YYYY-MM-DD), measure, value and, optionally, site."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def read(self) -> tuple[bytes, str]:
        """The file's bytes (one more than the limit at most, so a huge file is not read
        whole) and its name."""
        upload = self.cleaned_data["file"]
        return upload.read(MAX_BYTES + 1), upload.name
