"""The demo organisation and cohort for `seed_demo`. Idempotent."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from cohorts.models import Cohort, Organisation, Role
from cohorts.services import set_membership


def seed_cohort(*, course, trainers: list, learners: list) -> Cohort:
    """Northwind's autumn cohort on the demo course, with its trainers and learners."""
    organisation, _ = Organisation.objects.get_or_create(name="Northwind Travel Services")
    today = date.today()
    cohort, _ = Cohort.objects.get_or_create(
        name="Customer Focus — Autumn cohort",
        organisation=organisation,
        defaults={
            "course": course,
            "starts_on": today - timedelta(days=28),
            "ends_on": today + timedelta(days=35),
            "seat_limit": 30,
            "teach_back_instructions": (
                "Teach one principle from the course at home or in your community — to your "
                "family, friends, neighbours, a club or a volunteer group — using the community "
                "course book. Then file a teach-back report and tell your peers how it went."
            ),
            "teach_back_due_on": today + timedelta(days=21),
        },
    )
    organisation.trainers.add(*trainers)  # so they may start the organisation's next cohort
    for trainer in trainers:
        set_membership(cohort=cohort, user=trainer, role=Role.TRAINER)
    for learner in learners:
        set_membership(cohort=cohort, user=learner, role=Role.LEARNER)
    # Demo people joined when the cohort began, so “days to first teach-back” reads true.
    start = timezone.make_aware(datetime.combine(cohort.starts_on, time(9)))
    cohort.memberships.filter(joined_at__gt=start).update(joined_at=start)
    return cohort
