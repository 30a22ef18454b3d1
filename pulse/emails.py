"""The pulse's invitation and reminder email, in the recipient's language, with a one-click
unsubscribe (a link, and the List-Unsubscribe headers of RFC 8058 for mail apps)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mail import absolute_url, language_of, send_email
from accounts.unsubscribe import unsubscribe_url


def send_invitation(*, pulse, user, reminder: bool) -> None:
    """Invite the person to answer their pulse (or remind them), in their language."""
    language = language_of(user)
    unsubscribe = unsubscribe_url(user=user, kind="pulse")

    def subject() -> str:
        text = (
            _("Reminder: your 1-minute pulse for %(cohort)s")
            if reminder
            else _("How is it going? Your 1-minute pulse for %(cohort)s")
        )
        return text % {"cohort": pulse.cohort.name}

    send_email(
        to=user.email,
        language=language,
        subject=subject,
        template="pulse/email/invitation",
        context={
            "user": user,
            "pulse": pulse,
            "cohort": pulse.cohort,
            "reminder": reminder,
            "link": absolute_url(reverse("pulse_answer", args=[pulse.pk])),
            "unsubscribe": unsubscribe,
            "language": language,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
