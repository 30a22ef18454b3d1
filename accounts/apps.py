from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default = True


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's Users admin with Ripple's user forms (accounts/viewsets.py)."""

    user_viewset = "accounts.viewsets.UserViewSet"
