"""The admin dashboard's panels for trainers: pages waiting for their review, the cohorts they
run (with invite links) and the newest teach-back reports they may read.

Each panel lists through the permission rules of its app (Wagtail's reviewable task states,
cohorts.permissions, reports.permissions) and runs a fixed number of queries.
"""

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, get_default_page_content_type

from cohorts.models import Role
from cohorts.permissions import can_create_cohorts, cohorts_managed_by
from cohorts.status import cohort_status
from reports.permissions import reports_visible_to

PANEL_LIMIT = 8


class RipplePanel(Component):
    """A dashboard panel in Ripple's panel style (static/css/admin-panels.css)."""

    class Media:
        css = {"all": ["css/admin-panels.css"]}


def pages_waiting_for_review(*, user, limit: int = PANEL_LIMIT) -> list[dict]:
    """Pages in a review task this person may approve (never their own submission: see
    courses.models.review), the longest waiting first."""
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=get_default_page_content_type())
        .select_related("revision", "workflow_state__requested_by", "task")
        .order_by("started_at", "pk")[:limit]
    )
    return [
        {
            "page_id": int(state.workflow_state.object_id),
            "task_state_id": state.pk,
            "title": state.revision.object_str,
            "task": state.task,
            "requested_by": state.workflow_state.requested_by,
            "started_at": state.started_at,
        }
        for state in states
    ]


def cohorts_run_by(*, user, limit: int | None = PANEL_LIMIT) -> list:
    """The person's active cohorts (all active ones for admins), newest first, each with its
    number of current learners and its status in words."""
    current_learners = Q(
        memberships__role=Role.LEARNER, memberships__ended_at__isnull=True
    )
    cohorts = list(
        cohorts_managed_by(user)
        .active()
        .select_related("course", "organisation")
        .annotate(learner_count=Count("memberships", filter=current_learners))
        .order_by("-starts_on", "name")[:limit]
    )
    for cohort in cohorts:
        cohort.status = cohort_status(cohort)
    return cohorts


def newest_reports(*, user, limit: int = PANEL_LIMIT) -> list:
    """The newest submitted reports this person may read; each says whether this person gives
    feedback on it (they train its cohort) and whether that feedback is still to come."""
    reports = list(
        reports_visible_to(user)
        .submitted()
        .select_related("author__user", "author__cohort")
        .order_by("-submitted_at", "-pk")[:limit]
    )
    cohort_ids = {report.author.cohort_id for report in reports}
    moderated = set(
        cohorts_managed_by(user).filter(pk__in=cohort_ids).values_list("pk", flat=True)
    ) if reports else set()
    for report in reports:
        report.gives_feedback = report.author.cohort_id in moderated
    return reports


class ReviewPanel(RipplePanel):
    """“Waiting for your review”: replaces Wagtail's own moderation panel. Each page has a
    preview, Approve, and Request changes with a comment: Wagtail's workflow actions, posted
    without the editor (whose Save would restart the review if the form changed anything)."""

    name = "ripple_review"
    order = 100
    template_name = "dashboard/admin/review_panel.html"

    def get_context_data(self, parent_context):
        return {
            "reviews": pages_waiting_for_review(user=parent_context["request"].user),
            "csrf_token": parent_context["csrf_token"],
        }


class CohortsPanel(RipplePanel):
    """“Your cohorts”: each with its invite link to copy, its members and its cohort page."""

    name = "ripple_cohorts"
    order = 110
    template_name = "dashboard/admin/cohorts_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        cohorts = cohorts_run_by(user=request.user)
        for cohort in cohorts:
            cohort.invite_link = request.build_absolute_uri(cohort.join_path)
        return {
            "cohorts": cohorts,
            "can_add": not cohorts and can_create_cohorts(request.user),
        }


class ReportsPanel(RipplePanel):
    """“Newest teach-back reports”, each linking to the report on the site."""

    name = "ripple_reports"
    order = 120
    template_name = "dashboard/admin/reports_panel.html"

    def get_context_data(self, parent_context):
        return {"reports": newest_reports(user=parent_context["request"].user)}

