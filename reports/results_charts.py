"""Chart geometry for the pulse and customer results on the impact pages, in the style of
reports.charts: the same width, plot height and slots, so a line chart drawn above a column
chart of the same months or stages lines up with it, point over column.

Lines join neighbouring points that both have a value; a stage or month without one (not enough
answers yet, or no customer figure) leaves a gap, marked with a dash. Every chart's description
and its table say the same numbers in words.
"""

import math
from dataclasses import dataclass, replace

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.charts import (
    MAX_TICK_LABELS,
    PLOT_HEIGHT,
    PLOT_TOP,
    SMALL_FONT,
    WIDTH,
    Chart,
    column_chart,
    tick_x,
    ticks_fit,
)
from reports.charts import bar_chart as _bar_chart

AXIS_ROOM = 30
STAGE_TICKS = {
    "baseline": gettext_lazy("Start"),
    "after_course": gettext_lazy("End"),
    "day_30": gettext_lazy("+30 d"),
    "day_60": gettext_lazy("+60 d"),
    "day_90": gettext_lazy("+90 d"),
}


@dataclass(frozen=True)
class Point:
    """One stage or month of a line chart; `value` None draws a gap and a dash."""

    label: str
    full_label: str
    value: float | None
    text: str
    x: float
    y: float
    label_x: float
    label_y: float
    value_y: float
    show_label: bool
    show_value: bool


@dataclass(frozen=True)
class GridLine:
    """A horizontal line across the plot at a value, labelled with it."""

    y: float
    label_y: float
    text: str


@dataclass(frozen=True)
class LineChart:
    """Everything templates/reports/includes/line_chart.html needs to draw one line chart."""

    id: str
    title: str
    description: str
    width: int
    height: int
    points: list[Point]
    paths: list[str]
    grid: list[GridLine]
    baseline: float
    is_empty: bool
    small_font: int = SMALL_FONT


def _text(value: float | None, places: int) -> str:
    return "" if value is None else number_format(round(value, places), places)


def line_chart(rows, *, id: str, title: str, low: float, high: float, places: int = 1,
               ticks: list[str] | None = None, missing: str = "") -> LineChart:
    """A line over (label, value or None) rows in slots as wide as column_chart's; the plot runs
    from `low` (bottom) to `high` (top), with a grid line at each end labelled with its value.
    `ticks` label the slots ("" for none); without them every few slots show their label."""
    count = max(len(rows), 1)
    slot = WIDTH / count
    baseline = PLOT_TOP + PLOT_HEIGHT
    label_every = math.ceil(count / MAX_TICK_LABELS)
    values_fit = slot >= SMALL_FONT * 2.2
    span = (high - low) or 1

    def y_of(value):
        return round(baseline - PLOT_HEIGHT * (value - low) / span, 1)

    points = []
    for n, (label, value) in enumerate(rows):
        centre = round(n * slot + slot / 2, 1)
        y = y_of(value) if value is not None else baseline - 4
        tick = ticks[n] if ticks else str(label)
        points.append(
            Point(
                label=tick,
                full_label=str(label),
                value=value,
                text=_text(value, places) if value is not None else "—",
                x=centre,
                y=y,
                label_x=tick_x(tick, centre),
                label_y=baseline + SMALL_FONT + 6,
                value_y=round(y - 8, 1) if value is not None else baseline - 4,
                show_label=bool(tick) if ticks else n % label_every == 0,
                show_value=values_fit,  # a dash too: only where the values have room
            )
        )
    paths, run = [], []
    for point in [*points, None]:
        if point is not None and point.value is not None:
            run.append(point)
            continue
        if len(run) > 1:
            paths.append("M" + " L".join(f"{p.x} {p.y}" for p in run))
        run = []
    grid = [
        GridLine(y=y_of(value), label_y=y_of(value) - 3, text=_text(value, places))
        for value in (high, low)
    ]
    described = "; ".join(
        f"{point.full_label}: {point.text if point.value is not None else missing}"
        for point in points
    )
    return LineChart(
        id=id,
        title=title,
        description=f"{title}. {described}." if points else f"{title}.",
        width=WIDTH,
        height=baseline + AXIS_ROOM,
        points=points,
        paths=paths,
        grid=grid,
        baseline=baseline,
        is_empty=all(point.value is None for point in points),
    )


