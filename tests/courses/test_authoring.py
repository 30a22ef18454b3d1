"""Trainers author modules in the Wagtail admin; another trainer approves before they go live."""

import pytest
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, ModulePage, ModuleProgress
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

    # The refused publish still saved a revision: approving the submitted one restarts the
    # review on the newer revision, and the module goes live once that one is approved too.
    client.force_login(reviewer)
    for comment in ("Lovely module.", "Still lovely."):
        task_state = ModulePage.objects.get(pk=module.pk).current_workflow_state.current_task_state
        response = client.post(
            f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/",
            {"comment": comment},
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


def test_an_edit_saved_during_review_is_not_published_by_an_approval_of_the_earlier_revision(
    client, course, learner
):
    author = factories.trainer(email="author@example.com")
    reviewer = factories.trainer(email="reviewer@example.com")
    principle = factories.principle()
    module = ModulePage.objects.get(slug="module-1")
    edit_url = f"/admin/pages/{module.pk}/edit/"

    def body(text):
        return streamfield([("text", rich_text(f"<p>{text}</p>"))])

    client.force_login(author)
    submitted = module_form(principle.pk, slug="module-1", body=body("Reviewed wording."))
    assert client.post(edit_url, submitted).status_code == 302
    reviewed_task = ModulePage.objects.get(pk=module.pk).current_workflow_state.current_task_state
    draft = module_form(principle.pk, slug="module-1", body=body("Unreviewed wording."))
    del draft["action-submit"]
    assert client.post(edit_url, draft).status_code == 302
    assert ModulePage.objects.get(pk=module.pk).get_latest_revision().pk != (
        reviewed_task.revision_id
    )

    client.force_login(reviewer)
    client.post(
        f"/admin/pages/workflow/action/{module.pk}/approve/{reviewed_task.pk}/",
        {"comment": "The submitted wording is fine."},
    )
    client.force_login(learner)
    html = client.get("/courses/service/module-1/").content.decode()
    assert "Unreviewed wording." not in html
    state = ModulePage.objects.get(pk=module.pk).current_workflow_state
    assert state is not None, "the review must restart for the later edit"
    again = state.current_task_state
    assert again.status == TaskState.STATUS_IN_PROGRESS
    assert again.revision_id == ModulePage.objects.get(pk=module.pk).get_latest_revision().pk

    client.force_login(reviewer)
    client.post(
        f"/admin/pages/workflow/action/{module.pk}/approve/{again.pk}/",
        {"comment": "The new wording is fine too."},
    )
    client.force_login(learner)
    html = client.get("/courses/service/module-1/").content.decode()
    assert "Unreviewed wording." in html
    assert ModulePage.objects.get(pk=module.pk).live_revision_id == again.revision_id
