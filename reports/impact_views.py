"""Impact figures and the reports CSV of a cohort, for its trainers and admins. Thin views.

Non-members get 404 (the cohort is not among those they can see); members who may not see the
figures (learners) get 403: they have the feed instead.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from caching import generations
from cohorts.models import Cohort
from cohorts.permissions import cohorts_visible_to
from reports.charts import impact_charts
from reports.csv_export import report_csv_rows
from reports.impact import cohort_impact
from reports.impact_languages import cohort_reach_by_language, language_chart
from reports.permissions import can_see_cohort_impact
from reports.results import cohort_pulse
from reports.results_charts import pulse_charts


def _cohort_for_impact(request, cohort_pk) -> Cohort:
    cohort = get_object_or_404(
        cohorts_visible_to(request.user).select_related("course", "organisation"), pk=cohort_pk
    )
    if not can_see_cohort_impact(request.user, cohort):
        raise PermissionDenied(_("Only the cohort's trainers see its impact figures."))
    return cohort


@login_required
def impact(request, cohort_pk):
    """The cohort's impact: big numbers, charts with their tables, printable on one page."""
    cohort = _cohort_for_impact(request, cohort_pk)
    # Figures and charts are cached per generation of the cohort and the course content, and
    # only computed (lazily, in the template) when that fragment is not cached yet.
    figures = SimpleLazyObject(lambda: cohort_impact(cohort=cohort))
    languages = SimpleLazyObject(lambda: cohort_reach_by_language(cohort=cohort))
    context = {
        "cohort": cohort,
        "generation": generations.of_cohort(cohort),
        "impact": figures,
        "charts": SimpleLazyObject(lambda: impact_charts(figures)),
        "languages": languages,
        "language_chart": SimpleLazyObject(lambda: language_chart(languages)),
        "as_of": timezone.localdate(),
    }
    # The engagement pulse beside teaching (templates/reports/includes/impact_pulse.html).
    pulse = SimpleLazyObject(lambda: cohort_pulse(cohort=cohort))
    context["pulse"] = pulse
    context["pulse_charts"] = SimpleLazyObject(lambda: pulse_charts(pulse, prefix="pulse"))
    return TemplateResponse(request, "reports/impact.html", context)


@login_required
def reports_csv(request, cohort_pk):
    """Every submitted report of the cohort as CSV, one line each; streamed."""
    cohort = _cohort_for_impact(request, cohort_pk)
    response = StreamingHttpResponse(
        report_csv_rows(cohort=cohort), content_type="text/csv; charset=utf-8"
    )
    filename = f"{slugify(cohort.name) or 'cohort'}-reports.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
