"""What an account may do because of what it is and what it has proved: the only home of these
rules, the lowest layer of permissions (courses, cohorts and reports build on them).

An address nobody confirmed could belong to someone else (a sign-up as new.hire@… before the
real person arrives), so it gets no rights in any cohort until it is confirmed.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower


def is_admin(user) -> bool:
    """Admins (superusers) manage everything: users, organisations, every cohort and report."""
    return user.is_authenticated and user.is_superuser


def users_with_confirmed_email(queryset):
    """The people of a user queryset who confirmed the address they sign in with (allauth's
    verified flag on the EmailAddress matching User.email). Another confirmed address of theirs
    does not count: it is not the one they sign in with."""
    sign_in_address_confirmed = (
        EmailAddress.objects.filter(user_id=OuterRef("pk"), verified=True)
        .alias(address=Lower("email"))
        .filter(address=Lower(OuterRef("email")))
    )
    return queryset.filter(Exists(sign_in_address_confirmed))


def has_confirmed_email(user) -> bool:
    """`users_with_confirmed_email` for one person (one query; none for anonymous visitors)."""
    if not user.is_authenticated:
        return False
    return users_with_confirmed_email(get_user_model().objects.filter(pk=user.pk)).exists()


def can_use_admin(user) -> bool:
    """Trainers and admins work in the Wagtail admin (its access_admin permission)."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def can_edit_own_account(user) -> bool:
    """Signed-in people edit their own account preferences (language, email kinds)."""
    return user.is_authenticated


def can_choose_language(language: str) -> bool:
    """Anyone may switch the interface to one of Ripple's languages (settings.LANGUAGES)."""
    return language in dict(settings.LANGUAGES)
