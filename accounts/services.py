"""Account actions used by sign-up, the demo and the admin."""

from django.contrib.auth.models import Group

from accounts.roles import LEARNERS


def add_to_learners(*, user) -> None:
    """Put a new account in the Learners group (no admin access)."""
    group, _ = Group.objects.get_or_create(name=LEARNERS)
    user.groups.add(group)
