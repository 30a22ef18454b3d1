"""The admin's organisation impact page (/admin/impact/organisations/<pk>/): its queries stay
the same however many cohorts the organisation has."""

import pytest

from pulse.models import Stage
from tests import factories
from tests.querycount import queries_for
from tests.reports.test_results_queries import cohort_with_answers

pytestmark = pytest.mark.django_db


def organisation_url(cohort) -> str:
    return f"/admin/impact/organisations/{cohort.organisation_id}/"


def test_the_organisation_page_runs_the_same_queries_for_1_or_4_cohorts(client):
    course = factories.course(modules=2, blocks=2)
    trainer = factories.trainer(email="tara@example.com")
    # Ten learners each, half engaged: every cohort's two groups are large enough to count.
    one = cohort_with_answers(course, trainer, name="one", people=10, stages=list(Stage))
    four = [
        cohort_with_answers(course, trainer, name=f"four-{n}", organisation="Four",
                            people=10 + 2 * n, stages=list(Stage))
        for n in range(4)
    ]
    client.force_login(factories.admin(email="ada@example.com"))

    cold = [queries_for(client, organisation_url(c), cold=True) for c in (one, four[0])]
    assert cold[0] == cold[1]
    html = client.get(organisation_url(four[0])).content.decode()
    assert "From 4 of 4 cohorts: those where both groups have at least 5 people." in html
    html = client.get(organisation_url(one)).content.decode()
    assert "From 1 of 1 cohort: those where both groups have at least 5 people." in html
