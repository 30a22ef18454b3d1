"""Who may see and run which cohort: the only home of these rules, as pairs of check + list.

Admins (superusers) see and run every cohort. Otherwise a person sees the cohorts they belong
to, and runs the ones they train.
"""

from cohorts.models import Cohort, Membership, Role


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
