"""What a learner sees and does on course and module pages."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from courses.models import ModulePage, ModuleProgress, Reflection
from tests import factories
from tests.factories import COMMUNITY_TEXT, SHARED_TEXT, WORKPLACE_TEXT

pytestmark = pytest.mark.django_db

MODULE_URL = "/courses/service/module-1/"


@pytest.fixture
def course(db):
    return factories.course(modules=3)


@pytest.fixture
def module(course):
    return ModulePage.objects.get(url_path__endswith="/service/module-1/")


def first_question_key(module) -> str:
    return module.reflection_questions()[0][0]


def test_course_and_module_pages_need_a_signed_in_user(client, course):
    for url in ("/courses/service/", MODULE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_a_course_made_public_is_open_to_anyone(client):
    factories.course(slug="open", public=True)
    assert client.get("/courses/open/module-1/").status_code == 200


def test_the_module_page_shows_the_workplace_edition_never_community_only_text(
    client, learner, course
):
    client.force_login(learner)
    html = client.get(MODULE_URL).content.decode()
    assert SHARED_TEXT in html
    assert WORKPLACE_TEXT in html
    assert "How does your unit compare?" in html
    assert COMMUNITY_TEXT not in html
    assert "Hold on to your goals." not in html
    assert "About 20 minutes" in html
    assert 'rel="next"' in html and "Module 2" in html


def test_the_course_page_lists_modules_with_state_and_a_progress_bar(client, learner, course):
    client.force_login(learner)
    module = ModulePage.objects.get(slug="module-1")
    client.post(f"{MODULE_URL}complete/")
    html = client.get("/courses/service/").content.decode()
    assert "1 of 3 modules" in html
    assert 'value="1"' in html and 'max="3"' in html
    assert "Continue: Module 2" in html
    assert ModuleProgress.objects.filter(user=learner, module=module).count() == 1


def test_mark_as_complete_is_idempotent_and_can_be_undone(client, learner, module):
    client.force_login(learner)
    for _ in range(2):
        response = client.post(f"{MODULE_URL}complete/")
        assert response.status_code == 302
    assert ModuleProgress.objects.filter(user=learner, module=module).count() == 1
    assert "You completed this module." in client.get(MODULE_URL).content.decode()

    client.post(f"{MODULE_URL}complete/", {"undo": "1"})
    assert not ModuleProgress.objects.filter(user=learner, module=module).exists()
    assert "Mark as complete" in client.get(MODULE_URL).content.decode()


def test_completing_is_a_post_only(client, learner, module):
    client.force_login(learner)
    assert client.get(f"{MODULE_URL}complete/").status_code == 405
    assert not ModuleProgress.objects.exists()


def test_posting_without_csrf_is_refused(learner, module):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(f"{MODULE_URL}complete/").status_code == 403
    key = first_question_key(module)
    response = client.post(f"{MODULE_URL}reflections/", {f"answer-{key}": "Hi", "save": key})
    assert response.status_code == 403
    assert not ModuleProgress.objects.exists() and not Reflection.objects.exists()


def test_completing_a_module_of_a_course_you_may_not_see_records_nothing(client, learner):
    course = factories.course(slug="private")
    restriction = PageViewRestriction.objects.get(page=course)
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.get_or_create(name="Leadership team")[0]])
    client.force_login(learner)
    response = client.post("/courses/private/module-1/complete/")
    assert response.status_code in (403, 404)
    assert not ModuleProgress.objects.exists()
    assert client.get("/courses/private/module-1/").status_code in (403, 404)


def test_an_anonymous_visitor_cannot_complete_even_a_public_module(client):
    factories.course(slug="open", public=True)
    response = client.post("/courses/open/module-1/complete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not ModuleProgress.objects.exists()


def answer_field(key: str) -> str:
    return f"answer-{key}"


def question_item(html: str, question: str) -> str:
    """The page's HTML for one question, from its label to the next question or list end."""
    rest = html.split(f">{question}</label>")[1]
    return re.split(r'<li class="reflection__question"|</ol>', rest)[0]


def test_a_reflection_is_saved_and_shown_back_only_to_its_author(client, learner, module):
    key = first_question_key(module)
    client.force_login(learner)
    response = client.post(
        f"{MODULE_URL}reflections/", {answer_field(key): "My private thought", "save": key}
    )
    assert response.status_code == 302
    client.post(f"{MODULE_URL}reflections/", {answer_field(key): "Revised thought", "save": key})
    assert Reflection.objects.get(user=learner, question_key=key).answer == "Revised thought"
    assert Reflection.objects.count() == 1
    assert "Revised thought" in client.get(MODULE_URL).content.decode()

    peer = factories.learner(email="peer@example.com")
    client.force_login(peer)
    html = client.get(MODULE_URL).content.decode()
    assert "Revised thought" not in html
    assert "My private thought" not in html


