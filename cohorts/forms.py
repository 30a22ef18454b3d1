"""Forms trainers use in the admin: a cohort's details, its members and invitations."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.models import Organisation, Role
from cohorts.permissions import organisations_for_new_cohorts

MAX_INVITES = 50

NOT_A_MEMBER = _(
    "That person is not a current member of this cohort (someone may have changed the list "
    "meanwhile). Reload the page and choose again."
)


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email of someone with a Ripple account"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.LEARNER)


class InviteForm(forms.Form):
    emails = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label=_("Email addresses"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["emails"].help_text = gettext(
            "One per line, or separated by commas or spaces; at most %(max)s at a time. "
            "Each gets the invite link."
        ) % {"max": MAX_INVITES}

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
                _("These are not email addresses: %(items)s. Fix them and send again."),
                params={"items": ", ".join(invalid[:10])},
            )
        if len(emails) > MAX_INVITES:
            raise ValidationError(
                ngettext(
                    "This is %(count)s address; send at most %(max)s at a time. Nothing was sent.",
                    "These are %(count)s addresses; send at most %(max)s at a time. "
                    "Nothing was sent.",
                    len(emails),
                )
                % {"count": len(emails), "max": MAX_INVITES}
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
        choices=Role.choices, error_messages={"invalid_choice": _("Choose trainer or learner.")}
    )


# The cohort's field names in the admin's language. (As the models' verbose names they would
# need a migration in cohorts, whose model another change owns; the form says them instead.)
FIELD_LABELS = {
    "name": _("Name"),
    "course": _("Course"),
    "organisation": _("Organisation"),
    "starts_on": _("Starts on"),
    "ends_on": _("Ends on"),
    "seat_limit": _("Seat limit"),
    "teach_back_instructions": _("Teach-back instructions"),
    "teach_back_due_on": _("Teach-back due on"),
    "trainer_emails": _("Trainer emails"),
    "archived": _("Archived"),
}


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
        field.error_messages["invalid_choice"] = _(
            "You can only start cohorts in your own organisations. Choose one from the list."
        )
        for name, label in FIELD_LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
