"""Who may see and run which cohort: the only home of these rules, as pairs of check + list.

Admins (superusers) see and run every cohort. Otherwise a person sees the cohorts they belong
to, and runs the ones they train; they start new ones only in organisations that name them as
trainers (Organisation.trainers, set by admins).
"""

from accounts.permissions import has_confirmed_email
from cohorts.models import Cohort, Membership, Organisation, Role


def _is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


def cohorts_visible_to(user):
    if _is_admin(user):
        return Cohort.objects.all()
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.with_member(user)


def can_view_cohort(user, cohort) -> bool:
    return _is_admin(user) or (
        user.is_authenticated
        and Membership.objects.filter(cohort=cohort, user=user).exists()
    )


def cohorts_managed_by(user):
    if _is_admin(user):
        return Cohort.objects.all()
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.with_member(user, role=Role.TRAINER)


def can_manage_cohort(user, cohort) -> bool:
    return _is_admin(user) or (
        user.is_authenticated
        and Membership.objects.filter(cohort=cohort, user=user, role=Role.TRAINER).exists()
    )


def can_create_cohorts(user) -> bool:
    """Trainers (the Trainers group) and admins may start cohorts in the admin."""
    return _is_admin(user) or (
        user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )


def organisations_for_new_cohorts(user):
    """Where a person may start cohorts: admins anywhere, trainers in their organisations."""
    if _is_admin(user):
        return Organisation.objects.all()
    if not user.is_authenticated or not has_confirmed_email(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(trainers=user)


def can_create_cohort_in(user, organisation) -> bool:
    return _is_admin(user) or (
        user.is_authenticated
        and has_confirmed_email(user)
        and organisation.trainers.filter(pk=user.pk).exists()
    )
