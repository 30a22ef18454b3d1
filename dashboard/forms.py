"""The invite-code box on the learner home and the home page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohorts.models import normalise_join_code


class JoinCodeForm(forms.Form):
    """A cohort's join code as someone typed it: any case, with spaces or dashes."""

    code = forms.CharField(
        label=_("Enter your invite code"),
        max_length=40,
        error_messages={"required": _("Type the code your trainer gave you.")},
    )  # drawn by templates/includes/join_code_form.html, which also serves pages without it

    def clean_code(self) -> str:
        code = normalise_join_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("An invite code is made of letters and digits, like ABCDE-23456.")
            )
        return code
