"""Demo accounts for `seed_demo`: an admin, two trainers and thirteen learners. Idempotent."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import LEARNERS, TRAINERS

DEMO_PASSWORD = "ripple-demo"  # noqa: S105 -- documented demo sign-in, DEBUG only
LEARNER_NAMES = [
    "Lee Learner", "Amara Okafor", "Ben Carter", "Chloé Martin", "Dev Patel", "Elena Rossi",
    "Farid Haddad", "Grace Kim", "Hugo Silva", "Ines Novak", "Jonah Weiss", "Kemi Adeyemi",
    "Lucia Gómez",
]


def demo_people() -> list[tuple[str, str, str | None]]:
    """(email, display name, group) for every demo account, the admin first."""
    people = [
        ("admin@example.com", "Ada Admin", None),
        ("trainer@example.com", "Theo Trainer", TRAINERS),
        ("trainer2@example.com", "Tess Trainer", TRAINERS),
        ("learner@example.com", LEARNER_NAMES[0], LEARNERS),
    ]
    people += [
        (f"learner{n}@example.com", LEARNER_NAMES[n], LEARNERS) for n in range(1, 13)
    ]
    return people


def seed_accounts() -> dict[str, User]:
    """Create or refresh the demo accounts; returns them by email. Safe to run repeatedly."""
    users = {}
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (TRAINERS, LEARNERS)}
    for email, name, group in demo_people():
        user, created = User.objects.get_or_create(email=email, defaults={"display_name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
        if group is None:
            user.is_staff = user.is_superuser = True
        user.save()
        if group:
            user.groups.add(groups[group])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[email] = user
    return users
