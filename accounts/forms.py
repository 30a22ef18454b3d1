"""Account forms: the display name asked at sign-up, and the language a person chooses."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_one_line_name


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        max_length=80,
        required=False,
        strip=True,
        validators=[validate_one_line_name],
        label=_("Your name"),
        help_text=_("Shown to your trainer and cohort peers. You can leave it empty."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data.get("display_name", "").strip()
        user.save(update_fields=["display_name"])


def language_choices():
    """"Follow my browser" then each interface language, named in itself ("Español")."""
    return [("", _("Follow my browser's language")), *settings.LANGUAGES]


class LanguageForm(forms.Form):
    """The language of the pages and emails a person gets (User.language)."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Pages and the emails Ripple sends you use this language."),
    )
