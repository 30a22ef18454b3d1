"""Signed one-click links that turn off an optional kind of email (no sign-in needed)."""

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.mail import absolute_url

SALT = "ripple.unsubscribe"
PREFERENCES = {
    "replies": ("email_on_replies", _("comments and feedback on your reports")),
    "new_reports": ("email_on_new_reports", _("new teach-back reports in cohorts you train")),
    "pulse": ("email_on_pulse", _("the engagement pulse")),
}


def unsubscribe_url(*, user, kind: str) -> str:
    token = signing.dumps({"u": user.pk, "k": kind}, salt=SALT)
    return absolute_url(reverse("unsubscribe", args=[token]))


def read_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=60 * 60 * 24 * 365)
    except signing.BadSignature:
        return None
    if data.get("k") not in PREFERENCES:
        return None
    return data["u"], data["k"]
