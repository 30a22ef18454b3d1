"""Bench people: learners and trainers, organisations, cohorts, memberships and progress.

Every bench account shares one password hash, computed once: hashing 20,000 passwords one by
one would take hours.
"""

from datetime import date, datetime, timedelta
from datetime import time as clock

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import LEARNERS, TRAINERS
from cohorts.models import Cohort, Membership, Organisation, Role, TrainerEmails
from courses.models import CoursePage, ModulePage, ModuleProgress
from demo.bench.sizes import ADMIN_EMAIL, BATCH, PASSWORD, Sizes, learner_email, trainer_email

FIRST_NAMES = [
    "Amara", "Ben", "Chloé", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah", "Kemi",
    "Lucia", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoe",
]
LAST_NAMES = [
    "Okafor", "Carter", "Martin", "Patel", "Rossi", "Haddad", "Kim", "Silva", "Novak", "Weiss",
    "Adeyemi", "Gómez", "Rivera", "Larsen", "Nguyen", "Schmidt", "Costa", "Dubois", "Ito",
    "Kowalski", "Murphy", "Osei", "Berg",
]


def _name(n: int) -> str:
    """A made-up full name for person n, from the first and last names above."""
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[(n * 7) % len(LAST_NAMES)]}"


def build_people(sizes: Sizes) -> tuple[list[User], list[User]]:
    """Learners and trainers with verified addresses, in their site-wide groups; and an admin."""
    password = make_password(PASSWORD)  # once: every bench account shares it
    now = timezone.now()
    learners = [
        User(email=learner_email(n), display_name=_name(n), password=password, date_joined=now)
        for n in range(1, sizes.learners + 1)
    ]
    trainers = [
        User(email=trainer_email(n), display_name=f"Trainer {_name(n * 3)}", password=password,
             date_joined=now)
        for n in range(1, sizes.trainers + 1)
    ]
    admin = User(email=ADMIN_EMAIL, display_name="Bench Admin", password=password,
                 date_joined=now, is_staff=True, is_superuser=True)
    User.objects.bulk_create(learners + trainers + [admin], batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True)
         for u in learners + trainers + [admin]],
        batch_size=BATCH,
    )
    through = User.groups.through
    for name, people in ((LEARNERS, learners), (TRAINERS, trainers)):
        group = Group.objects.get_or_create(name=name)[0]
        through.objects.bulk_create(
            [through(user_id=u.pk, group_id=group.pk) for u in people], batch_size=BATCH
        )
    return learners, trainers


def cohort_start(c: int, today: date) -> date:
    """Cohort c (0-based) began between 8 and 53 weeks ago; the big cohort 30 weeks ago."""
    return today - timedelta(weeks=30 if c == 0 else 8 + (c * 11) % 46)


def build_cohorts(sizes: Sizes, course: CoursePage, learners: list[User], trainers: list[User]):
    """Organisations, cohorts and memberships. Returns (cohorts, members per cohort index)."""
    today = timezone.localdate()
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Bench Organisation {n:02d}")
         for n in range(1, sizes.organisations + 1)]
    )
    cohorts = Cohort.objects.bulk_create(
        [
            Cohort(
                course=course,
                organisation=organisations[c % len(organisations)],
                name=(
                    f"Bench cohort {c + 1:03d}"
                    + (f" ({sizes.big_cohort_learners} learners)" if c == 0 else "")
                ),
                starts_on=cohort_start(c, today),
                ends_on=cohort_start(c, today) + timedelta(weeks=40),
                teach_back_instructions="Teach one principle at home or in your community.",
                teach_back_due_on=cohort_start(c, today) + timedelta(weeks=6),
                # Trainers of busy cohorts choose the digest; the big one mails on each report.
                trainer_emails=TrainerEmails.EACH_REPORT if c % 4 else TrainerEmails.DAILY_DIGEST,
            )
            for c in range(sizes.cohorts)
        ],
        batch_size=BATCH,
    )
    cohorts[0].trainer_emails = TrainerEmails.EACH_REPORT
    Cohort.objects.filter(pk=cohorts[0].pk).update(trainer_emails=TrainerEmails.EACH_REPORT)
    big = sizes.big_cohort_learners
    rest = len(learners) - big
    members: list[list[Membership]] = [[] for _ in cohorts]
    for n, learner in enumerate(learners):
        c = 0 if n < big else 1 + (n - big) * (len(cohorts) - 1) // rest
        members[c].append(Membership(cohort=cohorts[c], user=learner, role=Role.LEARNER))
    trainer_rows = [
        Membership(cohort=cohort, user=trainers[c % len(trainers)], role=Role.TRAINER)
        for c, cohort in enumerate(cohorts)
    ]
    Membership.objects.bulk_create(
        [m for group in members for m in group] + trainer_rows, batch_size=BATCH
    )
    for cohort in cohorts:  # people joined when their cohort began
        joined = timezone.make_aware(datetime.combine(cohort.starts_on, clock(9)))
        Membership.objects.filter(cohort=cohort).update(joined_at=joined)
    return cohorts, members


def build_progress(sizes: Sizes, modules: list[ModulePage], cohorts, members) -> int:
    """Completions: two learners in three finished the course, the others half of it."""
    rows = []
    pattern = [len(modules)] * 4 + [len(modules) // 2] * 2
    n = 0
    for c, group in enumerate(members):
        start = timezone.make_aware(datetime.combine(cohorts[c].starts_on, clock(10)))
        for membership in group:
            done = pattern[n % len(pattern)]
            rows += [
                ModuleProgress(
                    user_id=membership.user_id, module=module,
                    completed_at=start + timedelta(days=3 * k, hours=n % 9),
                )
                for k, module in enumerate(modules[:done])
            ]
            n += 1
    rows = rows[: sizes.progress]
    ModuleProgress.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
