"""One place that builds the people and things tests need."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import LEARNERS, TRAINERS

PASSWORD = "a-Long-test-passw0rd"


def user(*, email: str, display_name: str = "", group: str | None = None, **extra) -> User:
    """A user with a verified email who can sign in with PASSWORD."""
    person = User.objects.create_user(email, PASSWORD, display_name=display_name, **extra)
    EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
    if group:
        person.groups.add(Group.objects.get_or_create(name=group)[0])
    return person


def learner(*, email: str, display_name: str = "") -> User:
    return user(email=email, display_name=display_name, group=LEARNERS)


def trainer(*, email: str, display_name: str = "") -> User:
    return user(email=email, display_name=display_name, group=TRAINERS)


def admin(*, email: str) -> User:
    return user(email=email, display_name="Ada Admin", is_staff=True, is_superuser=True)
