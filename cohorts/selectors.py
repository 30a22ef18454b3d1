"""Reads of cohorts and progress that pages across apps use; each runs a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.dates import MONTHS_3

from caching import generations
from cohorts.models import Membership, ModuleProgress, Reflection, Role


def completed_module_ids(*, user, modules) -> set[int]:
    """Ids of the given modules that the user has completed (one query; none when anonymous)."""
    if not user.is_authenticated:
        return set()
    return set(
        ModuleProgress.objects.for_user(user)
        .filter(module__in=[module.pk for module in modules])
        .values_list("module_id", flat=True)
    )


def reflection_answers(*, user, module) -> dict[str, Reflection]:
    """The user's own answers on a module, by question key, oldest first. Nobody else's."""
    return {
        reflection.question_key: reflection
        for reflection in Reflection.objects.for_user(user).filter(module=module).order_by("pk")
    }


def modules_by_course(course_ids) -> dict[int, list]:
    """The live modules of several courses in tree order, in one query, keyed by course id.

    Without their bodies: a module's StreamField is most of its row, and lists never show it.
    Cached until the content generation changes (a publish, say).
    """
    course_ids = sorted(set(course_ids))
    return generations.cached(
        f"modules-by-course:{','.join(map(str, course_ids))}",
        generations.current(generations.CONTENT),
        lambda: _modules_by_course(course_ids),
    )


def _modules_by_course(course_ids) -> dict[int, list]:
    from courses.models import CoursePage, ModulePage

    courses = list(CoursePage.objects.filter(pk__in=course_ids).only("id", "path", "depth"))
    result: dict[int, list] = {course.pk: [] for course in courses}
    if not courses:
        return result
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    by_path = {course.path: course.pk for course in courses}
    steplen = ModulePage.steplen
    for module in ModulePage.objects.live().filter(condition).defer_streamfields().order_by("path"):
        result[by_path[module.path[:-steplen]]].append(module)
    return result


SUBMITTED = Q(reports__status="submitted")


def with_teach_back(memberships):
    """Annotate memberships with reports submitted, drafts and people reached (no row loops)."""
    return memberships.annotate(
        reports_submitted=Count("reports", filter=SUBMITTED, distinct=True),
        reports_drafted=Count("reports", filter=Q(reports__status="draft"), distinct=True),
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
    from reports.permissions import reports_shared_with

    return list(
        reports_shared_with(user, memberships)
        .select_related("author__user")
        .order_by("-submitted_at")[:limit]
    )


def books_by_course(*, user, courses) -> dict[int, object]:
    """Each course's first community book this person may open (two queries), by course id."""
    from courses.permissions import books_visible_to

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


def members_of(*, cohort):
    """The cohort's current members, for its members page (one query)."""
    return Membership.objects.current().filter(cohort=cohort).select_related("user")


def former_members_of(*, cohort):
    """Whom a trainer removed from the cohort, when and by whom, latest first (one query)."""
    return (
        Membership.objects.ended()
        .filter(cohort=cohort)
        .select_related("user", "ended_by")
        .order_by("-ended_at")
    )


@dataclass(frozen=True)
class CohortWork:
    """What people made in a cohort that deleting the cohort would destroy."""

    reports: int
    members_with_progress: int

    @property
    def exists(self) -> bool:
        return bool(self.reports or self.members_with_progress)


def cohort_work(*, cohort) -> CohortWork:
    """Reports filed in the cohort (drafts too) and members with progress on its course (two
    queries)."""
    reports = (
        Membership.objects.filter(cohort=cohort).aggregate(n=Count("reports"))["n"]
    )
    with_progress = (
        Membership.objects.filter(
            cohort=cohort,
            user__in=ModuleProgress.objects.filter(
                module__in=[m.pk for m in modules_by_course([cohort.course_id])[cohort.course_id]]
            ).values("user_id"),
        ).count()
    )
    return CohortWork(reports=reports, members_with_progress=with_progress)
