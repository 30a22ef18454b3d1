"""Forms trainers use in the admin: a cohort's details, its members and invitations."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.models import Organisation, Role
from cohorts.permissions import organisations_for_new_cohorts

MAX_INVITES = 50

NOT_A_MEMBER = (
    "That person is not a current member of this cohort (someone may have changed the list "
    "meanwhile). Reload the page and choose again."
)


class AddMemberForm(forms.Form):
    email = forms.EmailField(label="Email of someone with a Ripple account")
    role = forms.ChoiceField(choices=Role.choices, initial=Role.LEARNER)


class InviteForm(forms.Form):
    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Email addresses",
        help_text=(
            f"One per line, or separated by commas or spaces; at most {MAX_INVITES} at a time. "
            "Each gets the invite link."
        ),
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
            raise ValidationError(
                f"These are {len(emails)} addresses; send at most {MAX_INVITES} at a time. "
                "Nothing was sent."
            )
        return emails


class MemberChoiceForm(forms.Form):
    """Which current member of the cohort an action is about (any other id is refused)."""

    membership = forms.ModelChoiceField(
        queryset=None,
        widget=forms.HiddenInput,
        error_messages={"required": NOT_A_MEMBER, "invalid_choice": NOT_A_MEMBER},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = members


class ChangeRoleForm(MemberChoiceForm):
    role = forms.ChoiceField(
        choices=Role.choices, error_messages={"invalid_choice": "Choose trainer or learner."}
    )


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
