"""Admin registrations for accounts: where people change their email address."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def email_address_menu_item(request):
    """The admin's account page has no email field: this link leads to the confirmed change."""
    return {
        "url": reverse("account_email"),
        "label": _("Change email address"),
        "help_text": _(
            "We send a link to the new address; your current one keeps working until you "
            "follow it."
        ),
    }


@hooks.register("register_account_menu_item")
def language_menu_item(request):
    """The admin's own "Preferred language" changes only the admin; this one is the language of
    the site's pages and of the emails Ripple sends the person (User.language)."""
    return {
        "url": reverse("account_language"),
        "label": _("Language of pages and emails"),
        "help_text": _(
            "The language of Ripple's pages and of the emails it sends you. The admin uses it "
            "too, unless you set a preferred language for the admin in your profile."
        ),
    }
