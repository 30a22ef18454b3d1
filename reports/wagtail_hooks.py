"""Admin registrations of reports: “Impact” (its views are in reports/admin_views.py), and
keeping an account whose owner wrote teach-back reports from being deleted in the Users admin.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports.admin_views import organisation_view, organisations_view, sponsor_summary_view
from reports.models import TeachBackReport
from reports.permissions import can_see_organisation_impact


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
