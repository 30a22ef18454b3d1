"""Forms of the pulse: the admin form for statement sets, and the answer form."""

import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from pulse.models import DEFAULT_STATEMENTS, MAX_COMMENT
from pulse.permissions import organisations_for_pulse_statements


class PulseStatementSetForm(WagtailAdminModelForm):
    """Offers only the organisations the person may write statements for; a new set starts
    from the default statements (in the trainer's language)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "organisation" in self.fields and for_user is not None:
            self.fields["organisation"].queryset = organisations_for_pulse_statements(for_user)
        if not self.instance.pk and "statements" in self.fields:
            block = self.fields["statements"].block
            self.initial["statements"] = block.normalize(
                [("statement", str(text)) for _key, text in DEFAULT_STATEMENTS]
            )


SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]


def statements_fingerprint(statements: list[tuple[str, str]]) -> str:
    """A short digest of the statements shown, so an answer to words a trainer has since
    changed is caught instead of stored under the new words."""
    return hashlib.sha256(repr(statements).encode()).hexdigest()[:16]


class PulseAnswerForm(forms.Form):
    """A radio scale from 1 to 5 per statement, an optional comment, and whether trainers
    may read the comment without a name (unticked)."""

    shown = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Anything you would like to add?"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    share_comment = forms.BooleanField(
        label=_("Share my comment anonymously with trainers"),
        required=False,
        help_text=_("Without your name, and only once five or more people have answered."),
    )

    def __init__(self, *args, statements: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = statements
        self.fields["shown"].initial = statements_fingerprint(statements)
        self.statement_fields = []
        for key, text in statements:
            self.fields[f"s_{key}"] = forms.TypedChoiceField(
                label=text, choices=SCALE, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer for this statement.")},
            )
            self.statement_fields.append(f"s_{key}")
        self.order_fields(self.statement_fields + ["comment", "share_comment", "shown"])

    def clean_shown(self):
        if self.cleaned_data["shown"] != statements_fingerprint(self.statements):
            raise forms.ValidationError(
                _("The statements changed while you were answering. Please check your answers "
                  "below and send them again.")
            )
        return self.cleaned_data["shown"]

    def statement_rows(self):
        """The bound statement fields, in order, for the template."""
        return [self[name] for name in self.statement_fields]

    def scores(self) -> dict[str, int]:
        """The cleaned scores by statement key."""
        return {key: self.cleaned_data[f"s_{key}"] for key, _text in self.statements}
