"""The impact pages run the same queries for 5 pulse answers or 5,000 (rows written in bulk)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.models import User
from cohorts.models import Membership, Role
from pulse.models import Pulse, Stage
from tests import factories
from tests.pulse.world import ENDS, STARTS
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


def cohort_with_answers(course, trainer, *, name: str, people: int, stages: list,
                        organisation: str = ""):
    """A cohort of `people` learners (in its own organisation unless one is named) who each
    answered `stages`, half of them engaged, and one report in five of them."""
    cohort = factories.cohort(course=course, name=name, organisation=organisation or name,
                              trainers=[trainer], starts_on=STARTS, ends_on=ENDS)
    users = User.objects.bulk_create(
        User(email=f"{name}{n}@example.com", display_name=f"{name} {n}") for n in range(people)
    )
    memberships = Membership.objects.bulk_create(
        Membership(cohort=cohort, user=user, role=Role.LEARNER) for user in users
    )
    now = timezone.now()
    Pulse.objects.bulk_create(
        Pulse(cohort=cohort, membership=membership, stage=stage, due_on=ENDS,
              closes_on=ENDS + datetime.timedelta(days=1), answered_at=now,
              mean_score=4.5 if n % 2 else 2.5)
        for n, membership in enumerate(memberships) for stage in stages
    )
    for n, membership in enumerate(memberships[: max(people // 5, 2)]):
        factories.report(membership=membership, taught_on=ENDS + datetime.timedelta(days=n % 90))
    factories.report(membership=memberships[-1], taught_on=ENDS)
    return cohort


def test_the_impact_pages_run_the_same_queries_for_5_or_5000_pulse_answers(
    client, django_assert_max_num_queries
):
    course = factories.course(modules=2, blocks=2)
    trainer = factories.trainer(email="tara@example.com")
    small = cohort_with_answers(course, trainer, name="small", people=10, stages=[Stage.BASELINE])
    big = cohort_with_answers(course, trainer, name="big", people=1000, stages=list(Stage))
    assert Pulse.objects.filter(cohort=big).count() == 5000

    client.force_login(trainer)
    small_count = queries_for(client, f"/cohorts/{small.pk}/impact/", cold=True)
    big_count = queries_for(client, f"/cohorts/{big.pk}/impact/", cold=True)
    assert small_count == big_count
    cache.clear()
    with django_assert_max_num_queries(small_count):
        html = client.get(f"/cohorts/{big.pk}/impact/").content.decode()
    assert "More engaged (4 or more of 5)</th><td class=\"num\">500</td>" in html

    client.force_login(factories.admin(email="ada@example.com"))
    urls = [f"/admin/impact/organisations/{c.organisation.pk}/" for c in (small, big)]
    small_org, big_org = (queries_for(client, url, cold=True) for url in urls)
    assert small_org == big_org
    with django_assert_max_num_queries(small_org):
        html = client.get(urls[1]).content.decode()
    assert "<td>500</td>" in html
