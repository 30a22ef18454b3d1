"""Forms trainers use in the admin: a cohort's details, its members and invitations."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.models import Organisation, Role
from cohorts.permissions import organisations_for_new_cohorts

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


class CohortForm(WagtailAdminModelForm):
    """The cohort admin's form: the organisation is one the person may start cohorts in
    (or, when editing, the one the cohort already belongs to)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = organisations_for_new_cohorts(self.for_user)
        if self.instance.pk:
            allowed = allowed | Organisation.objects.filter(pk=self.instance.organisation_id)
        field = self.fields["organisation"]
        field.queryset = allowed.distinct()
        field.error_messages["invalid_choice"] = (
            "You can only start cohorts in your own organisations. Choose one from the list."
        )
