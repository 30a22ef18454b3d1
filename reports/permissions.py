"""Who may see, write and moderate teach-back reports: the only home of these rules.

Pairs, so lists and pages can never disagree: `reports_visible_to` / `can_view_report`, and
`reports_visible_in_cohort`, the same rule for one cohort's pages (the role is read once, so the
database filters by cohort alone instead of an OR across every cohort a person is in).
- Authors see all their own reports, drafts included.
- Members of a cohort see its submitted reports shared with the cohort.
- Trainers of a cohort also see reports shared with trainers only. Admins see everything.
Only current memberships count, the author's own included: a person a trainer removed no longer
opens the cohort's reports (theirs stay in the feed, marked as a former member's, for the
others). Nobody whose sign-in address is unconfirmed has any of these rights.
"""

from django.db.models import Q

from cohorts.models import Role
from cohorts.permissions import memberships_granting_rights
from reports.models import Status, TeachBackReport, Visibility


def _is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


def reports_visible_to(user):
    if _is_admin(user):
        return TeachBackReport.objects.all()
    if not user.is_authenticated:
        return TeachBackReport.objects.none()
    granting = memberships_granting_rights(user)
    member_of = granting.values("cohort_id")
    trainer_of = granting.filter(role=Role.TRAINER).values("cohort_id")
    return TeachBackReport.objects.filter(
        Q(author__in=granting)
        | Q(status=Status.SUBMITTED)
        & (
            Q(author__cohort_id__in=trainer_of)
            | Q(visibility=Visibility.COHORT, author__cohort_id__in=member_of)
        )
    )


def reports_visible_in_cohort(user, cohort):
    """`reports_visible_to(user)` within one cohort."""
    in_cohort = TeachBackReport.objects.filter(author__cohort=cohort)
    if _is_admin(user):
        return in_cohort
    role = _role_in(user, cohort.pk)
    if role is None:
        return in_cohort.none()
    shared = Q(status=Status.SUBMITTED)
    if role != Role.TRAINER:
        shared &= Q(visibility=Visibility.COHORT)
    return in_cohort.filter(Q(author__user=user) | shared)


def reports_shared_with(user, memberships):
    """Submitted reports by others that `reports_visible_to(user)` shows in the cohorts of
    these, the user's memberships: all where they train (or are an admin), those shared with
    the cohort elsewhere. The roles are already in hand, so no subquery per cohort."""
    sees_all = _is_admin(user)
    memberships = [m for m in memberships if sees_all or m.is_current]
    if not memberships:
        return TeachBackReport.objects.none()
    trains = [m.cohort_id for m in memberships if sees_all or m.role == Role.TRAINER]
    learns = [m.cohort_id for m in memberships if m.cohort_id not in trains]
    reports = (
        TeachBackReport.objects.filter(status=Status.SUBMITTED)
        .filter(
            Q(author__cohort_id__in=trains)
            | Q(author__cohort_id__in=learns, visibility=Visibility.COHORT)
        )
        .exclude(author__user=user)
    )
    if sees_all:
        return reports
    # A subquery, not another round trip: the memberships may not grant rights any more.
    return reports.filter(
        author__cohort_id__in=memberships_granting_rights(user).values("cohort_id")
    )


def can_view_report(user, report) -> bool:
    if _is_admin(user):
        return True
    role = _role_in(user, report.author.cohort_id)
    if role is None:
        return False
    if report.author.user_id == user.pk:
        return True
    if report.status != Status.SUBMITTED:
        return False
    return role == Role.TRAINER or report.visibility == Visibility.COHORT


def _role_in(user, cohort_id):
    """The person's role in the cohort while their membership is current and their address
    confirmed; None otherwise (anonymous, never a member, removed, or unconfirmed)."""
    return (
        memberships_granting_rights(user)
        .filter(cohort_id=cohort_id)
        .values_list("role", flat=True)
        .first()
    )


def reports_shared_with_cohort(cohort):
    """Submitted reports of a cohort that their authors shared with the whole cohort: the only
    ones a room full of its members may see (the report-back view on a projector)."""
    return TeachBackReport.objects.filter(
        author__cohort=cohort, status=Status.SUBMITTED, visibility=Visibility.COHORT
    )


def is_shared_with_cohort(report) -> bool:
    """`reports_shared_with_cohort` for one report."""
    return report.status == Status.SUBMITTED and report.visibility == Visibility.COHORT


def can_file_report(user, cohort) -> bool:
    """Members of a cohort file reports in it (trainers may show how it is done)."""
    return not cohort.archived and _role_in(user, cohort.pk) is not None


def membership_for_filing(user, cohort):
    """The current membership a new report is filed under (None when there is none)."""
    return memberships_granting_rights(user).filter(cohort=cohort).first()


def can_edit_report(user, report) -> bool:
    """Authors change their own reports while they are still in the cohort."""
    return (
        user.is_authenticated
        and report.author.user_id == user.pk
        and memberships_granting_rights(user).filter(pk=report.author_id).exists()
    )


def can_comment_on(user, report) -> bool:
    return report.status == Status.SUBMITTED and can_view_report(user, report)


def can_appreciate(user, report) -> bool:
    """Those who may comment on a report may appreciate it, except its author."""
    return report.author.user_id != user.pk and can_comment_on(user, report)


def can_moderate_report(user, report) -> bool:
    """Trainers of the report's cohort (and admins) give feedback and hide comments."""
    return _is_admin(user) or _role_in(user, report.author.cohort_id) == Role.TRAINER


def can_edit_comment(user, comment) -> bool:
    """Authors change their own comments while they may still read the report."""
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and _role_in(user, comment.report.author.cohort_id) is not None
    )


def can_see_cohort_impact(user, cohort) -> bool:
    """Impact figures and report CSV: the cohort's trainers and admins."""
    return _is_admin(user) or _role_in(user, cohort.pk) == Role.TRAINER


def can_see_organisation_impact(user) -> bool:
    """Organisation-wide figures cross cohorts, so no trainer role is enough: admins only."""
    return _is_admin(user)
