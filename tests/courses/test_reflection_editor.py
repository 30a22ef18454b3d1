"""In the page editor, reflection questions are labelled text areas that show a long question
whole; saving through the editor keeps each question's id (learners' answers hang on it)."""

import html
import uuid

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from courses.models import ModulePage
from tests import factories
from tests.courses.test_authoring import module_form

pytestmark = pytest.mark.django_db
LONG_QUESTION = (
    "Think of the last time someone at a counter, on a phone line or in a shop went out of "
    "their way for you: what did they do, what did it cost them, and how did it feel?"
)


def test_the_editor_offers_each_reflection_question_as_a_labelled_text_area(client, trainer):
    factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    client.force_login(trainer)
    page = html.unescape(client.get(f"/admin/pages/{module.pk}/edit/").content.decode())
    reflection = page[page.index('"_args": ["reflection"'):]
    questions = reflection[reflection.index('["questions"'):reflection.index('"Questions"')]
    assert "<textarea" in questions and 'rows=\\"3\\"' in questions
    assert '"label": "Question"' in questions


def list_item(value, item_id):
    return {"value": value, "id": item_id, "deleted": "", "order": "0"}


def test_a_long_question_saved_in_the_editor_keeps_its_words_and_its_id(client, trainer):
    course = factories.course(modules=1)
    question_id = str(uuid.uuid4())
    body = streamfield([
        ("reflection", {"intro": "Reflect", "questions": {
            "count": "1", "0": list_item(LONG_QUESTION, question_id)}}),
    ])
    data = module_form(factories.principle().pk, slug="reflective")
    data = {k: v for k, v in data.items() if not k.startswith("body-")}
    data.update(nested_form_data({"body": body}))
    client.force_login(trainer)
    response = client.post(f"/admin/pages/add/courses/modulepage/{course.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:1500]
    module = ModulePage.objects.get(slug="reflective").get_latest_revision_as_object()
    stored = module.body.raw_data[0]["value"]["questions"][0]
    assert stored == {"type": "item", "value": LONG_QUESTION, "id": question_id}
