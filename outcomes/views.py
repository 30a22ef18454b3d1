"""Admin: customer results per organisation. Import a CSV, see the series and every import,
undo one. Thin views: outcomes.permissions decides, outcomes.services acts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from cohorts.models import Organisation
from outcomes import selectors, services
from outcomes.csv_import import CustomerCsvError
from outcomes.forms import CustomerCsvForm
from outcomes.models import CustomerImport
from outcomes.permissions import can_manage_customer_results, can_see_customer_results


def _organisation_for(request, pk) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_see_customer_results(request.user, organisation):
        raise PermissionDenied
    return organisation


def index(request):
    """Every organisation, each a link to its customer results."""
    if not can_see_customer_results(request.user, None):
        raise PermissionDenied
    context = {
        "organisations": Organisation.objects.order_by("name"),
        "page_title": _("Customer results"),
        "header_title": _("Customer results"),
        "header_icon": "table",
    }
    return TemplateResponse(request, "outcomes/admin/index.html", context)


@require_http_methods(["GET", "POST"])
def organisation_results(request, pk):
    """GET: the series, the import history and the upload form. POST: import a file."""
    organisation = _organisation_for(request, pk)
    form = CustomerCsvForm()
    problems: list[str] = []
    status = 200
    if request.method == "POST":
        if not can_manage_customer_results(request.user, organisation):
            raise PermissionDenied
        form = CustomerCsvForm(request.POST, request.FILES)
        if form.is_valid():
            raw, name = form.read()
            try:
                made = services.import_customer_results(
                    organisation=organisation, raw=raw, file_name=name, by=request.user
                )
            except CustomerCsvError as error:
                problems = error.messages
            else:
                messages.success(request, _imported_message(made))
                return redirect("customer_results", pk=organisation.pk)
        else:
            problems = [message for errors in form.errors.values() for message in errors]
        status = 400
    context = {
        "organisation": organisation,
        "form": form,
        "problems": problems,
        "series": selectors.customer_series(organisation=organisation),
        "imports": selectors.customer_imports(organisation=organisation),
        "can_manage": can_manage_customer_results(request.user, organisation),
        "page_title": _("Customer results of %(name)s") % {"name": organisation.name},
        "header_title": _("Customer results of %(name)s") % {"name": organisation.name},
        "header_icon": "table",
    }
    return TemplateResponse(
        request, "outcomes/admin/organisation.html", context, status=status
    )


@require_http_methods(["GET", "POST"])
def undo_import(request, pk):
    """GET: say what undoing the import does. POST: undo it."""
    customer_import = get_object_or_404(
        CustomerImport.objects.select_related("organisation", "imported_by"), pk=pk
    )
    organisation = customer_import.organisation
    if not can_manage_customer_results(request.user, organisation):
        raise PermissionDenied
    if request.method == "POST":
        if customer_import.is_undone:
            messages.info(request, _("That import was already undone."))
        else:
            removed = services.undo_customer_import(
                customer_import=customer_import, by=request.user
            )
            messages.success(
                request,
                ngettext(
                    "Import of %(file)s undone: its %(count)s point is out of the series.",
                    "Import of %(file)s undone: its %(count)s points are out of the series.",
                    removed,
                ) % {"file": customer_import.file_name, "count": removed},
            )
        return redirect("customer_results", pk=organisation.pk)
    title = _("Undo the import of %(file)s?") % {"file": customer_import.file_name}
    context = {
        "customer_import": customer_import,
        "organisation": organisation,
        "page_title": title,
        "header_title": title,
        "header_icon": "table",
    }
    return TemplateResponse(request, "outcomes/admin/undo.html", context)


def _imported_message(made: CustomerImport) -> str:
    message = ngettext(
        "Imported %(count)s point from %(file)s.",
        "Imported %(count)s points from %(file)s.",
        made.rows,
    ) % {"count": made.rows, "file": made.file_name}
    if made.replaced:
        message += " " + ngettext(
            "%(count)s of them replaced a value imported earlier.",
            "%(count)s of them replaced values imported earlier.",
            made.replaced,
        ) % {"count": made.replaced}
    return message
