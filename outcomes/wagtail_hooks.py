"""Admin: the “Customer results” menu item and its pages (outcomes.views). Trainers reach the
Wagtail admin too, so every view checks outcomes.permissions, not only the menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from outcomes import views
from outcomes.permissions import can_see_customer_results


@hooks.register("register_admin_urls")
def register_customer_results_urls():
    return [
        path("customer-results/", views.index, name="customer_results_index"),
        path("customer-results/<int:pk>/", views.organisation_results, name="customer_results"),
        path(
            "customer-results/imports/<int:pk>/undo/",
            views.undo_import,
            name="customer_results_undo",
        ),
    ]


class CustomerResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_customer_results(request.user, None)


@hooks.register("register_admin_menu_item")
def register_customer_results_menu_item():
    return CustomerResultsMenuItem(
        _("Customer results"), reverse("customer_results_index"), icon_name="table", order=175
    )
