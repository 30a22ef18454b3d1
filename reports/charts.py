"""Chart geometry for inline SVG: (label, value) rows in, rectangles and text positions out.

The templates (templates/reports/includes/bar_chart.html, column_chart.html) only draw what is
computed here. Coordinates are in the SVG's own units (a viewBox WIDTH wide); the SVG scales to
its box (ripple.css caps it at 24rem), so sizes are chosen to stay readable from a phone (~0.95
scale) to a wide screen (1.2) and on paper.
"""

import math
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext

WIDTH = 320
FONT = 15  # labels: ~14px on a phone, ~18px on a wide screen, ~10pt on paper
SMALL_FONT = 13  # values and axis labels
MIN_BAR = 3  # a value above zero never draws thinner than this

# Horizontal bars: the label sits above its bar, so long module names get the full width.
ROW = 42
BAR_HEIGHT = 15
BAR_TOP = 20  # from the top of a row
VALUE_ROOM = 40  # right of the longest bar, for its number
LABEL_CHARS = 44

# Columns (reports per week).
PLOT_TOP = 22
PLOT_HEIGHT = 140
AXIS_ROOM = 30
MAX_TICK_LABELS = 6
# Tick labels: an average character's width, as a share of the font size (Source Sans 3 draws
# digits at 0.5 em; this leaves room for a wider fallback font), and the least gap between two.
CHAR_WIDTH = 0.56
TICK_GAP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float
    full_label: str = ""
    show_label: bool = True
    show_value: bool = True


@dataclass(frozen=True)
class Chart:
    """Everything a template needs to draw one chart, and say what it shows in words."""

    id: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Bar]
    baseline: float = 0
    track_width: float = 0
    scale_value: int = 0  # columns: a line at this value when the columns carry no numbers
    scale_y: float = 0
    scale_label_y: float = 0
    is_empty: bool = False
    font: int = FONT
    small_font: int = SMALL_FONT


def tick_half_width(label: str) -> float:
    return len(label) * SMALL_FONT * CHAR_WIDTH / 2


def tick_x(label: str, centre: float) -> float:
    """Where a tick label under `centre` goes: centred on it, but never past the chart's edges."""
    half = tick_half_width(label)
    return round(min(max(centre, half), WIDTH - half), 1)


def ticks_fit(labels: list[str], centres: list[float]) -> bool:
    """Whether these tick labels ("" for none) all fit under their places without touching."""
    end = -math.inf
    for label, centre in zip(labels, centres, strict=True):
        if label:
            x, half = tick_x(label, centre), tick_half_width(label)
            if x - half < end + TICK_GAP:
                return False
            end = x + half
    return True


def _scale(value: int, largest: int, room: float) -> float:
    if value <= 0 or largest <= 0:
        return 0
    return round(max(room * value / largest, MIN_BAR), 1)


def _describe(title: str, rows, unit: str | None) -> str:
    """The chart in words, for screen readers: “Reports by setting, reports each. Online: 2; …”."""
    if not rows:
        return gettext("%(title)s: nothing yet.") % {"title": title}
    parts = "; ".join(f"{label}: {value}" for label, value in rows)
    return gettext("%(title)s, %(unit)s each. %(values)s.") % {
        "title": title,
        "unit": unit or gettext("reports"),
        "values": parts,
    }


def bar_chart(rows, *, id: str, title: str, unit: str | None = None) -> Chart:
    """Horizontal bars, one per (label, value) row, in the order given; longest bar = max."""
    rows = [(str(label), int(value)) for label, value in rows]
    largest = max((value for _, value in rows), default=0)
    room = WIDTH - VALUE_ROOM
    bars = []
    for n, (label, value) in enumerate(rows):
        top = n * ROW
        width = _scale(value, largest, room)
        bars.append(
            Bar(
                label=Truncator(label).chars(LABEL_CHARS),
                full_label=label,
                value=value,
                x=0,
                y=top + BAR_TOP,
                width=width,
                height=BAR_HEIGHT,
                label_x=0,
                label_y=top + FONT,
                value_x=width + 6,
                value_y=top + BAR_TOP + BAR_HEIGHT - 2,
            )
        )
    return Chart(
        id=id,
        title=title,
        description=_describe(title, rows, unit),
        width=WIDTH,
        height=max(len(rows) * ROW, ROW),
        bars=bars,
        track_width=room,
        is_empty=not largest,
    )


def column_chart(
    rows, *, id: str, title: str, unit: str | None = None, ticks: list[str] | None = None
) -> Chart:
    """Vertical columns over time, one per (label, value) row; tallest column = max.

    With many columns only every few get a label under them, and numbers above the columns
    are left out once they would collide: a line then marks the largest value instead (the
    table beside the chart has every number). `ticks` are the short labels under the columns
    (by default each label's first two words: “7 Sep 2026” → “7 Sep”).
    """
    rows = [(str(label), int(value)) for label, value in rows]
    largest = max((value for _, value in rows), default=0)
    count = max(len(rows), 1)
    slot = WIDTH / count
    width = max(round(slot * 0.7, 1), 1)
    label_every = math.ceil(count / MAX_TICK_LABELS)
    values_fit = slot >= SMALL_FONT * 1.6
    baseline = PLOT_TOP + PLOT_HEIGHT
    bars = []
    for n, (label, value) in enumerate(rows):
        height = _scale(value, largest, PLOT_HEIGHT)
        centre = n * slot + slot / 2
        tick = ticks[n] if ticks else _short_week(label)
        bars.append(
            Bar(
                label=tick,
                full_label=label,
                value=value,
                x=round(centre - width / 2, 1),
                y=round(baseline - height, 1),
                width=width,
                height=height,
                label_x=tick_x(tick, centre),
                label_y=baseline + SMALL_FONT + 6,
                value_x=round(centre, 1),
                value_y=round(baseline - height - 5, 1),
                show_label=n % label_every == 0,
                show_value=values_fit and value > 0,
            )
        )
    return Chart(
        id=id,
        title=title,
        description=_describe(title, rows, unit),
        width=WIDTH,
        height=baseline + AXIS_ROOM,
        bars=bars,
        baseline=baseline,
        scale_value=largest if largest and not values_fit else 0,
        scale_y=PLOT_TOP,
        scale_label_y=PLOT_TOP - 5,
        is_empty=not largest,
    )


def _short_week(label: str) -> str:
    """“7 Sep 2026” → “7 Sep”: the year is in the table and the description."""
    return " ".join(label.split()[:2])


def impact_charts(figures, *, prefix: str = "chart") -> dict[str, Chart]:
    """The four charts of an impact page (reports.impact.Impact), keyed by what they show."""

    def rows(tallies):
        return [(tally.label, tally.reports) for tally in tallies]

    return {
        "settings": bar_chart(
            rows(figures.settings), id=f"{prefix}-settings", title=gettext("Reports by setting")
        ),
        "principles": bar_chart(
            rows(figures.principles), id=f"{prefix}-principles",
            title=gettext("Principles taught"),
        ),
        "modules": bar_chart(
            rows(figures.modules), id=f"{prefix}-modules", title=gettext("Modules taught")
        ),
        "weeks": column_chart(
            rows(figures.weeks), id=f"{prefix}-weeks",
            title=gettext("Reports per week of teaching"),
            # The year is in the table and the description; the language decides the order.
            ticks=[date_format(week.key, "MONTH_DAY_FORMAT") for week in figures.weeks],
        ),
    }
