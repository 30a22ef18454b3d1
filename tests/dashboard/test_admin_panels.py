"""The admin dashboard shows a trainer their work: pages to review, their cohorts with invite
links, the newest reports they may read; nothing of other trainers' cohorts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import ModulePage
from tests import factories

pytestmark = pytest.mark.django_db


def submit_for_review(module, *, by):
    """What “Submit to Trainer review” does in the editor."""
    revision = module.save_revision(user=by)
    module.get_workflow().start(module, by)
    return revision


@pytest.fixture
def world(db):
    course = factories.course(modules=2)
    mine = factories.trainer(email="mine@example.com", display_name="Mina Trainer")
    other = factories.trainer(email="other@example.com", display_name="Otto Other")
    lee = factories.learner(email="lee@example.com", display_name="Lee Learner")
    sam = factories.learner(email="sam@example.com", display_name="Sam Stranger")
    my_cohort = factories.cohort(course=course, name="Mine", trainers=[mine], learners=[lee])
    their_cohort = factories.cohort(
        course=course, name="Theirs", trainers=[other], learners=[sam]
    )
    factories.report(membership=my_cohort.memberships.get(user=lee), audience_size=4)
    factories.report(
        membership=their_cohort.memberships.get(user=sam), setting="school", audience_size=30
    )
    return {"course": course, "mine": mine, "other": other, "my_cohort": my_cohort,
            "their_cohort": their_cohort}


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_trainer_sees_a_module_another_trainer_submitted_with_a_link_to_review_it(
    client, world
):
    module = ModulePage.objects.get(slug="module-1")
    module.title = "Module 1, reworded"
    submit_for_review(module, by=world["other"])
    html = dashboard(client, world["mine"])
    assert "Waiting for your review" in html
    assert "Module 1, reworded" in html
    assert f'href="/admin/pages/{module.pk}/edit/"' in html
    assert "submitted by Otto Other" in html


def test_a_trainer_does_not_see_their_own_submission_as_waiting_for_their_review(
    client, world
):
    submit_for_review(ModulePage.objects.get(slug="module-1"), by=world["mine"])
    html = dashboard(client, world["mine"])
    assert "Nothing is waiting for your review" in html
    # Wagtail's own moderation panel is replaced, not shown beside ours.
    assert "Awaiting your review" not in html


def test_a_trainer_sees_their_cohorts_with_invite_link_and_links_but_not_others(client, world):
    html = dashboard(client, world["mine"])
    mine, theirs = world["my_cohort"], world["their_cohort"]
    assert "Your cohorts" in html
    assert f"http://testserver/join/{mine.join_code}/" in html
    assert 'data-controller="w-clipboard"' in html
    assert f'href="/admin/cohorts/members/{mine.pk}/"' in html
    assert f'href="/cohorts/{mine.pk}/"' in html
    assert "1 learner" in html
    assert theirs.join_code not in html
    assert f"/admin/cohorts/members/{theirs.pk}/" not in html


def test_a_trainer_sees_the_newest_reports_of_their_cohorts_only(client, world):
    html = dashboard(client, world["mine"])
    mine_report = world["my_cohort"].memberships.get(user__email="lee@example.com").reports.get()
    theirs_report = world["their_cohort"].memberships.get(
        user__email="sam@example.com").reports.get()
    assert "Newest teach-back reports" in html
    assert f'href="/reports/{mine_report.pk}/"' in html
    assert "Taught 4 people</a>" in html and "by Lee Learner" in html
    assert "waiting for your feedback" in html
    assert f"/reports/{theirs_report.pk}/" not in html
    assert "Sam Stranger" not in html


def test_a_trainer_without_cohorts_is_told_what_to_do_next(client, db):
    newcomer = factories.trainer(email="new@example.com")
    html = dashboard(client, newcomer)
    assert "Nothing is waiting for your review" in html
    assert "You do not run a cohort yet" in html
    assert "No teach-back reports yet" in html


def test_a_trainer_of_an_organisation_without_cohorts_is_offered_to_add_one(client, world):
    newcomer = factories.trainer(email="new@example.com")
    world["my_cohort"].organisation.trainers.add(newcomer)
    html = dashboard(client, newcomer)
    assert 'href="/admin/cohorts/new/"' in html


def count_dashboard_queries(client, user) -> int:
    client.force_login(user)
    client.get("/admin/")  # warm Wagtail's per-process caches (content types, site root)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_dashboard_runs_the_same_number_of_queries_however_much_there_is(client, world):
    submit_for_review(ModulePage.objects.get(slug="module-1"), by=world["other"])
    few = count_dashboard_queries(client, world["mine"])
    submit_for_review(ModulePage.objects.get(slug="module-2"), by=world["other"])
    for n in range(4):
        learner = factories.learner(email=f"l{n}@example.com")
        cohort = factories.cohort(
            course=world["course"], name=f"More {n}", trainers=[world["mine"]], learners=[learner]
        )
        factories.report(membership=cohort.memberships.get(user=learner))
    assert count_dashboard_queries(client, world["mine"]) == few
    assert few <= 40


def test_the_admin_menu_says_page_reports_and_teach_back_reports(client, world):
    html = dashboard(client, world["mine"])
    assert "Page reports" in html
    assert "Teach-back reports" in html
    assert '"label": "Reports"' not in html


def test_the_teach_back_reports_page_lists_the_trainers_reports_and_feeds(client, world):
    client.force_login(world["mine"])
    html = client.get("/admin/teach-back-reports/").content.decode()
    mine = world["my_cohort"]
    assert f'href="/cohorts/{mine.pk}/reports/"' in html
    assert "Taught 4 people</a>" in html and "by Lee Learner" in html
    assert "Sam Stranger" not in html
    assert f"/cohorts/{world['their_cohort'].pk}/reports/" not in html


def test_learners_cannot_open_the_admin_teach_back_reports_page(client, world):
    client.force_login(factories.learner(email="nope@example.com"))
    response = client.get("/admin/teach-back-reports/")
    assert response.status_code in (302, 403)


def test_approving_from_the_panel_publishes_the_module_and_returns_to_the_dashboard(
    client, world
):
    module = ModulePage.objects.get(slug="module-1")
    module.title = "Module 1, reworded"
    submit_for_review(module, by=world["other"])
    html = dashboard(client, world["mine"])
    task_state = ModulePage.objects.get(pk=module.pk).current_workflow_state.current_task_state
    approve = f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/"
    assert f'action="{approve}"' in html
    response = client.post(approve, {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert ModulePage.objects.get(pk=module.pk).title == "Module 1, reworded"
    assert "Nothing is waiting for your review" in dashboard(client, world["mine"])


def test_requesting_changes_from_the_panel_sends_the_module_back_with_the_comment(client, world):
    module = ModulePage.objects.get(slug="module-1")
    module.title = "Module 1, reworded"
    submit_for_review(module, by=world["other"])
    task_state = ModulePage.objects.get(pk=module.pk).current_workflow_state.current_task_state
    reject = f"/admin/pages/workflow/action/{module.pk}/reject/{task_state.pk}/"
    assert f'action="{reject}"' in dashboard(client, world["mine"])
    client.post(reject, {"next": "/admin/", "comment": "Shorter, please."})
    task_state.refresh_from_db()
    assert task_state.status == "rejected" and task_state.comment == "Shorter, please."
    assert ModulePage.objects.get(pk=module.pk).title == "Module 1"
