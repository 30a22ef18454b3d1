"""Forms trainers use in the admin to manage members and invitations."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from cohorts.models import Role

MAX_INVITES = 200


class AddMemberForm(forms.Form):
    email = forms.EmailField(label="Email of someone with a Ripple account")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.LEARNER)


class InviteForm(forms.Form):
    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Email addresses",
        help_text="One per line, or separated by commas or spaces. Each gets the invite link.",
    )

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", " ").split()
        emails, invalid = [], []
        for item in raw:
            try:
                validate_email(item)
            except ValidationError:
                invalid.append(item)
            else:
                if item.lower() not in {e.lower() for e in emails}:
                    emails.append(item)
        if invalid:
            raise ValidationError(
                "These are not email addresses: %(items)s. Fix them and send again.",
                params={"items": ", ".join(invalid[:10])},
            )
        if len(emails) > MAX_INVITES:
            raise ValidationError(f"Send at most {MAX_INVITES} invitations at a time.")
        return emails


class ChangeRoleForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(choices=Role.choices)
