"""Who may answer a pulse, edit pulse statements and see pulse figures: the only home of
these rules, as pairs of check + list (building on cohorts.permissions).

Nobody but the person reads an answer: there is no rule that grants it, and no view, CSV or
admin screen shows one. Trainers and admins see only the aggregates of pulse.selectors.
"""

from accounts.permissions import is_admin
from cohorts.permissions import (
    can_create_cohort_in,
    can_manage_cohort,
    organisations_for_new_cohorts,
)
from pulse.models import Pulse, PulseStatementSet


def pulses_answerable_by(user):
    """The person's own pulses while their membership is current (none for visitors); the
    list twin of `can_answer_pulse`."""
    if not user.is_authenticated:
        return Pulse.objects.none()
    return Pulse.objects.filter(membership__user=user, membership__ended_at__isnull=True)


def can_answer_pulse(user, pulse) -> bool:
    """Only the person a pulse was sent to opens it, and only while they are a member."""
    return pulses_answerable_by(user).filter(pk=pulse.pk).exists()


def organisations_for_pulse_statements(user):
    """Where a person may write the pulse statements: admins anywhere, trainers in the
    organisations that name them (Organisation.trainers)."""
    return organisations_for_new_cohorts(user)


def can_edit_pulse_statements(user, organisation) -> bool:
    """Trainers of the organisation and admins edit its pulse statements."""
    return can_create_cohort_in(user, organisation)


def can_edit_pulse_statement_set(user, statement_set) -> bool:
    """`can_edit_pulse_statements` for the organisation whose statements these are."""
    return can_edit_pulse_statements(user, statement_set.organisation)


def can_edit_any_pulse_statements(user) -> bool:
    """Whether the admin shows someone the pulse statements at all."""
    return is_admin(user) or organisations_for_pulse_statements(user).exists()


def pulse_statement_sets_editable_by(user):
    """The statement sets a person may edit: the list twin of `can_edit_pulse_statement_set`."""
    if is_admin(user):
        return PulseStatementSet.objects.all()
    return PulseStatementSet.objects.filter(
        organisation__in=organisations_for_pulse_statements(user)
    )


def can_see_cohort_pulse(user, cohort) -> bool:
    """A cohort's pulse figures (aggregates only) are for its trainers and admins."""
    return can_manage_cohort(user, cohort)


def can_see_organisation_pulse(user, organisation) -> bool:
    """An organisation's pulse figures (aggregates only) are for its trainers and admins."""
    return can_create_cohort_in(user, organisation)
