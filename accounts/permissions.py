"""What an account may do because of what it has proved: the only home of these rules.

An address nobody confirmed could belong to someone else (a sign-up as new.hire@… before the
real person arrives), so it gets no rights in any cohort until it is confirmed.
"""

from allauth.account.models import EmailAddress


def has_confirmed_email(user) -> bool:
    """The person confirmed the address they sign in with (allauth's verified flag)."""
    if not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def users_with_confirmed_email(queryset):
    """The people of a user queryset whose sign-in address is confirmed (list twin of the check)."""
    confirmed = EmailAddress.objects.filter(verified=True).values("user_id")
    return queryset.filter(pk__in=confirmed)


def can_use_admin(user) -> bool:
    """Trainers and admins work in the Wagtail admin (its access_admin permission)."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
