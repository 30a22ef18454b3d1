"""Admin: “Impact”, each organisation's cohorts added up. For admins (superusers) only.
Also: an account whose owner wrote teach-back reports is not deleted from the Users admin.

Trainers reach the Wagtail admin too, so every view here checks, not only the menu.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from caching import generations
from cohorts.models import Organisation
from cohorts.selectors import cohort_ids_of
from courses.exceptions import BookRenderError
from reports.charts import impact_charts
from reports.impact import cohorts_with_totals, organisation_impact, organisations_with_totals
from reports.impact_languages import language_chart, organisation_reach_by_language
from reports.models import TeachBackReport
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


@hooks.register("register_admin_urls")
def register_impact_urls():
    return [
        path("impact/organisations/", organisations_view, name="impact_organisations"),
        path("impact/organisations/<int:pk>/", organisation_view, name="impact_organisation"),
        path(
            "impact/organisations/<int:pk>/summary.pdf",
            sponsor_summary_view,
            name="impact_sponsor_summary",
        ),
    ]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_organisation_impact(request.user)


@hooks.register("register_admin_menu_item")
def register_impact_menu_item():
    return AdminOnlyMenuItem(
        gettext_lazy("Impact"), reverse("impact_organisations"), icon_name="table", order=170
    )


@hooks.register("before_delete_user")
def keep_accounts_that_wrote_reports(request, user):
    """Deleting an account would take its reports (and the comments on them) from their
    cohorts' feeds and figures: refuse, and say to deactivate the account instead."""
    written = TeachBackReport.objects.filter(author__user=user).count()
    if not written:
        return None
    messages.error(
        request,
        ngettext(
            "%(name)s wrote %(count)d teach-back report, which deleting the account would "
            "delete too. Untick “Active” instead: they can no longer sign in, and their "
            "reports stay.",
            "%(name)s wrote %(count)d teach-back reports, which deleting the account would "
            "delete too. Untick “Active” instead: they can no longer sign in, and their "
            "reports stay.",
            written,
        )
        % {"name": user.shown_name, "count": written},
    )
    return redirect("wagtailusers_users:edit", user.pk)
