"""Figures from the pulse that nobody can trace back to one person (the only reads of answers
besides the person's own).

Every function runs a fixed number of queries whatever the number of answers, and follows
three rules (docs/architecture.md, "The engagement pulse"):

- a cohort's answers to a stage count only once that stage's window has closed for the whole
  cohort (pulse.schedule.cut_off), so a published figure never changes when one more person
  answers;
- a cohort contributes to a figure only if at least MIN_GROUP of its people answered that
  stage, so every figure, and every difference between two figures, is made of whole groups
  of at least MIN_GROUP people;
- comments only where their author ticked "share anonymously", only from such groups, as
  bare texts in alphabetical order.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum
from django.utils import timezone

from cohorts.models import Cohort
from pulse import schedule
from pulse.models import DEFAULT_STATEMENTS, Pulse, PulseStatementSet, Stage

MIN_GROUP = 5  # no figure from fewer answers than this, ever
ENGAGED_FROM = 4.0  # a person's mean score from which they count as engaged
MonthFigure = tuple[date, int, float | None]  # (first day of the month, people, mean)


@dataclass(frozen=True)
class StageFigure:
    """One stage's figure: how many people answered and their mean (None below MIN_GROUP)."""

    stage: str  # Stage value
    label: str  # e.g. "Baseline", "30 days after"
    people: int  # people in the published groups (0 when suppressed)
    mean: float | None  # 1–5, rounded to one decimal; None when people < MIN_GROUP


@dataclass(frozen=True)
class _Group:
    """One cohort's answers to one stage, published (window closed, at least MIN_GROUP)."""

    cohort: Cohort
    stage: str
    people: int
    total: float  # the sum of the people's mean scores


def _cohort_list(cohorts) -> list[Cohort]:
    """The cohorts as a list (one query for a queryset, none for a list)."""
    return list(cohorts.order_by("pk")) if hasattr(cohorts, "order_by") else list(cohorts)


def _published_groups(cohorts: list[Cohort], *, today: date) -> list[_Group]:
    """Each cohort × stage whose window closed and that at least MIN_GROUP answered (one
    query, grouped in the database: a row per cohort and stage, never per answer)."""
    by_pk = {cohort.pk: cohort for cohort in cohorts}
    if not by_pk:
        return []
    rows = (
        Pulse.objects.answered()
        .filter(cohort_id__in=by_pk)
        .values("cohort_id", "stage")
        .annotate(people=Count("pk"), total=Sum("mean_score"))
        .order_by("cohort_id", "stage")
    )
    return [
        _Group(by_pk[row["cohort_id"]], row["stage"], row["people"], row["total"])
        for row in rows
        if row["people"] >= MIN_GROUP
        and schedule.is_published(by_pk[row["cohort_id"]], row["stage"], today=today)
    ]


def _mean(people: int, total: float) -> float | None:
    return round(total / people, 1) if people >= MIN_GROUP else None


def stage_figures(*, cohorts, today: date | None = None) -> list[StageFigure]:
    """One figure per stage, in order, over these cohorts (a queryset or a list; two queries
    at most). A stage none of whose groups is published has people 0 and mean None."""
    today = today or timezone.localdate()
    people: dict[str, int] = defaultdict(int)
    total: dict[str, float] = defaultdict(float)
    for group in _published_groups(_cohort_list(cohorts), today=today):
        people[group.stage] += group.people
        total[group.stage] += group.total
    return [
        StageFigure(
            stage=stage.value,
            label=str(stage.label),
            people=people[stage],
            mean=_mean(people[stage], total[stage]),
        )
        for stage in Stage
    ]


