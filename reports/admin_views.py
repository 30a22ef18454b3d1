"""Admin views of “Impact”: each organisation's cohorts added up, and its sponsor summary PDF.
For admins (superusers) only: every view asks reports.permissions, not only the menu
(trainers reach the Wagtail admin too). Registered in reports/wagtail_hooks.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from caching import generations
from cohorts.models import Organisation
from cohorts.selectors import cohort_ids_of
from courses.exceptions import BookRenderError
from reports.charts import impact_charts
from reports.impact import cohorts_with_totals, organisation_impact, organisations_with_totals
from reports.impact_languages import language_chart, organisation_reach_by_language
from reports.permissions import can_see_organisation_impact
from reports.results_page import organisation_results
from reports.sponsor_summary import PAPERS, render_sponsor_summary


def _require_admin(request) -> None:
    if not can_see_organisation_impact(request.user):
        raise PermissionDenied


def organisations_view(request):
    """Every organisation with its cohorts' totals."""
    _require_admin(request)
    context = {
        "organisations": organisations_with_totals(),
        "page_title": _("Impact by organisation"),
        "header_title": _("Impact by organisation"),
        "header_icon": "table",
    }
    return TemplateResponse(request, "reports/admin/organisations.html", context)


def organisation_view(request, pk):
    """One organisation: its cohorts' figures added up, with charts, tables and each cohort."""
    _require_admin(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    cohort_ids = cohort_ids_of(organisation=organisation)
    today = timezone.localdate()
    # The figures are cached per generation of the organisation, each of its cohorts and the
    # course content, and per day (a pulse stage's window closes on a new day); they are only
    # computed (lazily, in the template) when that fragment is not cached yet.
    figures = SimpleLazyObject(lambda: organisation_impact(organisation=organisation))
    languages = SimpleLazyObject(lambda: organisation_reach_by_language(organisation=organisation))
    context = {
        "organisation": organisation,
        "generation": generations.of_organisation(organisation, cohort_ids=cohort_ids),
        "as_of": today,
        "impact": figures,
        "charts": SimpleLazyObject(lambda: impact_charts(figures, prefix="org-chart")),
        "languages": languages,
        "language_chart": SimpleLazyObject(lambda: language_chart(languages, prefix="org-chart")),
        "cohorts": cohorts_with_totals(organisation=organisation),
        "results": SimpleLazyObject(
            lambda: organisation_results(organisation=organisation, today=today)
        ),
        "page_title": _("Impact of %(name)s") % {"name": organisation.name},
        "page_subtitle": ngettext("%(count)d cohort", "%(count)d cohorts", len(cohort_ids))
        % {"count": len(cohort_ids)},
        "header_title": _("Impact of %(name)s") % {"name": organisation.name},
        "header_icon": "table",
    }
    return TemplateResponse(request, "reports/admin/organisation.html", context)


def sponsor_summary_view(request, pk):
    """One organisation's one-page sponsor summary, as a PDF download (?paper=a4|letter)."""
    _require_admin(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    paper = request.GET.get("paper", "a4")
    if paper not in PAPERS:
        return HttpResponseBadRequest(_("Choose the paper: a4 or letter."))
    try:
        pdf = render_sponsor_summary(organisation=organisation, paper=paper).pdf
    except BookRenderError:
        messages.error(request, _("The summary could not be made just now. Try again in a minute."))
        return redirect("impact_organisation", organisation.pk)
    name = f"{slugify(organisation.name) or 'organisation'}-summary-{timezone.localdate()}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
