"""Where people land after signing in, and the trainer home: cohorts with progress, invite
links, reports waiting for feedback, changes waiting for review, organisations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.models import Membership
from courses.models import ModulePage, ModuleProgress
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = factories.course(modules=2)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    learners = [
        factories.learner(email=f"l{n}@example.com", display_name=f"Learner {n}") for n in range(2)
    ]
    cohort = factories.cohort(course=course, trainers=[trainer], learners=learners)
    module = ModulePage.objects.order_by("path").first()
    ModuleProgress.objects.create(user=learners[0], module=module, completed_at=timezone.now())
    author = Membership.objects.get(user=learners[0])
    waiting = factories.report(membership=author, what_happened="Waiting story", audience_size=4)
    answered = factories.report(membership=author, trainer_feedback="Lovely.", audience_size=9)
    return {"course": course, "trainer": trainer, "learners": learners, "cohort": cohort,
            "waiting": waiting, "answered": answered}


def log_in(client, email):
    return client.post(
        "/accounts/login/", {"login": email, "password": factories.PASSWORD}
    )


def test_a_learner_lands_on_the_learner_home_after_signing_in(client, world):
    assert log_in(client, "l1@example.com")["Location"] == "/my/"


def test_a_trainer_and_an_admin_land_on_the_trainer_home_after_signing_in(client, world):
    assert log_in(client, "tara@example.com")["Location"] == "/teach/"
    client.logout()
    factories.admin(email="ada@example.com")
    assert log_in(client, "ada@example.com")["Location"] == "/teach/"


def test_a_page_that_sent_someone_to_sign_in_still_wins(client, world):
    response = client.post(
        "/accounts/login/?next=/courses/service/",
        {"login": "tara@example.com", "password": factories.PASSWORD, "next": "/courses/service/"},
    )
    assert response["Location"] == "/courses/service/"


def test_the_trainer_home_shows_progress_invite_link_and_reports_waiting(client, world):
    client.force_login(world["trainer"])
    html = client.get("/teach/").content.decode()
    cohort = world["cohort"]
    assert cohort.name in html
    assert "25%" in html  # 1 of 2 modules x 2 learners
    assert "1 of 2" in html  # learners who have taught
    assert f"http://testserver{cohort.join_path}" in html
    assert f"/cohorts/{cohort.pk}/" in html
    assert f"/reports/{world['waiting'].pk}/" in html
    assert "Taught 4 people</a>" in html and "by Learner 0" in html
    assert f"/reports/{world['answered'].pk}/" not in html  # it has feedback
    assert "1 report is waiting for your feedback" in html


def test_the_trainer_home_lists_changes_waiting_for_my_review_but_not_my_own(client, world):
    reviewer = factories.trainer(email="rex@example.com", display_name="Rex Reviewer")
    module = ModulePage.objects.order_by("path").first()
    module.title = "Module 1, reworded"
    revision = module.save_revision(user=world["trainer"])
    module.get_workflow().start(module, world["trainer"])
    assert revision.object_str == "Module 1, reworded"

    client.force_login(reviewer)
    html = client.get("/teach/").content.decode()
    assert "Module 1, reworded" in html
    assert f"/admin/pages/{module.pk}/edit/" in html
    assert "by Tara Trainer" in html

    client.force_login(world["trainer"])
    assert "Module 1, reworded" not in client.get("/teach/").content.decode()


def test_another_trainer_sees_none_of_this_cohort(client, world):
    other = factories.trainer(email="otto@example.com")
    factories.cohort(course=world["course"], name="Other cohort", trainers=[other])
    client.force_login(other)
    html = client.get("/teach/").content.decode()
    assert "Other cohort" in html
    assert world["cohort"].name not in html
    assert "Waiting story" not in html and "Learner 0" not in html


def test_learners_have_no_trainer_home(client, world):
    client.force_login(world["learners"][0])
    assert client.get("/teach/").status_code == 403


def test_an_admin_sees_every_organisation_with_its_totals(client, world):
    client.force_login(factories.admin(email="ada@example.com"))
    html = client.get("/teach/").content.decode()
    assert "Organisations" in html
    assert "Acme" in html
    assert "/admin/impact/organisations/" in html


def queries_for(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_trainer_home_runs_the_same_queries_for_one_cohort_or_many(client, world):
    client.force_login(world["trainer"])
    one = queries_for(client, "/teach/")
    for n in range(3):
        people = [factories.learner(email=f"c{n}-{k}@example.com") for k in range(3)]
        cohort = factories.cohort(
            course=factories.course(modules=3, slug=f"course-{n}"), name=f"Cohort {n}",
            trainers=[world["trainer"]], learners=people,
        )
        for person in people:
            membership = Membership.objects.get(cohort=cohort, user=person)
            factories.report(membership=membership)
            for module in ModulePage.objects.child_of(cohort.course):
                ModuleProgress.objects.create(
                    user=person, module=module, completed_at=timezone.now()
                )
    many = queries_for(client, "/teach/")
    assert many == one


def test_a_trainers_learner_home_leads_to_the_trainer_home_not_a_learner_card(client, world):
    client.force_login(world["trainer"])
    html = client.get("/my/").content.decode()
    assert "You run 1 cohort" in html
    assert 'href="/teach/"' in html
    assert "File a teach-back report" not in html
    assert "0 of 2 modules" not in html