def _months(first: date, last: date) -> list[date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def monthly_means(*, organisation, today: date | None = None) -> list[MonthFigure]:
    """The organisation's pulse by month: (first day of the month, people, mean or None), every
    month from the first to the last with a figure (two queries). Each published cohort ×
    stage group falls whole into the month it was measured in (schedule.anchor_month), so a
    month is a sum of whole groups, like every other figure."""
    today = today or timezone.localdate()
    cohorts = _cohort_list(Cohort.objects.filter(organisation=organisation))
    people: dict[date, int] = defaultdict(int)
    total: dict[date, float] = defaultdict(float)
    for group in _published_groups(cohorts, today=today):
        month = schedule.anchor_month(group.cohort, group.stage)
        people[month] += group.people
        total[month] += group.total
    if not people:
        return []
    return [
        (month, people[month], _mean(people[month], total[month]))
        for month in _months(min(people), max(people))
    ]


def engagement_groups(*, cohort, today: date | None = None) -> dict[str, list[int]] | None:
    """{"engaged": [membership pks], "less_engaged": [...]} by each person's latest counted
    answer (engaged: mean score >= 4), or None unless both groups have at least MIN_GROUP
    people. For figures about each group only: never show who is in which (two queries)."""
    return engagement_groups_by_cohort(cohorts=[cohort], today=today).get(cohort.pk)


def engagement_groups_by_cohort(
    *, cohorts, today: date | None = None
) -> dict[int, dict[str, list[int]]]:
    """engagement_groups of each of these cohorts (a queryset or a list), by cohort pk, for
    the cohorts whose two groups both have at least MIN_GROUP people; the others are absent.
    Each cohort's groups are decided on its own published stages alone, exactly as for one
    cohort (two queries whatever the number of cohorts; a row per counted answer)."""
    today = today or timezone.localdate()
    published = {
        (group.cohort.pk, group.stage)
        for group in _published_groups(_cohort_list(cohorts), today=today)
    }
    if not published:
        return {}
    order = {stage.value: index for index, stage in enumerate(Stage)}
    latest: dict[int, dict[int, tuple[int, float]]] = defaultdict(dict)
    answers = (
        Pulse.objects.answered()
        .filter(
            cohort_id__in={cohort_id for cohort_id, _stage in published},
            stage__in={stage for _cohort_id, stage in published},
            membership__isnull=False,
        )
        .values_list("cohort_id", "membership_id", "stage", "mean_score")
        .order_by("cohort_id", "membership_id")
    )
    for cohort_id, membership_id, stage, mean_score in answers:
        if (cohort_id, stage) not in published:  # that stage is not counted in this cohort
            continue
        mine = latest[cohort_id]
        if membership_id not in mine or order[stage] > mine[membership_id][0]:
            mine[membership_id] = (order[stage], mean_score)
    by_cohort = {}
    for cohort_id, people in latest.items():
        groups: dict[str, list[int]] = {"engaged": [], "less_engaged": []}
        for membership_id, (_stage, mean_score) in sorted(people.items()):
            groups["engaged" if mean_score >= ENGAGED_FROM else "less_engaged"].append(
                membership_id
            )
        if min(len(members) for members in groups.values()) >= MIN_GROUP:
            by_cohort[cohort_id] = groups
    return by_cohort


def shareable_comments(*, cohorts, today: date | None = None) -> list[str]:
    """Comments whose authors chose to share them anonymously, from published groups only:
    texts without names, in alphabetical order (three queries at most)."""
    today = today or timezone.localdate()
    groups = _published_groups(_cohort_list(cohorts), today=today)
    if not groups:
        return []
    condition = Q()
    for group in groups:
        condition |= Q(cohort_id=group.cohort.pk, stage=group.stage)
    texts = (
        Pulse.objects.answered()
        .filter(condition, share_comment=True)
        .exclude(comment="")
        .values_list("comment", flat=True)
    )
    return sorted(texts)


def statements_for(*, organisation) -> list[tuple[str, str]]:
    """(key, text) of the statements the organisation's people rate (one query): its own
    set, or the defaults in the current language (also for a set left empty)."""
    own = PulseStatementSet.objects.filter(organisation=organisation).first()
    if own is not None and len(own.statements):
        return own.as_pairs()
    return [(key, str(text)) for key, text in DEFAULT_STATEMENTS]


def open_pulses_for(*, user, today: date | None = None) -> list[Pulse]:
    """The person's own pulses waiting for an answer today, earliest due first (one query),
    for the card on their home page."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    return list(
        Pulse.objects.open_on(today)
        .filter(membership__user=user)
        .select_related("cohort")
        .order_by("due_on", "pk")
    )


def member_work_counts(*, membership) -> dict[str, int]:
    """For cohorts.work's member-removal page: nothing. Whether one person answered a pulse
    is theirs to know; their answers stay, anonymous, in the figures either way."""
    return {}


def cohort_work_counts(*, cohort) -> dict[str, int]:
    """Answered pulses in a cohort (one query), for cohorts.work: a cohort holding any cannot
    be deleted, so its published figures stay true."""
    return {"pulse_answers": Pulse.objects.answered().filter(cohort=cohort).count()}
