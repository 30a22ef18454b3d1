"""Impact figures of a cohort, or of all the cohorts of an organisation added up.

Every figure is computed by the database (Count, Sum, Min, TruncWeek): Python only walks a
handful of aggregated rows (nine settings, a course's modules, a few principles, one row per
learner who taught), so a page runs the same queries for 5 reports or 50,000. Only submitted
reports count; drafts never do. Every report of the cohort counts, including those shared with
trainers only and those a trainer filed: these figures are for trainers and admins
(reports.permissions.can_see_cohort_impact), who may read them all.

People a trainer removed from a cohort (an ended membership) still count wherever their work
does: their reports, the people they reached, settings, modules, principles, weeks and days to
a first teach-back. “Learners” and the share who taught count current learners only, so the
share answers “how many of the people in this cohort now have taught?”.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Count,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format

from cohorts.models import Cohort, Membership, Organisation, Role
from courses.selectors import modules_by_course
from reports.models import Setting, Status, TeachBackReport

SUBMITTED = Q(reports__status=Status.SUBMITTED)


@dataclass(frozen=True)
class Tally:
    """One row of a breakdown: how many submitted reports, and the people they reached."""

    label: str
    reports: int
    people: int | None = None
    key: object = None


@dataclass
class Impact:
    """The figures of one cohort, or of all cohorts of an organisation added together."""

    learners: int
    learners_who_taught: int
    reports: int
    people_reached: int
    days_to_first: list[int]
    settings: list[Tally]
    principles: list[Tally]
    modules: list[Tally]
    weeks: list[Tally]
    cohorts: int = 1
    courses: list[str] = field(default_factory=list)

    @property
    def taught_share(self) -> int:
        """Percentage of current learners with at least one submitted report (0 when none)."""
        return round(100 * self.learners_who_taught / self.learners) if self.learners else 0

    @property
    def median_days_to_first(self) -> float | None:
        return statistics.median(self.days_to_first) if self.days_to_first else None

    @property
    def average_days_to_first(self) -> float | None:
        if not self.days_to_first:
            return None
        return round(statistics.fmean(self.days_to_first), 1)


def cohort_impact(*, cohort: Cohort) -> Impact:
    """The impact figures of one cohort (a fixed number of queries)."""
    return _impact(
        memberships=Membership.objects.filter(cohort=cohort),
        reports=TeachBackReport.objects.submitted().filter(author__cohort=cohort),
        courses={cohort.course_id: ""},
    )


def organisation_impact(*, organisation: Organisation) -> Impact:
    """The figures of all of an organisation's cohorts added together (a fixed number of queries).

    Learners are counted per membership: someone in two cohorts is two learners, as they are
    on each cohort's page, so the organisation's figures are the sum of its cohorts'.
    """
    cohorts = list(
        Cohort.objects.filter(organisation=organisation)
        .order_by("course__path")
        .values_list("course_id", "course__title")
    )
    courses = dict(cohorts)
    figures = _impact(
        memberships=Membership.objects.filter(cohort__organisation=organisation),
        reports=TeachBackReport.objects.submitted().in_organisation(organisation),
        # Module names carry their course's title only when modules of several courses mix.
        courses=courses if len(courses) > 1 else dict.fromkeys(courses, ""),
    )
    figures.cohorts = len(cohorts)
    figures.courses = list(courses.values())
    return figures


def _impact(*, memberships, reports, courses: dict[int, str]) -> Impact:
    learners = memberships.current().filter(role=Role.LEARNER).aggregate(
        learners=Count("pk", distinct=True),
        taught=Count("pk", filter=SUBMITTED, distinct=True),
    )
    settings = _by_setting(reports)
    modules = modules_by_course(courses)
    return Impact(
        learners=learners["learners"],
        learners_who_taught=learners["taught"],
        reports=sum(row.reports for row in settings),
        people_reached=sum(row.people for row in settings),
        days_to_first=_days_to_first_teach_back(memberships),
        settings=settings,
        modules=_by_module(reports, courses, modules),
        principles=_by_principle(reports, modules),
        weeks=_by_week(reports),
    )


def _days_to_first_teach_back(memberships) -> list[int]:
    """Per learner who taught: days from joining to the first day they taught (never negative).

    A report may be filed about teaching done just before joining was recorded (an invite
    accepted late): that counts as day 0, not as a negative wait.
    """
    # The first day taught per learner comes from the database; the difference is taken here,
    # in local dates, because SQLite computes date arithmetic in Python, row by row.
    firsts = (
        memberships.filter(role=Role.LEARNER)
        .order_by()
        .values("pk")
        .annotate(first_taught=Min("reports__taught_on", filter=SUBMITTED))
        .filter(first_taught__isnull=False)
        .values_list("joined_at", "first_taught")
    )
    return sorted(
        max((first - timezone.localdate(joined)).days, 0) for joined, first in firsts
    )


def _by_setting(reports) -> list[Tally]:
    """Every setting, in the order of the form, with its reports and people (zeros included)."""
    rows = {
        row["setting"]: row
        for row in reports.order_by()
        .values("setting")
        .annotate(reports=Count("pk"), people=Sum("audience_size"))
    }
    return [
        Tally(
            label=label,
            key=value,
            reports=rows.get(value, {}).get("reports", 0),
            people=rows.get(value, {}).get("people") or 0,
        )
        for value, label in Setting.choices
    ]


def _by_module(reports, courses: dict[int, str], modules: dict[int, list]) -> list[Tally]:
    """Each live module of the courses, in course order, with the reports that taught it."""
    through = TeachBackReport.modules.through
    counts = dict(
        through.objects.filter(teachbackreport__in=reports.values("pk"))
        .order_by()
        .values("modulepage_id")
        .annotate(n=Count("teachbackreport_id"))
        .values_list("modulepage_id", "n")
    )
    rows = []
    for course_id, course_modules in modules.items():
        prefix = f"{courses[course_id]}: " if courses.get(course_id) else ""
        rows += [
            Tally(label=f"{prefix}{module.title}", key=module.pk, reports=counts.get(module.pk, 0))
            for module in course_modules
        ]
    return rows


def _by_principle(reports, modules: dict[int, list]) -> list[Tally]:
    """The principles of the courses' modules, and any other principle taught, most taught first.

    A principle of the course that nobody has taught yet is listed with 0: that is worth seeing.
    """
    from courses.models import Principle

    # One grouped count over the cohort's reports, then the principles by id: a correlated
    # subquery per principle re-ran the report subquery once per principle.
    counts = dict(
        TeachBackReport.principles.through.objects.filter(teachbackreport__in=reports)
        .order_by()
        .values("principle_id")
        .annotate(n=Count("teachbackreport_id"))
        .values_list("principle_id", "n")
    )
    module_ids = [module.pk for course_modules in modules.values() for module in course_modules]
    named = (
        Principle.objects.filter(Q(pk__in=list(counts)) | Q(modules__in=module_ids))
        .distinct()
        .values_list("pk", "name")
    )
    principles = sorted(
        ((pk, name, counts.get(pk, 0)) for pk, name in named), key=lambda row: (-row[2], row[1])
    )
    return [Tally(label=name, key=pk, reports=n) for pk, name, n in principles]


def _by_week(reports) -> list[Tally]:
    """Reports per week (Monday) of teaching, every week from the first to the last, zeros too."""
    # Grouped by day in the database, by week here: SQLite's week truncation is a Python
    # function called once per report.
    rows: dict = {}
    for day in (
        reports.order_by()
        .values("taught_on")
        .annotate(reports=Count("pk"), people=Sum("audience_size"))
    ):
        week = day["taught_on"] - timedelta(days=day["taught_on"].weekday())
        row = rows.setdefault(week, {"reports": 0, "people": 0})
        row["reports"] += day["reports"]
        row["people"] += day["people"] or 0
    if not rows:
        return []
    first, last = min(rows), max(rows)
    weeks = []
    week = first
    while week <= last:
        row = rows.get(week, {})
        weeks.append(
            Tally(
                label=_week_label(week),
                key=week,
                reports=row.get("reports", 0),
                people=row.get("people") or 0,
            )
        )
        week += timedelta(days=7)
    return weeks


def _week_label(week: date) -> str:
    """“7 Sep 2026”: the reader's language's named date format (config/formats/<lang>)."""
    return date_format(week, "DATE_FORMAT")


# Organisation and cohort totals (for lists) ---------------------------------------------------


def _per_row(queryset, group_by: str, aggregate):
    """A correlated subquery: one aggregate over `queryset` for the outer row, 0 when empty."""
    values = queryset.order_by().values(group_by).annotate(n=aggregate).values("n")
    return Coalesce(Subquery(values, output_field=IntegerField()), Value(0))


def _with_totals(queryset, *, cohort_lookup: str):
    """Learners, learners who taught, reports and people reached, as subqueries of each row.

    Subqueries rather than joins: counting across two joined tables would multiply the rows.
    """
    outer = {cohort_lookup: OuterRef("pk")}
    learners = Membership.objects.current().filter(role=Role.LEARNER, **outer)
    reports = TeachBackReport.objects.submitted().filter(
        **{f"author__{cohort_lookup}": OuterRef("pk")}
    )
    return queryset.annotate(
        learner_count=_per_row(learners, cohort_lookup, Count("pk")),
        learners_who_taught=_per_row(
            learners.filter(SUBMITTED), cohort_lookup, Count("pk", distinct=True)
        ),
        report_count=_per_row(reports, f"author__{cohort_lookup}", Count("pk")),
        people_reached=_per_row(reports, f"author__{cohort_lookup}", Sum("audience_size")),
    )


def organisations_with_totals():
    """Every organisation with its cohorts' totals added up (one query)."""
    return _with_totals(
        Organisation.objects.annotate(cohort_count=Count("cohorts")),
        cohort_lookup="cohort__organisation",
    ).order_by("name")


def cohorts_with_totals(*, organisation: Organisation):
    """An organisation's cohorts, each with its own totals (one query)."""
    return _with_totals(
        Cohort.objects.filter(organisation=organisation).select_related("course"),
        cohort_lookup="cohort",
    ).order_by("-starts_on", "name")
