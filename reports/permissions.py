"""Who may see, write and moderate teach-back reports: the only home of these rules.

Who sees which report is written once, as a filter (`_visible`); every list is that filter
with the person's cohorts filled in, and `can_view_report` asks the list. So lists and pages
cannot disagree (tests/reports/test_permissions.py checks that they do not):
- Authors see all their own reports, drafts included.
- Members of a cohort see its submitted reports shared with the cohort.
- Trainers of a cohort also see reports shared with trainers only. Admins see everything.
Only current memberships count, the author's own included: a person a trainer removed no longer
opens the cohort's reports (theirs stay in the feed, marked as a former member's, for the
others). Nobody whose sign-in address is unconfirmed has any of these rights
(cohorts.permissions.memberships_granting_rights).
"""

from django.db.models import Q

from accounts.permissions import is_admin
from cohorts.models import Role
from cohorts.permissions import can_manage_cohort, memberships_granting_rights, role_in
from reports.models import Status, TeachBackReport, Visibility


def _visible(*, trains, learns, own=None) -> Q:
    """The rule: `own` reports (any status), and submitted ones in cohorts the person `trains`
    in, or shared with the cohort in cohorts they `learns` in (cohort ids or a subquery)."""
    shared = Q(status=Status.SUBMITTED) & (
        Q(author__cohort_id__in=trains)
        | Q(visibility=Visibility.COHORT, author__cohort_id__in=learns)
    )
    return shared if own is None else own | shared


def reports_visible_to(user):
    """Every report this person may read (the list twin of `can_view_report`)."""
    if is_admin(user):
        return TeachBackReport.objects.all()
    if not user.is_authenticated:
        return TeachBackReport.objects.none()
    granting = memberships_granting_rights(user)
    return TeachBackReport.objects.filter(
        _visible(
            own=Q(author__in=granting),
            trains=granting.filter(role=Role.TRAINER).values("cohort_id"),
            learns=granting.values("cohort_id"),
        )
    )


def reports_visible_in_cohort(user, cohort):
    """`reports_visible_to(user)` within one cohort. The role is read once, so the database
    filters by this cohort alone instead of an OR across every cohort the person is in."""
    in_cohort = TeachBackReport.objects.filter(author__cohort=cohort)
    if is_admin(user):
        return in_cohort
    role = role_in(user, cohort.pk)
    if role is None:
        return in_cohort.none()
    trains = [cohort.pk] if role == Role.TRAINER else []
    # One membership per person and cohort: theirs here is the current one `role` came from.
    return in_cohort.filter(
        _visible(own=Q(author__user=user), trains=trains, learns=[cohort.pk])
    )


def reports_shared_with(user, memberships):
    """Submitted reports by others that `reports_visible_to(user)` shows in the cohorts of
    these, the user's memberships: all where they train (or are an admin), those shared with
    the cohort elsewhere. The roles are already in hand, so no subquery per cohort."""
    sees_all = is_admin(user)
    memberships = [m for m in memberships if sees_all or m.is_current]
    if not memberships:
        return TeachBackReport.objects.none()
    trains = [m.cohort_id for m in memberships if sees_all or m.role == Role.TRAINER]
    learns = [m.cohort_id for m in memberships if m.cohort_id not in trains]
    reports = TeachBackReport.objects.filter(_visible(trains=trains, learns=learns)).exclude(
        author__user=user
    )
    if sees_all:
        return reports
    # A subquery, not another round trip: the memberships may not grant rights any more.
    return reports.filter(
        author__cohort_id__in=memberships_granting_rights(user).values("cohort_id")
    )


def can_view_report(user, report) -> bool:
    """Whether `reports_visible_to(user)` holds this report (one query; none for admins)."""
    return is_admin(user) or reports_visible_to(user).filter(pk=report.pk).exists()


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
    return not cohort.archived and role_in(user, cohort.pk) is not None


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
    """Those who may read a submitted report may comment on it."""
    return report.status == Status.SUBMITTED and can_view_report(user, report)


def can_appreciate(user, report) -> bool:
    """Those who may comment on a report may appreciate it, except its author."""
    return report.author.user_id != user.pk and can_comment_on(user, report)


def can_moderate_report(user, report) -> bool:
    """Trainers of the report's cohort (and admins) give feedback and hide comments."""
    return can_manage_cohort(user, report.author.cohort_id)


def can_edit_comment(user, comment) -> bool:
    """Authors change their own comments while they may still read the report."""
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and role_in(user, comment.report.author.cohort_id) is not None
    )


def can_see_cohort_impact(user, cohort) -> bool:
    """Impact figures and report CSV: the cohort's trainers and admins."""
    return can_manage_cohort(user, cohort.pk)


def can_see_organisation_impact(user) -> bool:
    """Organisation-wide figures cross cohorts, so no trainer role is enough: admins only."""
    return is_admin(user)
