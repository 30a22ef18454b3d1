"""Trainers translate modules with wagtail-localize, text block by block; a translation goes
live through Trainer review like any change, and a change to the source marks it out of date
on the admin dashboard."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from courses.blocks import stored_stream
from courses.models import ModulePage, Principle
from tests import factories
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(db):
    """A published English module whose body is stored as the admin editor stores it."""
    factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    module.body = stored_stream(list(module.body.raw_data))
    module.save_revision().publish()
    return ModulePage.objects.get(pk=module.pk)


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


def start_translation(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    return page.get_translation(locale).specific


def in_spanish(text: str) -> str:
    """A stand-in translation: slugs stay as they are."""
    return text if re.fullmatch(r"[a-z0-9-]+", text) else f"ES {text}"


def translate_every_text(client, page, translation, say=in_spanish):
    """Type a translation of every text segment, as the translation editor does."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string"
    ):
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
        )
        response = client.put(
            url,
            urlencode({"value": say(segment.string.data)}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content[:300]


def translation_of(page, locale) -> Translation:
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return Translation.objects.get(source=source, target_locale=locale)


def approve(client, page):
    task_state = Page.objects.get(pk=page.pk).current_workflow_state.current_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "Bien."}
    )


def test_a_trainer_translates_a_module_block_by_block_and_another_trainer_approves_it(
    client, module, spanish
):
    author = factories.trainer(email="autora@example.com")
    reviewer = factories.trainer(email="revisor@example.com")
    principle = Principle.objects.get(slug="compassion")
    translate_object(principle, [spanish])
    client.force_login(author)
    principle_translation = translation_of(principle, spanish)
    translate_every_text(client, principle, principle_translation,
                         say=lambda text: {"Compassion": "Compasión"}.get(text, in_spanish(text)))
    principle_translation.save_target(user=author)

    draft = start_translation(client, module, spanish)
    assert not draft.live
    translation = translation_of(module, spanish)
    paths = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", flat=True
        )
    )
    # Each reflection question is its own text, found by the question's stable id.
    reflection = next(block for block in module.body if block.block_type == "reflection")
    question_ids = [item.id for item in reflection.value["questions"].bound_blocks]
    assert {f"body.{reflection.id}.questions.{qid}" for qid in question_ids} <= paths
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200

    translate_every_text(client, module, translation)
    response = client.post(reverse("courses_submit_translation", args=[draft.pk]))
    assert response.status_code == 302
    draft = ModulePage.objects.get(pk=draft.pk)
    assert draft.workflow_in_progress and not draft.live
    assert draft.current_workflow_state.workflow.name == "Trainer review"

    approve(client, draft)  # the author may not approve their own translation
    assert not ModulePage.objects.get(pk=draft.pk).live

    client.force_login(reviewer)
    assert approve(client, draft).status_code in (200, 302)
    live = ModulePage.objects.get(pk=draft.pk)
    assert live.live and live.locale == spanish
    assert live.title == "ES Module 1"
    text = next(block for block in live.body if block.block_type == "text")
    assert str(text.value).startswith("<p>ES Shared text about people helping people")
    # The callout shows the Spanish principle; the questions keep their ids (answers follow).
    callout = next(block for block in live.body if block.block_type == "principle")
    assert callout.value["principle"].name == "Compasión"
    questions = next(block for block in live.body if block.block_type == "reflection")
    assert [item.id for item in questions.value["questions"].bound_blocks] == question_ids
    assert list(questions.value["questions"])[0] == "ES Who served you well? m1"


def test_a_translation_with_untranslated_text_is_not_sent_to_review(client, module, spanish):
    author = factories.trainer(email="autora@example.com")
    client.force_login(author)
    draft = start_translation(client, module, spanish)
    response = client.post(reverse("courses_submit_translation", args=[draft.pk]), follow=True)
    assert "are not translated yet" in response.content.decode()
    assert not ModulePage.objects.get(pk=draft.pk).workflow_in_progress


