"""The admin's organisation impact page (/admin/impact/organisations/<pk>/): its queries stay
the same however many cohorts the organisation has, a second GET reads its figures from the
cache, and every change to what it shows (a report, a cohort, a membership, a customer import
or its undo, a pulse answer) shows on the next GET."""

import datetime
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.models import Membership
from cohorts.services import end_membership
from outcomes.models import CustomerImport
from pulse.forms import statements_fingerprint
from pulse.models import DEFAULT_STATEMENTS, Pulse, Stage
from reports.models import TeachBackReport
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


def test_a_second_get_of_the_organisation_page_uses_its_cached_figures(client):
    course = factories.course(modules=2, blocks=2)
    trainer = factories.trainer(email="tara@example.com")
    one = cohort_with_answers(course, trainer, name="one", people=10, stages=list(Stage))
    four = [
        cohort_with_answers(course, trainer, name=f"four-{n}", organisation="Four",
                            people=10, stages=list(Stage))
        for n in range(4)
    ]
    client.force_login(factories.admin(email="ada@example.com"))

    cold, warm = (queries_for(client, organisation_url(one), cold=cold) for cold in (True, False))
    assert warm < cold
    assert queries_for(client, organisation_url(four[0])) == warm
    cached = client.get(organisation_url(four[0])).content.decode()
    assert "From 4 of 4 cohorts" in cached and 'id="languages"' in cached


# No stale figures: each change shows on the next GET --------------------------------------

GOOD_CSV = "date,measure,value,site\n2026-09-01,CSAT,4.0,North\n2026-10-01,CSAT,4.4,North\n"


@pytest.fixture
def world(db):
    """report_world's cohort (Acme) and a second Acme cohort, each with one learner."""
    world = factories.report_world()
    world["spring"] = factories.cohort(
        course=world["course"], name="Spring cohort",
        learners=[factories.learner(email="sam@example.com")],
    )
    world["admin"] = factories.admin(email="ada@example.com")
    world["url"] = organisation_url(world["cohort"])
    return world


def tables(client, url) -> dict[str, list[list[str]]]:
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        table["id"]: [[" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]
                      for row in table.find_all("tr")]
        for table in page.find_all("table") if table.get("id")
    }


def report_form(world, **overrides):
    return {
        "form_token": str(uuid.uuid4()), "taught_on": "2026-09-20", "setting": "neighbours",
        "language": "es", "audience_size": "7", "audience_description": "seven neighbours",
        "modules": [world["modules"][0].pk], "principles": [world["principle"].pk],
        "what_happened": "We named the quiet helpers on our street.", "visibility": "cohort",
        "action": "submit", **overrides,
    }


def test_a_report_filed_or_deleted_shows_on_the_organisation_page_at_once(client, world):
    admin = client
    admin.force_login(world["admin"])
    assert ["Teach-back reports", "0"] in tables(admin, world["url"])["totals"]

    learner = Client()
    learner.force_login(world["author"])
    learner.post(f"/cohorts/{world['cohort'].pk}/reports/new/", report_form(world))
    now = tables(admin, world["url"])
    assert ["Teach-back reports", "1"] in now["totals"]
    assert ["People reached", "7"] in now["totals"]
    assert now["languages"][1:] == [["Spanish", "1", "7"]]
    assert now["cohorts"][1:] == [
        ["Autumn cohort", "Course service", "2", "1", "1", "7"],
        ["Spring cohort", "Course service", "1", "0", "0", "0"],
    ]

    report = TeachBackReport.objects.get()
    learner.post(f"/reports/{report.pk}/delete/")
    assert not TeachBackReport.objects.exists()
    now = tables(admin, world["url"])
    assert ["Teach-back reports", "0"] in now["totals"] and "languages" not in now


def test_a_new_cohort_and_a_learner_who_leaves_show_at_once(client, world):
    client.force_login(world["admin"])
    assert len(tables(client, world["url"])["cohorts"]) == 3
    factories.cohort(course=world["course"], name="Winter cohort",
                     learners=[factories.learner(email="wyn@example.com")])
    now = tables(client, world["url"])
    assert [row[0] for row in now["cohorts"][1:]] == [
        "Autumn cohort", "Spring cohort", "Winter cohort"]
    assert ["Learners who have taught", "0 of 4 (0%)"] in now["totals"]

    joiner = Client()
    joiner.force_login(factories.learner(email="jo@example.com"))
    joiner.post(f"/join/{world['spring'].join_code}/")
    assert ["Learners who have taught", "0 of 5 (0%)"] in tables(client, world["url"])["totals"]

    end_membership(membership=world["spring"].memberships.get(user__email="sam@example.com"),
                   ended_by=world["admin"])
    assert ["Learners who have taught", "0 of 4 (0%)"] in tables(client, world["url"])["totals"]


def test_a_customer_import_and_its_undo_show_on_the_organisation_page_at_once(client, world):
    client.force_login(world["admin"])
    organisation = world["cohort"].organisation
    assert "org-months" not in tables(client, world["url"])

    response = client.post(
        f"/admin/customer-results/{organisation.pk}/",
        {"file": SimpleUploadedFile("autumn.csv", GOOD_CSV.encode(), content_type="text/csv")},
    )
    assert response.status_code == 302
    page = client.get(world["url"]).content.decode()
    assert "latest: autumn.csv" in page
    months = tables(client, world["url"])["org-months"]
    assert months[0] == ["Month", "Pulse (1–5)", "CSAT", "Teach-back reports", "People reached"]
    assert [row[2] for row in months[1:]] == ["4.0", "4.4"]

    made = CustomerImport.objects.get()
    assert client.post(f"/admin/customer-results/imports/{made.pk}/undo/").status_code == 302
    page = client.get(world["url"]).content.decode()
    assert "latest: autumn.csv" not in page and 'id="org-months"' not in page


def test_a_pulse_answer_makes_the_next_get_count_afresh(client, world):
    """An answer counts only once its stage's window closes (a new day, in the key anyway);
    still, an answer raises its cohort's generation, so no figure is ever built on old ones."""
    membership = Membership.objects.get(user=world["peer"])
    today = timezone.localdate()  # the cohort has no end date: its after-course pulse is open
    pulse = Pulse.objects.create(cohort=world["cohort"], membership=membership,
                                 stage=Stage.AFTER_COURSE, due_on=today,
                                 closes_on=today + datetime.timedelta(days=21))
    client.force_login(world["admin"])
    warm = queries_for(client, world["url"])

    learner = Client()
    learner.force_login(world["peer"])
    answer = {f"s_{key}": "4" for key, _text in DEFAULT_STATEMENTS}
    answer["shown"] = statements_fingerprint([(k, str(t)) for k, t in DEFAULT_STATEMENTS])
    assert learner.post(f"/pulse/{pulse.pk}/", answer).status_code == 302
    assert Pulse.objects.answered().count() == 1
    with CaptureQueriesContext(connection) as captured:
        client.get(world["url"])
    assert len(captured) > warm
    assert queries_for(client, world["url"]) == warm
