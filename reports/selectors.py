"""Reads of reports for pages: each runs a fixed number of queries however many reports exist."""

from dataclasses import asdict, dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from reports.models import Appreciation, Comment, Status, TeachBackReport
from reports.permissions import reports_shared_with_cohort, reports_visible_in_cohort


def _count_of(model, **filters):
    counts = (
        model.objects.filter(report=OuterRef("pk"), **filters)
        .order_by()
        .values("report")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def with_counts(reports):
    """Comment and appreciation counts as subqueries (cheap under LIMIT, no row blow-up)."""
    return reports.annotate(
        comment_count=_count_of(Comment, hidden=False),
        appreciation_count=_count_of(Appreciation),
    )


def feed_reports(*, user, cohort, setting: str = "", principle=None):
    """The cohort's submitted reports this person may read, newest first, for the feed."""
    reports = reports_visible_in_cohort(user, cohort).filter(status=Status.SUBMITTED)
    if setting:
        reports = reports.filter(setting=setting)
    if principle is not None:
        reports = reports.filter(principles=principle)
    return (
        with_counts(reports)
        .select_related("author__user")
        .prefetch_related("principles")
        .order_by("-submitted_at", "-pk")
    )


def own_drafts(*, user, cohort):
    """A person's own drafts in a cohort (their own reports are always theirs to see)."""
    return TeachBackReport.objects.filter(
        author__cohort=cohort, author__user=user, status=Status.DRAFT
    ).order_by("-updated_at")


def report_back_reports(*, cohort):
    """Reports for the peer report-back session, shown to the room: of those their authors
    shared with the cohort, the ones marked to share, else all (never a trainers-only one)."""
    submitted = (
        with_counts(reports_shared_with_cohort(cohort))
        .select_related("author__user")
        .prefetch_related("principles")
        .order_by("submitted_at", "pk")
    )
    shared = submitted.filter(share_at_next_session=True)
    return shared if shared.exists() else submitted


@dataclass(frozen=True)
class MemberWork:
    """What one member wrote in their cohort: it stays when a trainer removes them."""

    reports: int
    drafts: int
    comments: int


def work_of_member(*, membership) -> MemberWork:
    """A member's submitted reports and drafts in the cohort, and the comments they wrote on its
    reports (two queries)."""
    counts = TeachBackReport.objects.filter(author=membership).aggregate(
        reports=Count("pk", filter=Q(status=Status.SUBMITTED)),
        drafts=Count("pk", filter=Q(status=Status.DRAFT)),
    )
    comments = Comment.objects.filter(
        author_id=membership.user_id, report__author__cohort_id=membership.cohort_id
    ).count()
    return MemberWork(reports=counts["reports"], drafts=counts["drafts"], comments=comments)


def member_work_counts(*, membership) -> dict[str, int]:
    """`work_of_member` by kind, for cohorts.work (its member-removal page)."""
    return asdict(work_of_member(membership=membership))


def cohort_work_counts(*, cohort) -> dict[str, int]:
    """Teach-back reports filed in a cohort, drafts included, and the comments on them (one
    query), for cohorts.work: a cohort holding any cannot be deleted, and its delete page says
    what it holds."""
    return TeachBackReport.objects.filter(author__cohort=cohort).aggregate(
        reports=Count("pk", distinct=True), comments=Count("comments")
    )
