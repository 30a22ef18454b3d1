"""Trainers author modules in the Wagtail admin; another trainer approves before they go live."""

import pytest
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cohorts.models import ModuleProgress
from courses.models import CoursePage, ModulePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return factories.course(modules=1)


def module_form(principle_id, **overrides):
    data = {
        "title": "Kindness at the counter",
        "slug": "kindness",
        "summary": "Small acts of kindness.",
        "minutes": 25,
        "principles": [principle_id],
        "body": streamfield(
            [
                ("text", rich_text("<p>Kindness is contagious.</p>")),
                ("quote", {"quote": "Be kind.", "attribution": "A trainer"}),
                ("community_only", streamfield([("text", rich_text("<p>At home too.</p>"))])),
            ]
        ),
        "community_title": "",
        "community_summary": "",
        "action-submit": "Submit to Trainer review",
    }
    return nested_form_data({**data, **overrides})


def add_url(course):
    return f"/admin/pages/add/courses/modulepage/{course.pk}/"


def test_a_module_goes_live_only_after_another_trainer_approves_it(client, course, learner):
    author = factories.trainer(email="author@example.com")
    reviewer = factories.trainer(email="reviewer@example.com")
    principle = factories.principle()

    client.force_login(author)
    response = client.post(add_url(course), module_form(principle.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    module = ModulePage.objects.get(slug="kindness")
    assert not module.live
    state = module.current_workflow_state
    assert state.workflow.name == "Trainer review"
    task_state = state.current_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # The author cannot approve their own change.
    approve_url = f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/"
    client.post(approve_url, {"comment": "I approve of myself."})
    module.refresh_from_db()
    assert not module.live

    # A trainer cannot publish directly either.
    publish = module_form(principle.pk, **{"action-publish": "Publish"})
    del publish["action-submit"]
    client.post(f"/admin/pages/{module.pk}/edit/", publish)
    module.refresh_from_db()
    assert not module.live

    client.force_login(learner)
    assert client.get("/courses/service/kindness/").status_code == 404

    # Editing during review restarts the task, so approve the task state that is current now.
    task_state = ModulePage.objects.get(pk=module.pk).current_workflow_state.current_task_state
    client.force_login(reviewer)
    response = client.post(
        f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/",
        {"comment": "Lovely module."},
    )
    assert response.status_code in (200, 302)
    module.refresh_from_db()
    assert module.live

    client.force_login(learner)
    html = client.get("/courses/service/kindness/").content.decode()
    assert "Kindness is contagious." in html
    assert "At home too." not in html
    client.post("/courses/service/kindness/complete/")
    assert ModuleProgress.objects.filter(user=learner, module=module).exists()


def test_an_unknown_block_type_is_refused_by_the_admin_with_a_message(client, course, trainer):
    client.force_login(trainer)
    data = module_form(factories.principle().pk)
    data.update({"body-0-type": "slideshow", "body-0-value": "x"})
    response = client.post(add_url(course), data)
    assert response.status_code == 200
    assert not ModulePage.objects.filter(slug="kindness").exists()
    html = response.content.decode()
    assert "The page could not be created due to validation errors" in html
    assert "Unknown block type" in html and "slideshow" in html


def test_a_block_missing_a_required_field_is_refused_by_the_admin_with_a_message(
    client, course, trainer
):
    client.force_login(trainer)
    body = streamfield([("quote", {"quote": "", "attribution": "Nobody"})])
    response = client.post(add_url(course), module_form(factories.principle().pk, body=body))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ModulePage.objects.filter(slug="kindness").exists()


def test_trainers_can_add_modules_to_courses_but_not_elsewhere(client, trainer, course):
    client.force_login(trainer)
    home = Page.objects.get(depth=2)
    assert client.get(add_url(course)).status_code == 200
    assert client.get(f"/admin/pages/add/courses/modulepage/{home.pk}/").status_code in (
        302, 403, 404
    )
    assert CoursePage.objects.count() == 1


def test_the_admin_preview_shows_the_module_as_a_learner_sees_it(client, trainer, course):
    client.force_login(trainer)
    module = ModulePage.objects.get(slug="module-1")
    preview_url = f"/admin/pages/{module.pk}/edit/preview/"
    data = module_form(factories.principle().pk, title="Previewed module", slug="module-1")
    assert client.post(preview_url, data).json()["is_valid"]
    html = client.get(preview_url).content.decode()
    assert "Previewed module" in html
    assert "Kindness is contagious." in html
    assert "At home too." not in html
