"""The sponsor's one-page summary of an organisation, as a PDF: reach, teach-backs, the
engagement pulse before and after, and the customer series (templates/reports/sponsor/).

Made like the community book: print HTML from a template, then WeasyPrint in a child process
(courses.books.rendering), reading only the site's static files. It is made when asked for (a
second or two), not stored: its figures change with every report, and it is for admins only.
What it holds is capped (three customer measures, twelve months) so it always fits one page.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from courses.books.job import RenderedPDF
from courses.books.printing import site_url, static_file_url
from courses.books.rendering import render_pdf
from courses.books.variants import A4, CSS_PAGE_SIZES, LETTER
from reports.impact import organisation_impact
from reports.results_charts import timeline_charts
from reports.results_page import organisation_results

PAPERS = (A4, LETTER)
MAX_MEASURES = 3
MAX_MONTHS = 12


@dataclass(frozen=True)
class BeforeAfter:
    """The pulse at the baseline and at the latest stage with a figure (None: no figure)."""

    before: object | None
    after: object | None

    @property
    def change(self) -> float | None:
        """After minus before, when both have a figure."""
        if self.before is None or self.after is None:
            return None
        return round(self.after.mean - self.before.mean, 1)


def _before_after(stages) -> BeforeAfter:
    figures = [row.figure for row in stages if row.figure.mean is not None]
    before = next((f for f in figures if f.stage == stages[0].figure.stage), None)
    later = [f for f in figures if f.stage != stages[0].figure.stage]
    return BeforeAfter(before=before, after=later[-1] if later else None)


def sponsor_summary_html(*, organisation, paper: str, today: date | None = None) -> str:
    """The summary's print HTML for A4 or US Letter paper."""
    if paper not in PAPERS:
        raise ValueError(f"Unknown paper {paper!r}")
    today = today or timezone.localdate()
    impact = organisation_impact(organisation=organisation)
    results = organisation_results(organisation=organisation, today=today)
    timeline = results.timeline
    shown = replace(
        timeline,
        months=timeline.months[-MAX_MONTHS:],
        measures=timeline.measures[:MAX_MEASURES],
        correlations=timeline.correlations[:MAX_MEASURES],
    )
    context = {
        "organisation": organisation,
        "impact": impact,
        "results": results,
        "pulse": results.pulse,
        "before_after": _before_after(results.pulse.stages),
        "timeline": shown,
        "charts": timeline_charts(shown, prefix="summary"),
        "measures_left_out": max(len(timeline.measures) - MAX_MEASURES, 0),
        "as_of": today,
        "page_size": CSS_PAGE_SIZES[paper],
        "stylesheet_url": static_file_url("css/sponsor-summary.css"),
        "language": get_language(),
    }
    return render_to_string("reports/sponsor/summary.html", context)


def render_sponsor_summary(*, organisation, paper: str) -> RenderedPDF:
    """The summary as a PDF (raises courses.exceptions.BookRenderError if it cannot be made)."""
    html = sponsor_summary_html(organisation=organisation, paper=paper)
    return render_pdf(html, base_url=site_url() + "/")
