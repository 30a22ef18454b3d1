"""Admin registrations for accounts: where people change their email address."""

from django.urls import reverse
from wagtail import hooks


@hooks.register("register_account_menu_item")
def email_address_menu_item(request):
    """The admin's account page has no email field: this link leads to the confirmed change."""
    return {
        "url": reverse("account_email"),
        "label": "Change email address",
        "help_text": "We send a link to the new address; your current one keeps working "
        "until you follow it.",
    }
