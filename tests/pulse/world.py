"""The pulse tests' world: a course, an organisation's cohorts with learners, and answers
written straight into the tables (the services are tested on their own)."""

import datetime
import itertools

from django.utils import timezone

from cohorts.models import Membership, Role
from pulse.models import Pulse, PulseScore
from pulse.schedule import closes_on
from tests import factories

STARTS = datetime.date(2026, 1, 5)
ENDS = datetime.date(2026, 2, 27)
# Every stage of a cohort that started on STARTS and ended on ENDS has closed by then.
LATER = datetime.date(2026, 12, 1)
_numbers = itertools.count(1)


def people(count: int, *, prefix: str = "p") -> list:
    """`count` confirmed learners with unique addresses."""
    return [
        factories.learner(email=f"{prefix}{next(_numbers)}@example.com") for _ in range(count)
    ]


def cohort(*, course, learners: int = 5, name: str = "Cohort", organisation: str = "Acme",
           trainers=(), **dates):
    """A cohort of `learners` new learners (and the trainers given)."""
    return factories.cohort(
        course=course, name=name, organisation=organisation, trainers=list(trainers),
        learners=people(learners), starts_on=dates.get("starts_on", STARTS),
        ends_on=dates.get("ends_on", ENDS),
    )


def answer(membership, stage: str, scores: list[int], *, comment: str = "",
           share: bool = False) -> Pulse:
    """A sent answer of a membership to a stage, as pulse.services would store it."""
    cohort = membership.cohort
    due = STARTS if stage == "baseline" else ENDS
    pulse = Pulse.objects.create(
        cohort=cohort, membership=membership, stage=stage, due_on=due,
        closes_on=closes_on(cohort, stage, due) or due + datetime.timedelta(days=1),
        answered_at=timezone.now(), mean_score=sum(scores) / len(scores), comment=comment,
        share_comment=share,
    )
    PulseScore.objects.bulk_create(
        PulseScore(pulse=pulse, statement_key=f"s{n}", statement_text=f"Statement {n}", score=s)
        for n, s in enumerate(scores)
    )
    return pulse


def learners_of(cohort) -> list[Membership]:
    return list(Membership.objects.filter(cohort=cohort, role=Role.LEARNER).order_by("pk"))
