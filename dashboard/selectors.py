"""Reads for the pages that combine apps: a person's cohorts with their course progress and
teach-back, and a cohort's learner × module matrix. Each runs a fixed number of queries."""

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.dates import MONTHS_3

from cohorts.models import Membership, Role
from courses.models import ModuleProgress
from courses.permissions import books_visible_to
from courses.progress.selectors import completed_module_ids
from courses.selectors import modules_by_course
from reports.models import Status
from reports.permissions import reports_shared_with

SUBMITTED = Q(reports__status=Status.SUBMITTED)


def with_teach_back(memberships):
    """Annotate memberships with reports submitted, drafts and people reached (no row loops)."""
    return memberships.annotate(
        reports_submitted=Count("reports", filter=SUBMITTED, distinct=True),
        reports_drafted=Count("reports", filter=Q(reports__status=Status.DRAFT), distinct=True),
        people_reached=Sum("reports__audience_size", filter=SUBMITTED),
    )


def teach_back_status(membership) -> str:
    """“Not started”, “Draft”, or “Reported N times”, from `with_teach_back` annotations."""
    if membership.reports_submitted:
        times = membership.reports_submitted
        return f"Reported {times} time{'s' if times != 1 else ''}"
    return "Draft" if membership.reports_drafted else "Not started"


def latest_peer_reports(*, user, memberships, limit: int = 9):
    """The newest reports by others that a person may read across these, their memberships
    (one query)."""
    return list(
        reports_shared_with(user, memberships)
        .select_related("author__user")
        .order_by("-submitted_at")[:limit]
    )


def books_by_course(*, user, courses) -> dict[int, object]:
    """Each course's first community book this person may open (two queries), by course id."""
    courses = list(courses)
    if not courses:
        return {}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    by_path = {course.path: course.pk for course in courses}
    books = {}
    for book in books_visible_to(user).filter(condition).order_by("path"):
        books.setdefault(by_path[book.path[: -book.steplen]], book)
    return books


def learner_home(*, user) -> list[dict]:
    """Each active cohort of a person, with course progress and the next module (fixed queries)."""
    memberships = list(
        with_teach_back(Membership.objects.current().filter(user=user, cohort__archived=False))
        .select_related("cohort__course", "cohort__organisation")
        .order_by("-cohort__starts_on")
    )
    peer_reports = latest_peer_reports(user=user, memberships=memberships)
    books = books_by_course(
        user=user, courses={m.cohort.course_id: m.cohort.course for m in memberships}.values()
    )
    modules = modules_by_course(m.cohort.course_id for m in memberships)
    done = completed_module_ids(
        user=user, modules=[module for course in modules.values() for module in course]
    )
    rows = []
    for membership in memberships:
        course_modules = modules.get(membership.cohort.course_id, [])
        rows.append(
            {
                "membership": membership,
                "cohort": membership.cohort,
                "course": membership.cohort.course,
                "modules": course_modules,
                "done_count": sum(module.pk in done for module in course_modules),
                "next_module": next((m for m in course_modules if m.pk not in done), None),
                "teach_back": teach_back_status(membership),
                "book": books.get(membership.cohort.course_id),
                "peer_reports": [
                    r for r in peer_reports if r.author.cohort_id == membership.cohort_id
                ][:3],
            }
        )
    return rows


def _day_month(moment, months: dict) -> str:
    """“3 Mar”: what the template's `date:"j M"` prints, without its per-call cost."""
    local = timezone.localtime(moment)
    return f"{local.day} {months[local.month]}"


def cohort_progress(*, cohort) -> dict:
    """The current learner × module matrix of a cohort: completion dates and last activity."""
    current_learners = Membership.objects.current().filter(cohort=cohort, role=Role.LEARNER)
    learners = list(
        with_teach_back(current_learners)
        .select_related("user")
        .order_by("user__display_name", "user__email")
    )
    modules = modules_by_course([cohort.course_id])[cohort.course_id]
    completed = {}
    for user_id, module_id, completed_at in ModuleProgress.objects.filter(
        user__in=current_learners.values("user_id"),
        module__in=[module.pk for module in modules],
    ).values_list("user_id", "module_id", "completed_at"):
        completed[(user_id, module_id)] = completed_at
    # Cells are labelled here, not with the template's date filter: 2,400 of them (200
    # learners x 12 modules) took the filter 100 ms to format.
    months = {n: str(name).title() for n, name in MONTHS_3.items()}
    rows = []
    for membership in learners:
        dates = [completed.get((membership.user_id, module.pk)) for module in modules]
        finished = [date for date in dates if date]
        rows.append(
            {
                "membership": membership,
                "user": membership.user,
                "dates": dates,
                "labels": [_day_month(date, months) if date else "" for date in dates],
                "done_count": len(finished),
                "last_activity": max(finished) if finished else None,
                "teach_back": teach_back_status(membership),
            }
        )
    return {"modules": modules, "rows": rows}
