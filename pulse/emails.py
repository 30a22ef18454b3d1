"""The pulse's invitation and reminder email, in the recipient's language, with a one-click
unsubscribe (a link, and the List-Unsubscribe headers of RFC 8058 for mail apps)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.mail import email_subject
from accounts.unsubscribe import unsubscribe_url


def _site(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(*, pulse, user, reminder: bool) -> None:
    """Invite the person to answer their pulse (or remind them), in their language."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        unsubscribe = unsubscribe_url(user=user, kind="pulse")
        context = {
            "user": user,
            "pulse": pulse,
            "cohort": pulse.cohort,
            "reminder": reminder,
            "link": _site(reverse("pulse_answer", args=[pulse.pk])),
            "unsubscribe": unsubscribe,
            "language": language,
        }
        subject = (
            _("Reminder: your 1-minute pulse for %(cohort)s")
            if reminder
            else _("How is it going? Your 1-minute pulse for %(cohort)s")
        ) % {"cohort": pulse.cohort.name}
        message = EmailMultiAlternatives(
            subject=email_subject(subject),
            body=render_to_string("pulse/email/invitation.txt", context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("pulse/email/invitation.html", context), "text/html"
        )
    message.send()
