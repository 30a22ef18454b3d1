"""Emails: one-line subjects, and every email rendered in its recipient's language."""

import unicodedata
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

SUBJECT_PREFIX = "[Ripple] "


def email_subject(text: str) -> str:
    """The subject line for `text`: control characters and runs of whitespace become one space.

    Django refuses a header with a line break, so one bad display name (older rows were never
    validated) would otherwise make every email about that person fail.
    """
    visible = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Zl", "Zp"} else ch for ch in text
    )
    return SUBJECT_PREFIX + " ".join(visible.split())


def absolute_url(path: str) -> str:
    """`path` on the site's public address (WAGTAILADMIN_BASE_URL), for links in emails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def language_of(user) -> str:
    """The language to write to `user` in: the one on their profile, else the site's default."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def language_for_address(address: str) -> str:
    """The language to write to an email address: its account's choice if it has one."""
    user = get_user_model().objects.filter(email__iexact=address).only("language").first()
    return language_of(user)


def in_language_of(user):
    """A context manager: gettext inside it speaks `user`'s language (see language_of)."""
    return translation.override(language_of(user))


def send_email(
    *,
    to: str,
    language: str,
    subject: Callable[[], str] | str,
    template: str,
    context: dict,
    headers: dict | None = None,
) -> None:
    """Render `<template>.txt` and `<template>.html` and send them to `to`, all in `language`.

    `subject` may be a function (or a lazy string) so that its gettext runs in that language too.
    """
    with translation.override(language):
        text = subject() if callable(subject) else str(subject)
        message = EmailMultiAlternatives(
            subject=email_subject(text),
            body=render_to_string(f"{template}.txt", context),
            to=[to],
            headers=headers,
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
        message.send()
