"""An organisation's months side by side: the engagement pulse (pulse.selectors.monthly_means),
teach-backs, and the customer series it imported (outcomes.selectors), with the correlation
between the monthly pulse and each customer measure.

A correlation says only that two series rose and fell together over the months that have both;
it never says that one caused the other, and the page says so. With fewer than MIN_PAIRS such
months there is no r at all.
"""

import statistics
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from outcomes.selectors import MeasureSeries, customer_series
from pulse.selectors import monthly_means
from reports.results import report_days

MIN_PAIRS = 3
FEW_PAIRS = 8  # below this many months, say that r may well be chance
MAX_MONTHS = 24  # the table and charts show the latest this many months
STRENGTHS = {
    ("none", True): _("little or no correlation"),
    ("none", False): _("little or no correlation"),
    ("weak", True): _("a weak positive correlation"),
    ("weak", False): _("a weak negative correlation"),
    ("moderate", True): _("a moderate positive correlation"),
    ("moderate", False): _("a moderate negative correlation"),
    ("strong", True): _("a strong positive correlation"),
    ("strong", False): _("a strong negative correlation"),
}


@dataclass(frozen=True)
class MonthRow:
    """One month: the pulse (None: not enough answers), teach-backs and each measure."""

    month: date
    pulse_people: int
    pulse_mean: float | None
    teach_backs: int
    people_reached: int
    customer: tuple[float | None, ...]  # one per Timeline.measures, in that order

    @property
    def label(self) -> str:
        """The month as the locale writes it (“Nov 2026”)."""
        return date_format(self.month, "YEAR_MONTH_FORMAT")


@dataclass(frozen=True)
class Correlation:
    """Pearson's r between the monthly pulse and one customer measure, over `months` months
    that have both (r None below MIN_PAIRS, or when a series does not vary)."""

    measure: str
    months: int
    r: float | None

    @property
    def strength(self) -> str:
        """r in words: how closely, and in which direction, the two series moved together."""
        if self.r is None:
            return ""
        size = "none" if abs(self.r) < 0.3 else "weak" if abs(self.r) < 0.5 else (
            "moderate" if abs(self.r) < 0.7 else "strong"
        )
        return str(STRENGTHS[size, self.r > 0])

    @property
    def too_few(self) -> bool:
        """Fewer paired months than a correlation needs."""
        return self.months < MIN_PAIRS

    @property
    def few_months(self) -> bool:
        """So few months that a correlation this size could easily arise by chance."""
        return self.months < FEW_PAIRS


@dataclass(frozen=True)
class Timeline:
    """The months from the first to the last with any figure (the latest MAX_MONTHS)."""

    months: list[MonthRow]
    measures: list[str]
    correlations: list[Correlation]
    months_left_out: int = 0

    @property
    def has_pulse(self) -> bool:
        """Whether any month has a pulse figure."""
        return any(row.pulse_mean is not None for row in self.months)


def organisation_timeline(*, organisation, cohorts, today: date | None = None,
                          days: list[dict] | None = None) -> Timeline:
    """The organisation's timeline (a fixed number of queries: the pulse's, the customer
    series' and one for the teach-backs unless `days`, their report_days, are in hand)."""
    pulse = {month: (people, mean) for month, people, mean in
             monthly_means(organisation=organisation, today=today)}
    series = customer_series(organisation=organisation)
    teaching: dict[date, list[int]] = {}
    if days is None:
        days = report_days([cohort.pk for cohort in cohorts])
    for day in days:
        month = teaching.setdefault(day["taught_on"].replace(day=1), [0, 0])
        month[0] += day["reports"]
        month[1] += day["people"] or 0
    months = _every_month(
        [*(m for m, (_people, mean) in pulse.items() if mean is not None), *teaching,
         *(row.month for measure in series for row in measure.months)]
    )
    rows = [
        MonthRow(
            month=month,
            pulse_people=pulse.get(month, (0, None))[0],
            pulse_mean=pulse.get(month, (0, None))[1],
            teach_backs=teaching.get(month, [0, 0])[0],
            people_reached=teaching.get(month, [0, 0])[1],
            customer=tuple(measure.value_in(month) for measure in series),
        )
        for month in months
    ]
    return Timeline(
        months=rows[-MAX_MONTHS:],
        measures=[measure.measure for measure in series],
        correlations=[_correlation(measure, pulse) for measure in series],
        months_left_out=max(len(rows) - MAX_MONTHS, 0),
    )


def _correlation(measure: MeasureSeries, pulse: dict) -> Correlation:
    pairs = [
        (pulse[row.month][1], row.mean)
        for row in measure.months
        if row.month in pulse and pulse[row.month][1] is not None
    ]
    r = None
    if len(pairs) >= MIN_PAIRS:
        try:
            r = round(statistics.correlation(*zip(*pairs, strict=True)), 2)
        except statistics.StatisticsError:  # one of the series is constant: no r
            r = None
    return Correlation(measure=measure.measure, months=len(pairs), r=r)


def _every_month(months: list[date]) -> list[date]:
    if not months:
        return []
    first, last = min(months), max(months)
    every, month = [], first
    while month <= last:
        every.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return every
