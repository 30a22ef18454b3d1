"""Sign-up asks for a display name next to allauth's email and password fields."""

from django import forms

from accounts.validators import validate_one_line_name


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        max_length=80,
        required=False,
        strip=True,
        validators=[validate_one_line_name],
        label="Your name",
        help_text="Shown to your trainer and cohort peers. You can leave it empty.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data.get("display_name", "").strip()
        user.save(update_fields=["display_name"])
