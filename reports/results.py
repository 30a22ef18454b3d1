"""Results beside behaviour: the engagement pulse (pulse.selectors) next to teach-back activity,
for a cohort's and an organisation's impact pages.

The pulse's selectors already keep every figure to whole groups of at least five people whose
answering window has closed; this module only puts their figures beside the reports. Sums come
from the database grouped by day (never a row per report or per answer), so each function runs
the same queries for 5 answers or 5,000.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from cohorts.models import Cohort, Membership
from pulse.models import Stage
from pulse.selectors import (
    StageFigure,
    engagement_groups,
    engagement_groups_by_cohort,
    stage_figures,
)
from reports.models import Status, TeachBackReport

SUBMITTED = Q(reports__status=Status.SUBMITTED)
REACH_ROUNDING = 10

# The teach-backs shown beside each stage: those taught between the stage before and this one,
# counted in days from the cohort's end (None: no limit). Nothing is taught before the baseline.
PERIODS = {
    Stage.AFTER_COURSE: (None, 0),
    Stage.DAY_30: (0, 30),
    Stage.DAY_60: (30, 60),
    Stage.DAY_90: (60, 90),
}
PERIOD_LABELS = {
    Stage.BASELINE: _("—"),
    Stage.AFTER_COURSE: _("Until the course ended"),
    Stage.DAY_30: _("Days 1–30 after"),
    Stage.DAY_60: _("Days 31–60 after"),
    Stage.DAY_90: _("Days 61–90 after"),
}
GROUP_LABELS = {
    "engaged": _("More engaged (4 or more of 5)"),
    "less_engaged": _("Less engaged (under 4 of 5)"),
}


@dataclass(frozen=True)
class StageRow:
    """A pulse stage's figure beside the teach-backs of the period leading up to it."""

    figure: StageFigure
    period: str
    reports: int | None  # None for the baseline: no period leads up to it
    people_reached: int | None


@dataclass(frozen=True)
class GroupRow:
    """What one engagement group did: how many taught, and the people they reached (to the
    nearest REACH_ROUNDING: a trainer knows each report's audience, and exact sums per group
    could be matched to the people who taught)."""

    key: str
    label: str
    people: int
    taught: int
    people_reached: int

    @property
    def taught_share(self) -> int:
        """Percentage of the group with at least one submitted report."""
        return round(100 * self.taught / self.people) if self.people else 0


@dataclass(frozen=True)
class PulseBeside:
    """An impact page's pulse section: stages with teach-backs, and the engagement groups
    (None: not enough answers yet, in either group)."""

    stages: list[StageRow]
    groups: list[GroupRow] | None
    cohorts_in_groups: int = 0  # organisation page: cohorts whose groups are counted
    cohorts: int = 1
    groups_hidden: bool = False  # large enough, but their figures would tell who is in which

    @property
    def has_figures(self) -> bool:
        """Whether any stage has a figure to show."""
        return any(row.figure.mean is not None for row in self.stages)


def cohort_pulse(*, cohort: Cohort, today: date | None = None) -> PulseBeside:
    """The pulse beside teach-backs for one cohort (a fixed number of queries)."""
    groups = engagement_groups(cohort=cohort, today=today)
    rows = _group_rows([groups], [cohort]) if groups else None
    return PulseBeside(
        stages=_stage_rows(stage_figures(cohorts=[cohort], today=today), _days([cohort])),
        groups=rows if _safe(rows) else None,
        cohorts_in_groups=1 if groups else 0,
        groups_hidden=bool(rows) and not _safe(rows),
    )


def organisation_pulse(*, cohorts: list[Cohort], today: date | None = None,
                       days: list[dict] | None = None) -> PulseBeside:
    """The same over an organisation's cohorts (a fixed number of queries, whatever the number
    of cohorts). The pulse decides engagement groups cohort by cohort; they are added up over
    the cohorts where both groups are large enough. `days`: report_days of these cohorts, if
    in hand."""
    counted = list(engagement_groups_by_cohort(cohorts=cohorts, today=today).values())
    rows = _group_rows(counted, cohorts) if counted else None
    return PulseBeside(
        stages=_stage_rows(
            stage_figures(cohorts=cohorts, today=today),
            _days(cohorts) if days is None else days,
        ),
        groups=rows if _safe(rows) else None,
        cohorts_in_groups=len(counted),
        cohorts=len(cohorts),
        groups_hidden=bool(rows) and not _safe(rows),
    )


def _safe(rows: list[GroupRow] | None) -> bool:
    """Whether the groups' teaching figures can be shown without telling who is in which: in
    each group some taught and some did not. If everyone in a group taught (or nobody did),
    a trainer, who knows who taught, would know the group of everyone who did not (or did)."""
    return bool(rows) and all(0 < row.taught < row.people for row in rows)


def _rounded_reach(people: int) -> int:
    """People reached to the nearest REACH_ROUNDING, and never 0 when someone was reached."""
    if not people:
        return 0
    return max(round(people / REACH_ROUNDING) * REACH_ROUNDING, REACH_ROUNDING)


def report_days(cohorts) -> list[dict]:
    """Submitted reports of these cohorts per (cohort end, day taught): count and people
    reached (one query; a row per day taught, never per report)."""
    return list(
        TeachBackReport.objects.submitted()
        .filter(author__cohort__in=cohorts)
        .order_by()
        .values("author__cohort__ends_on", "taught_on")
        .annotate(reports=Count("pk"), people=Sum("audience_size"))
    )


def _days(cohorts) -> list[dict]:
    return report_days([cohort.pk for cohort in cohorts])


def _stage_rows(figures: list[StageFigure], days: list[dict]) -> list[StageRow]:
    totals = {stage: [0, 0] for stage in PERIODS}
    for day in days:
        stage = _period_of(day["taught_on"], day["author__cohort__ends_on"])
        if stage is not None:
            totals[stage][0] += day["reports"]
            totals[stage][1] += day["people"] or 0
    rows = []
    for figure in figures:
        reports, people = totals.get(figure.stage, (None, None))
        rows.append(
            StageRow(
                figure=figure,
                period=str(PERIOD_LABELS[Stage(figure.stage)]),
                reports=reports,
                people_reached=people,
            )
        )
    return rows


def _period_of(taught_on: date, ends_on: date | None):
    """The stage whose period a teaching day falls in; a cohort still running (no end date)
    is all “until the course ended”; teaching after day 90 is in none."""
    if ends_on is None:
        return Stage.AFTER_COURSE
    for stage, (after, until) in PERIODS.items():
        if (after is None or taught_on > ends_on + timedelta(days=after)) and (
            taught_on <= ends_on + timedelta(days=until)
        ):
            return stage
    return None


def _group_rows(groupings: list[dict[str, list[int]]], cohorts) -> list[GroupRow]:
    """What each group did, from one query: the people reached by each member of these cohorts
    who taught (a row per teacher; no list of ids sent to the database, however large)."""
    reached = dict(
        Membership.objects.filter(cohort__in=cohorts)
        .order_by()
        .values("pk")
        .annotate(reached=Sum("reports__audience_size", filter=SUBMITTED))
        .filter(reached__isnull=False)
        .values_list("pk", "reached")
    )
    rows = []
    for key, label in GROUP_LABELS.items():
        members = {pk for groups in groupings for pk in groups[key]}
        teachers = members & reached.keys()
        rows.append(
            GroupRow(
                key=key,
                label=str(label),
                people=len(members),
                taught=len(teachers),
                people_reached=_rounded_reach(sum(reached[pk] for pk in teachers)),
            )
        )
    return rows