def test_one_save_keeps_every_answer_typed_on_the_page(client, learner, module):
    (first, _), (second, _), (third, _), (fourth, _) = module.reflection_questions()
    client.force_login(learner)
    client.post(f"{MODULE_URL}reflections/", {answer_field(fourth): "Kept from before"})
    response = client.post(
        f"{MODULE_URL}reflections/",
        {answer_field(first): "Typed in the first box", answer_field(second): "And the second",
         answer_field(third): "", "save": second},
    )
    assert response.status_code == 302
    html = client.get(MODULE_URL).content.decode()
    for answer in ("Typed in the first box", "And the second", "Kept from before"):
        assert answer in html
    saved = dict(Reflection.objects.filter(user=learner).values_list("question_key", "answer"))
    assert saved == {first: "Typed in the first box", second: "And the second",
                     fourth: "Kept from before"}

    client.post(f"{MODULE_URL}reflections/", {answer_field(first): "  ", "save": first})
    assert set(Reflection.objects.values_list("question_key", flat=True)) == {second, fourth}


def test_the_page_returns_to_the_question_whose_save_button_was_pressed(
    client, learner, module
):
    _, (second, _), *_ = module.reflection_questions()
    client.force_login(learner)
    response = client.post(
        f"{MODULE_URL}reflections/", {answer_field(second): "Here", "save": second}
    )
    location = response["Location"]
    path, anchor = location.split("#")
    assert path == MODULE_URL
    html = client.get(path).content.decode()
    assert f'id="{anchor}"' in html
    assert f'value="{second}"' in html.split(f'id="{anchor}"')[1].split('id="q-')[0]


def test_a_too_long_answer_saves_nothing_and_keeps_every_typed_answer(client, learner, module):
    (first, _), (second, question), *_ = module.reflection_questions()
    long_answer = "I learned " + "a" * 10_000
    client.force_login(learner)
    client.post(f"{MODULE_URL}reflections/", {answer_field(first): "Saved earlier"})
    response = client.post(
        f"{MODULE_URL}reflections/",
        {answer_field(first): "A changed first answer", answer_field(second): long_answer,
         "save": first},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert "A changed first answer" in html
    assert long_answer in html
    offending = question_item(html, question)
    assert "the limit is 10,000" in offending and long_answer in offending
    assert html.count("the limit is 10,000") == 1
    assert list(Reflection.objects.values_list("answer", flat=True)) == ["Saved earlier"]


def test_an_answer_to_a_question_not_in_the_module_is_ignored(client, learner, module):
    client.force_login(learner)
    response = client.post(
        f"{MODULE_URL}reflections/", {answer_field("bogus:0"): "Hello there", "save": "bogus:0"}
    )
    assert response.status_code == 302
    assert "#" not in response["Location"]
    assert not Reflection.objects.exists()


def test_answers_stay_beside_their_questions_when_a_question_is_inserted_above(
    client, learner, module
):
    questions = module.reflection_questions()[:3]
    client.force_login(learner)
    client.post(
        f"{MODULE_URL}reflections/",
        {answer_field(key): f"My answer to: {text}" for key, text in questions},
    )
    draft = module.get_latest_revision_as_object()
    reflection = next(block for block in draft.body if block.block_type == "reflection")
    reflection.value["questions"].insert(0, "A brand new first question?")
    draft.save_revision().publish()

    html = client.get(MODULE_URL).content.decode()
    assert "A brand new first question?" in html
    for _, text in questions:
        assert f"My answer to: {text}" in question_item(html, text)
    new_item = question_item(html, "A brand new first question?")
    assert "My answer to" not in new_item


def test_answers_to_removed_questions_are_still_shown_to_their_author(client, learner, module):
    (key, text), *_ = module.reflection_questions()
    client.force_login(learner)
    client.post(f"{MODULE_URL}reflections/", {answer_field(key): "Still mine"})
    draft = module.get_latest_revision_as_object()
    reflection = next(block for block in draft.body if block.block_type == "reflection")
    del reflection.value["questions"][0]
    draft.save_revision().publish()

    html = client.get(MODULE_URL).content.decode()
    earlier = html.split("Your answers to earlier questions")[1]
    assert text in earlier and "Still mine" in earlier
    assert Reflection.objects.get(question_key=key).answer == "Still mine"
    client.force_login(factories.learner(email="peer@example.com"))
    assert "Still mine" not in client.get(MODULE_URL).content.decode()


@pytest.mark.parametrize("url", ["/courses/service/", MODULE_URL])
def test_course_and_module_pages_run_the_same_queries_for_5_or_12_modules(
    client, learner, url, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (5, 12):
        ModulePage.objects.all().delete()
        from courses.models import CoursePage

        CoursePage.objects.all().delete()
        factories.course(modules=size, blocks=20)
        for module in ModulePage.objects.all()[:3]:
            ModuleProgress.objects.create(
                user=learner, module=module, completed_at="2026-01-01T00:00:00Z"
            )
        client.force_login(learner)
        client.get(url)  # warm per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[1]):
        client.get(url)
