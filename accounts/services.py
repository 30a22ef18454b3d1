"""Account actions used by sign-up, the demo, the admin and the language switcher."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.roles import LEARNERS


def add_to_learners(*, user) -> None:
    """Put a new account in the Learners group (no admin access)."""
    group, _created = Group.objects.get_or_create(name=LEARNERS)
    user.groups.add(group)


def set_language(*, user, language: str) -> None:
    """Save the language a person chose for Ripple's pages and emails ("" follows the browser).

    A code that is not one of settings.LANGUAGES is refused with a ValidationError.
    """
    if language and language not in dict(settings.LANGUAGES):
        raise ValidationError(
            _("Ripple isn't available in that language."), code="unknown_language"
        )
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
