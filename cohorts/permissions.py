"""Who may see and run which cohort: the only home of these rules, as pairs of check + list.

Admins (superusers) see and run every cohort. Otherwise a person sees the cohorts they are a
current member of, and runs the ones they currently train; they start new ones only in
organisations that name them as trainers (Organisation.trainers, set by admins). A membership
a trainer ended grants nothing, and neither does any membership while the person's sign-in
address is unconfirmed (accounts.permissions): an unproved address could belong to someone else.
"""

from django.contrib.auth import get_user_model

from accounts.permissions import (
    can_use_admin,
    has_confirmed_email,
    is_admin,
    users_with_confirmed_email,
)
from cohorts.models import Cohort, Membership, Organisation, Role
from cohorts.selectors import cohort_work


def memberships_granting_rights(user):
    """The memberships that give this person rights: current ones, and none at all while their
    address is unconfirmed. Lazy, so rules built on it stay one query (reports use it too)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    confirmed = users_with_confirmed_email(get_user_model().objects.filter(pk=user.pk))
    return Membership.objects.current().filter(user__in=confirmed)


def role_in(user, cohort):
    """The person's role in a cohort (a Cohort or its pk) while their membership grants rights;
    None otherwise (anonymous, never a member, removed, or unconfirmed). One query."""
    return (
        memberships_granting_rights(user)
        .filter(cohort=cohort)
        .values_list("role", flat=True)
        .first()
    )


def cohorts_visible_to(user):
    """The cohorts a person sees: all for admins, else those they are a current member of."""
    if is_admin(user):
        return Cohort.objects.all()
    return Cohort.objects.filter(pk__in=memberships_granting_rights(user).values("cohort_id"))


def cohorts_managed_by(user):
    """The cohorts a person runs: all for admins, else those they currently train
    (the list twin of `can_manage_cohort`)."""
    if is_admin(user):
        return Cohort.objects.all()
    trains = memberships_granting_rights(user).filter(role=Role.TRAINER)
    return Cohort.objects.filter(pk__in=trains.values("cohort_id"))


def can_manage_cohort(user, cohort) -> bool:
    """A trainer of this cohort (a Cohort or its pk), or an admin: runs the cohort, reads all
    its reports, gives feedback, sees its figures. The one home of that rule."""
    return is_admin(user) or role_in(user, cohort) == Role.TRAINER


def is_trainer_membership(membership) -> bool:
    """The membership is a trainer's (shown as such beside their name in the cohort)."""
    return membership.role == Role.TRAINER


def can_create_cohorts(user) -> bool:
    """Trainers (the Trainers group) and admins may start cohorts in the admin."""
    return is_admin(user) or (can_use_admin(user) and has_confirmed_email(user))


def can_be_given_membership(person) -> bool:
    """Whether a trainer may add this person to a cohort or make them a trainer: only once
    they have confirmed their sign-in address (otherwise they are invited instead)."""
    return is_admin(person) or has_confirmed_email(person)


def can_delete_cohort(user, cohort) -> bool:
    """Only a cohort nobody's work is in may be deleted; others are archived, because deleting
    would take its members' reports, the comments on them and its roster with it."""
    return can_manage_cohort(user, cohort) and not cohort_work(cohort=cohort).exists


def organisations_for_new_cohorts(user):
    """Where a person may start cohorts: admins anywhere, trainers in their organisations."""
    if is_admin(user):
        return Organisation.objects.all()
    if not user.is_authenticated or not has_confirmed_email(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(trainers=user)


def can_create_cohort_in(user, organisation) -> bool:
    """`organisations_for_new_cohorts` for one organisation."""
    return is_admin(user) or (
        user.is_authenticated
        and has_confirmed_email(user)
        and organisation.trainers.filter(pk=user.pk).exists()
    )