def test_a_learner_cannot_submit_a_translation(client, module, spanish, learner):
    factories.admin(email="boss@example.com")
    draft = module.copy_for_translation(spanish, copy_parents=True)
    client.force_login(learner)
    response = client.post(reverse("courses_submit_translation", args=[draft.pk]))
    assert response.status_code in (302, 403)
    assert not ModulePage.objects.get(pk=draft.pk).workflow_in_progress


def test_a_change_to_the_source_marks_the_translation_out_of_date_on_the_dashboard(
    client, module, spanish, trainer, django_capture_on_commit_callbacks
):
    admin = factories.admin(email="boss@example.com")
    client.force_login(admin)
    draft = start_translation(client, module, spanish)
    translation = translation_of(module, spanish)
    translate_every_text(client, module, translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=admin, publish=True)

    client.force_login(trainer)
    panel = client.get("/admin/").content.decode()
    assert "Every translation is up to date." in panel

    # The English module changes and is published.
    module.summary = "A new summary."
    module.save_revision().publish()
    panel = client.get("/admin/").content.decode()
    assert "Out of date: “Module 1” changed since it was translated." in panel
    update_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert update_url in panel

    # Bringing it up to date keeps every translated text but the changed one.
    client.force_login(admin)
    response = client.post(update_url, {"publish_translations": ""})
    assert response.status_code == 302
    client.force_login(trainer)
    panel = client.get("/admin/").content.decode()
    total, translated = translation_of(module, spanish).get_progress()
    assert translated == total - 1
    assert f"{translated} of {total} texts translated." in panel
    assert ModulePage.objects.get(pk=draft.pk).summary == "ES Summary 1"


def test_the_spanish_tree_shares_the_home_pages_review_workflow_and_trainer_rights(
    module, spanish, trainer
):
    translate_object(module, [spanish])
    spanish_module = module.get_translation(spanish)
    assert spanish_module.get_workflow().name == "Trainer review"
    assert spanish_module.permissions_for_user(trainer).can_edit()
    assert not spanish_module.permissions_for_user(trainer).can_publish()


def test_progress_and_answers_on_a_translated_module_count_for_the_module_it_translates(
    client, module, learner
):
    """A learner may read the Spanish module: completing it and answering its questions (the
    same question ids) counts on the English module that the cohort follows."""
    from courses.forms import ReflectionsForm
    from courses.models import ModuleProgress, Reflection
    from tests.courses.translating import publish_translation

    spanish = publish_translation(module, "es", title="Módulo uno")
    key = spanish.reflection_questions()[0][0]
    assert key == module.reflection_questions()[0][0]
    client.force_login(learner)
    spanish_url = "/es/courses/service/module-1/"
    client.post(spanish_url + "complete/")
    client.post(spanish_url + "reflections/",
                {ReflectionsForm.field_name(key): "Mi reflexión", "save": key})

    assert ModuleProgress.objects.filter(user=learner, module=module).exists()
    assert Reflection.objects.get(user=learner, question_key=key).module_id == module.pk
    english = client.get("/courses/service/module-1/").content.decode()
    assert "Mi reflexión" in english
    assert "Mi reflexión" in client.get(spanish_url).content.decode()
    client.post(spanish_url + "complete/", {"undo": "1"})
    assert not ModuleProgress.objects.filter(user=learner).exists()


def test_the_dashboard_runs_the_same_queries_for_1_or_3_translated_pages(
    client, spanish, trainer, django_assert_max_num_queries
):
    factories.course(modules=3)
    client.force_login(trainer)
    modules = ModulePage.objects.filter(locale__language_code="en").order_by("path")
    counts = []
    for module in modules:
        translate_object(module, [spanish])
        counts.append(queries_for(client, "/admin/"))
    assert counts[0] == counts[2], counts
    with django_assert_max_num_queries(counts[0]):
        panel = client.get("/admin/").content.decode()
    for module in modules:
        total, _ = translation_of(module, spanish).get_progress()
        assert f"0 of {total} texts translated." in panel
        assert f'href="/admin/pages/{module.get_translation(spanish).pk}/edit/"' in panel
