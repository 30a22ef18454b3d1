"""Reads for the pages that combine apps: a person's cohorts with their course progress and
teach-back, and a cohort's learner × module matrix. Each runs a fixed number of queries."""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext, ngettext
from wagtail.models import TaskState

from accounts.permissions import can_use_admin, is_admin
from cohorts.models import Membership, Role
from cohorts.permissions import cohorts_managed_by, organisations_for_new_cohorts
from courses.languages import live_in_language
from courses.models import ModuleProgress
from courses.permissions import books_visible_to
from courses.progress.selectors import completed_module_ids
from courses.selectors import modules_by_course
from reports.impact import organisations_with_totals
from reports.models import Status, TeachBackReport
from reports.permissions import reports_shared_with, reports_visible_to

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
        return ngettext("Reported %(count)s time", "Reported %(count)s times", times) % {
            "count": times
        }
    return gettext("Draft") if membership.reports_drafted else gettext("Not started")


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
    """Each active cohort a person learns in, with course progress and the next module (fixed
    queries). Cohorts they train are on the trainer home (`trainer_home`)."""
    memberships = list(
        with_teach_back(
            Membership.objects.current().filter(
                user=user, role=Role.LEARNER, cohort__archived=False
            )
        )
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
    _in_reading_language(rows, keys=("course", "next_module", "book"))
    return rows


def _in_reading_language(rows, *, keys) -> None:
    """Swap the pages of each row for their live translations in the language being read,
    where there is one (one query, none in the default language)."""
    language = translation.get_language()
    if not rows or language == settings.LANGUAGE_CODE:
        return
    translated = live_in_language([row[key] for row in rows for key in keys], language)
    for row in rows:
        for key in keys:
            if row[key] is not None and row[key].pk in translated:
                row[key] = translated[row[key].pk]


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


def cohorts_trained_by(*, user):
    """The active cohorts a person trains as a member, for their learner home (one query)."""
    return list(
        Membership.objects.current()
        .filter(user=user, role=Role.TRAINER, cohort__archived=False)
        .select_related("cohort__organisation")
        .order_by("-cohort__starts_on", "cohort__name")
    )


# The trainer home ---------------------------------------------------------------------------

WAITING_FOR_FEEDBACK = Q(status=Status.SUBMITTED, trainer_feedback="")


def _count_per_cohort(queryset, cohort_lookup: str):
    """A correlated subquery: how many rows of `queryset` belong to the outer cohort (0 if none).
    Subqueries, not joins: counting across two joined tables would multiply the rows."""
    counted = (
        queryset.filter(**{cohort_lookup: OuterRef("pk")})
        .order_by()
        .values(cohort_lookup)
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _completions_by_cohort(cohorts, modules) -> dict[int, int]:
    """Module completions by each cohort's current learners on its own course (one query)."""
    module_ids = {module.pk for course in modules.values() for module in course}
    if not cohorts or not module_ids:
        return {}
    rows = (
        ModuleProgress.objects.filter(
            module_id__in=module_ids,
            user__memberships__cohort__in=[cohort.pk for cohort in cohorts],
            user__memberships__role=Role.LEARNER,
            user__memberships__ended_at__isnull=True,
        )
        .values_list("user__memberships__cohort_id", "module_id")
        .annotate(n=Count("pk"))
    )
    course_of = {cohort.pk: cohort.course_id for cohort in cohorts}
    in_course = {
        course_id: {module.pk for module in course} for course_id, course in modules.items()
    }
    totals: dict[int, int] = {}
    for cohort_id, module_id, n in rows:
        if module_id in in_course.get(course_of[cohort_id], ()):
            totals[cohort_id] = totals.get(cohort_id, 0) + n
    return totals


def reports_waiting_for_feedback(*, user, cohorts, limit: int = 8):
    """Submitted reports by others in these cohorts that no trainer has answered yet, the
    longest-waiting first (one query)."""
    return list(
        reports_visible_to(user)
        .filter(WAITING_FOR_FEEDBACK, author__cohort__in=[cohort.pk for cohort in cohorts])
        .exclude(author__user=user)
        .select_related("author__user", "author__cohort")
        .order_by("submitted_at", "pk")[:limit]
    )


def modules_to_review(*, user, limit: int = 10) -> list:
    """Changes waiting for this person's review in a Wagtail workflow (Trainer review): the
    task states they may approve, newest first. Nothing for people outside the admin."""
    if not can_use_admin(user):
        return []
    return list(
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "workflow_state__requested_by")
        .order_by("-started_at")[:limit]
    )


def trainer_home(*, user) -> dict:
    """What a trainer works on: each active cohort they run with progress at a glance, the
    reports waiting for feedback, the changes waiting for their review, and organisations
    (every one with its totals for admins; where they may start cohorts for trainers).
    A fixed number of queries whatever the number of cohorts, learners or reports."""
    learners = Membership.objects.current().filter(role=Role.LEARNER)
    cohorts = list(
        cohorts_managed_by(user)
        .filter(archived=False)
        .select_related("course", "organisation")
        .annotate(
            learner_count=_count_per_cohort(learners, "cohort"),
            learners_who_taught=_count_per_cohort(
                learners.filter(reports__status=Status.SUBMITTED), "cohort"
            ),
            waiting_count=_count_per_cohort(
                TeachBackReport.objects.filter(WAITING_FOR_FEEDBACK).exclude(author__user=user),
                "author__cohort",
            ),
        )
        .order_by("organisation__name", "-starts_on", "name")
    )
    modules = modules_by_course(cohort.course_id for cohort in cohorts)
    completions = _completions_by_cohort(cohorts, modules)
    rows = []
    for cohort in cohorts:
        module_count = len(modules.get(cohort.course_id, []))
        possible = module_count * cohort.learner_count
        done = completions.get(cohort.pk, 0)
        rows.append(
            {
                "cohort": cohort,
                "module_count": module_count,
                "completions": done,
                "possible": possible,
                "percent_done": round(100 * done / possible) if possible else 0,
            }
        )
    all_organisations = is_admin(user)
    return {
        "rows": rows,
        "waiting": reports_waiting_for_feedback(user=user, cohorts=cohorts),
        "waiting_total": sum(cohort.waiting_count for cohort in cohorts),
        "reviews": modules_to_review(user=user),
        "all_organisations": all_organisations,
        "organisations": (
            list(organisations_with_totals()) if all_organisations
            else list(organisations_for_new_cohorts(user))
        ),
    }
