"""The admin as trainers use it: dashboard panels, a “Teach-back reports” page and menu item,
and Wagtail's page reports renamed “Page reports” so the two are not confused."""

import copy

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from dashboard.panels import CohortsPanel, ReportsPanel, ReviewPanel, cohorts_run_by, newest_reports

# Wagtail's own moderation panel lists the same tasks as ReviewPanel, with fewer words.
REPLACED_PANELS = {"workflow_objects_to_moderate"}
TEACH_BACK_PAGE_LIMIT = 30


@hooks.register("construct_homepage_panels")
def add_trainer_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.extend([ReviewPanel(), CohortsPanel(), ReportsPanel()])


def teach_back_reports_view(request):
    """The newest teach-back reports this person may read, and each of their cohorts' feeds."""
    context = {
        "reports": newest_reports(user=request.user, limit=TEACH_BACK_PAGE_LIMIT),
        "cohorts": cohorts_run_by(user=request.user, limit=None),
        "page_title": _("Teach-back reports"),
        "header_title": _("Teach-back reports"),
        "header_icon": "doc-full",
    }
    return TemplateResponse(request, "dashboard/admin/teach_back_reports.html", context)


@hooks.register("register_admin_urls")
def register_teach_back_reports_url():
    return [path("teach-back-reports/", teach_back_reports_view, name="teach_back_reports")]


@hooks.register("register_admin_menu_item")
def register_teach_back_reports_menu_item():
    return MenuItem(
        gettext_lazy("Teach-back reports"),
        reverse("teach_back_reports"),
        icon_name="doc-full",
        order=155,
    )


@hooks.register("construct_main_menu")
def rename_wagtails_page_reports(request, menu_items):
    """Wagtail's “Reports” (locked pages, workflows, site history) are about pages, not the
    teach-back reports learners file: call them “Page reports”."""
    for index, item in enumerate(menu_items):
        if item.name == "reports":
            renamed = copy.copy(item)  # the registered item is shared by every request
            renamed.label = _("Page reports")
            menu_items[index] = renamed
