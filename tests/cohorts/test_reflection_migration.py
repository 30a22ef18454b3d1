"""The data migration that moves answers from position keys to each question's stable id."""

import json
from importlib import import_module

import pytest
from django.apps import apps
from wagtail.models import Revision

from courses.models import ModulePage, Reflection
from tests import factories

pytestmark = pytest.mark.django_db

migration = import_module("cohorts.migrations.0006_reflections_keyed_on_question_ids")


class AppsAsThen:
    """The app registry as this migration knew it: Reflection lived in cohorts then (it moved
    to courses in courses 0006, over the same rows)."""

    def get_model(self, app_label, model_name):
        if (app_label, model_name.lower()) == ("cohorts", "reflection"):
            return Reflection
        return apps.get_model(app_label, model_name)


registry = AppsAsThen()
MODULE_URL = "/courses/service/module-1/"


def without_question_ids(stream: list) -> list:
    """Body data as it was stored before: questions as plain strings."""
    result = []
    for block in stream:
        value = block["value"]
        if block["type"] == "reflection":
            value = {**value, "questions": [item["value"] for item in value["questions"]]}
        elif block["type"] in ("workplace_only", "community_only"):
            value = without_question_ids(value)
        result.append({**block, "value": value})
    return result


@pytest.fixture
def old_module(db):
    """Module 1 with its body and revisions stored the old way (questions without ids)."""
    factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    old = without_question_ids(list(module.body.raw_data))
    ModulePage.objects.filter(pk=module.pk).update(body=json.dumps(old))
    for revision in Revision.objects.filter(object_id=str(module.pk)):
        revision.content["body"] = json.dumps(old)
        revision.save(update_fields=["content"])
    return ModulePage.objects.get(pk=module.pk)


def reflection_block(module):
    return next(block for block in module.body if block.block_type == "reflection")


def test_old_answers_move_to_their_questions_ids_and_stay_there_after_an_insert(
    client, learner, old_module
):
    block = reflection_block(old_module)
    first, second, third = list(block.value["questions"])
    peer = factories.learner(email="peer@example.com")
    rows = {
        "by position": Reflection.objects.create(
            user=learner, module=old_module, question_key=f"{block.id}:0", question=first,
            answer="Answer one"),
        # Answered when the question was at position 2; the text says where it belongs now.
        "by text": Reflection.objects.create(
            user=learner, module=old_module, question_key=f"{block.id}:2", question=second,
            answer="Answer two"),
        "gone": Reflection.objects.create(
            user=learner, module=old_module, question_key="no-such-block:0",
            question="A question from a deleted block", answer="Answer to a lost question"),
        "peer": Reflection.objects.create(
            user=peer, module=old_module, question_key=f"{block.id}:2", question=third,
            answer="Peer answer three"),
        # Its text is another question's, which this person has already answered: kept as is.
        "clash": Reflection.objects.create(
            user=learner, module=old_module, question_key=f"{block.id}:1", question=first,
            answer="An older answer"),
    }

    migration.forwards(registry, None)

    module = ModulePage.objects.get(pk=old_module.pk)
    ids = [item.original_id for item in reflection_block(module).value["questions"].bound_blocks]
    assert all(ids) and len(set(ids)) == 3
    draft = module.get_latest_revision_as_object()
    assert [item.id for item in reflection_block(draft).value["questions"].bound_blocks] == ids
    keys = {name: Reflection.objects.get(pk=row.pk).question_key for name, row in rows.items()}
    assert keys == {
        "by position": ids[0], "by text": ids[1], "gone": "no-such-block:0", "peer": ids[2],
        "clash": f"{block.id}:1",
    }
    assert Reflection.objects.count() == 5

    # The editor inserts a question above; every answer stays beside its own question.
    reflection_block(draft).value["questions"].insert(0, "A new first question?")
    draft.save_revision().publish()
    client.force_login(learner)
    html = client.get(MODULE_URL).content.decode()
    assert html.index(first) < html.index("Answer one") < html.index(second)
    assert html.index(second) < html.index("Answer two") < html.index(third)
    earlier = html.split("Your answers to earlier questions")[1]
    assert "Answer to a lost question" in earlier and "An older answer" in earlier


def test_the_migration_can_be_run_twice_and_reversed(old_module):
    block = reflection_block(old_module)
    learner = factories.learner(email="lee@example.com")
    row = Reflection.objects.create(
        user=learner, module=old_module, question_key=f"{block.id}:1",
        question=list(block.value["questions"])[1], answer="Mine")
    migration.forwards(registry, None)
    moved = Reflection.objects.get(pk=row.pk).question_key
    migration.forwards(registry, None)
    assert Reflection.objects.get(pk=row.pk).question_key == moved != f"{block.id}:1"
    migration.backwards(registry, None)
    assert Reflection.objects.get(pk=row.pk).question_key == f"{block.id}:1"
