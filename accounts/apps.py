from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default = True


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's Users admin with Ripple's user forms (accounts/viewsets.py)."""

    user_viewset = "accounts.viewsets.UserViewSet"