def _with_ticks(chart: Chart, ticks: list[str]) -> Chart:
    """A column chart with these tick labels under its columns instead of shortened weeks."""
    return replace(
        chart,
        bars=[
            replace(bar, label=tick, label_x=tick_x(tick, bar.value_x), show_label=bool(tick))
            for bar, tick in zip(chart.bars, ticks, strict=True)
        ],
    )


def _range(values: list[float]) -> tuple[float, float]:
    """A plot range a little wider than the values, on round numbers."""
    if not values:
        return 0, 1
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.1 or 1
    step = 10 ** math.floor(math.log10(pad)) if pad > 0 else 1
    return math.floor((low - pad) / step) * step, math.ceil((high + pad) / step) * step


def stage_charts(pulse, *, prefix: str) -> dict:
    """The pulse by stage (1–5) and, under it, the teach-backs of each stage's period."""
    ticks = [str(STAGE_TICKS[row.figure.stage]) for row in pulse.stages]
    teach = column_chart(
        [(row.figure.label, row.reports or 0) for row in pulse.stages],
        id=f"{prefix}-stage-reports",
        title=_("Teach-back reports in the period before each stage"),
        unit=_("reports"),
    )
    return {
        "pulse": line_chart(
            [(row.figure.label, row.figure.mean) for row in pulse.stages],
            id=f"{prefix}-stage-pulse",
            title=_("Engagement pulse by stage, mean score from 1 to 5"),
            low=1, high=5, ticks=ticks, missing=_("not enough answers yet"),
        ),
        "teach_backs": _with_ticks(teach, ticks),
    }


def group_chart(groups, *, prefix: str) -> Chart:
    """The share of each engagement group who taught, as horizontal bars (percentages)."""
    return _bar_chart(
        [(group.label, group.taught_share) for group in groups],
        id=f"{prefix}-groups",
        title=_("Share who taught, by engagement group (%)"),
        unit=_("percent"),
    )


def month_ticks(months) -> list[str]:
    """Tick labels for months, "" for none: every few months get one, as few apart as lets
    them all fit without touching, with the year on the first and wherever it changes (“Dec
    2025”, “Mar 2026”), else the month alone (“Jun”)."""
    count = max(len(months), 1)
    centres = [n * WIDTH / count + WIDTH / count / 2 for n in range(len(months))]
    for every in range(math.ceil(count / MAX_TICK_LABELS), count + 1):
        ticks, year = [], None
        for n, month in enumerate(months):
            if n % every:
                ticks.append("")
            elif month.year != year:
                ticks.append(date_format(month, "YEAR_MONTH_FORMAT"))
                year = month.year
            else:
                ticks.append(date_format(month, "M"))
        if ticks_fit(ticks, centres):
            break
    return ticks


def timeline_charts(timeline, *, prefix: str) -> dict:
    """The organisation's months: the pulse, each customer measure and the teach-backs, one
    chart each, one slot per month, so they read down the page as one time axis."""
    labels = [row.label for row in timeline.months]
    ticks = month_ticks([row.month for row in timeline.months])
    customer = []
    for index, measure in enumerate(timeline.measures):
        values = [row.customer[index] for row in timeline.months]
        low, high = _range([value for value in values if value is not None])
        places = 0 if high - low >= 10 else 1 if high - low >= 1 else 2
        customer.append(
            line_chart(
                list(zip(labels, values, strict=True)),
                id=f"{prefix}-customer-{index}",
                title=_("%(measure)s, mean per month") % {"measure": measure},
                low=low, high=high, places=places, missing=_("no figure"), ticks=ticks,
            )
        )
    return {
        "pulse": line_chart(
            [(row.label, row.pulse_mean) for row in timeline.months],
            id=f"{prefix}-month-pulse",
            title=_("Engagement pulse per month, mean score from 1 to 5"),
            low=1, high=5, missing=_("not enough answers yet"), ticks=ticks,
        ),
        "customer": customer,
        # Its scale line would say "most in a week": these are months, and the table has
        # every number.
        "teach_backs": replace(
            _with_ticks(
                column_chart(
                    [(row.label, row.teach_backs) for row in timeline.months],
                    id=f"{prefix}-month-reports",
                    title=_("Teach-back reports per month"),
                    unit=_("reports"),
                ),
                ticks,
            ),
            scale_value=0,
        ),
    }


def pulse_charts(pulse, *, prefix: str) -> dict:
    """Every chart of an impact page's pulse section (reports.results.PulseBeside)."""
    charts = stage_charts(pulse, prefix=prefix)
    charts["groups"] = group_chart(pulse.groups, prefix=prefix) if pulse.groups else None
    return charts
