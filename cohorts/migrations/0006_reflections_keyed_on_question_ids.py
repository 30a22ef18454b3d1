"""Key reflection answers on each question's stable id instead of its position.

Answers were keyed "<reflection block id>:<position>", so inserting or reordering a question
moved answers onto the wrong questions. Now each question (a ListBlock item) carries its own
id, and answers are keyed on it.

1. Every module body (the page row and every revision) gets an id for each reflection
   question stored without one. The same block and position get the same id in the page
   and its revisions, so the editor (which loads the latest revision) keeps them.
2. Each answer with an old key moves to the id of its question in the module's current
   content: the question at its position when the text there is the text answered, else a
   question of the module with exactly that text, else the question at its position. An
   answer whose question cannot be found, or whose new key the person already uses, is kept
   unchanged (the module page shows it under "Your answers to earlier questions").

The functions here are frozen copies, as migrations should be: later code may change.
"""

import json
import re
import uuid

from django.db import migrations

WRAPPERS = ("workplace_only", "community_only")
OLD_KEY = re.compile(r"^(?P<block>.+):(?P<position>\d+)$")


def is_item(item) -> bool:
    return isinstance(item, dict) and item.get("type") == "item" and "id" in item


def with_question_ids(stream: list, known: dict) -> list:
    """The stream with an id on every reflection question; `known` maps (block id, position)
    to the id given, so the page and its revisions agree."""
    result = []
    for block in stream:
        value = block.get("value")
        if block.get("type") == "reflection" and isinstance(value, dict):
            items = []
            for n, item in enumerate(value.get("questions") or []):
                if not is_item(item):
                    slot = (block.get("id"), n) if block.get("id") else None
                    item_id = known.setdefault(slot, str(uuid.uuid4())) if slot else str(
                        uuid.uuid4()
                    )
                    item = {"type": "item", "value": item, "id": item_id}
                items.append(item)
            value = {**value, "questions": items}
        elif block.get("type") in WRAPPERS and isinstance(value, list):
            value = with_question_ids(value, known)
        result.append({**block, "value": value})
    return result


def reflection_blocks(stream: list):
    """(block id, [(item id, question)]) for every reflection block, at any wrapper depth."""
    for block in stream:
        value = block.get("value")
        if block.get("type") == "reflection" and isinstance(value, dict):
            yield block.get("id"), [
                (item["id"], item["value"]) for item in value.get("questions") or []
                if is_item(item)
            ]
        elif block.get("type") in WRAPPERS and isinstance(value, list):
            yield from reflection_blocks(value)


def raw_stream(value) -> list:
    if isinstance(value, str):
        return json.loads(value) if value else []
    if isinstance(value, list):
        return value
    return list(value.raw_data)  # a StreamValue


def new_key(reflection, blocks: dict, questions: list) -> str | None:
    """The id of the question an old-keyed answer belongs to, or None when not found."""
    match = OLD_KEY.match(reflection.question_key)
    if not match:
        return None
    in_block = blocks.get(match["block"], [])
    position = int(match["position"])
    at_position = in_block[position] if position < len(in_block) else None
    if at_position and at_position[1] == reflection.question:
        return at_position[0]
    same_text = [item_id for item_id, text in questions if text == reflection.question]
    if same_text:
        return same_text[0]
    return at_position[0] if at_position else None


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModulePage = apps.get_model("courses", "ModulePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    Reflection = apps.get_model("cohorts", "Reflection")

    module_type = ContentType.objects.filter(app_label="courses", model="modulepage").first()
    for module in ModulePage.objects.all():
        known = {}
        body = with_question_ids(raw_stream(module.body), known)
        ModulePage.objects.filter(pk=module.pk).update(body=json.dumps(body))
        if module_type is not None:
            for revision in Revision.objects.filter(
                content_type=module_type, object_id=str(module.pk)
            ):
                content = revision.content
                if "body" not in content:
                    continue
                content["body"] = json.dumps(with_question_ids(raw_stream(content["body"]), known))
                Revision.objects.filter(pk=revision.pk).update(content=content)

        blocks = dict(reflection_blocks(body))
        questions = [pair for pairs in blocks.values() for pair in pairs]
        reflections = list(Reflection.objects.filter(module_id=module.pk).order_by("pk"))
        taken = {(r.user_id, r.question_key) for r in reflections}
        for reflection in reflections:
            key = new_key(reflection, blocks, questions)
            if key is None or (reflection.user_id, key) in taken:
                continue
            taken.discard((reflection.user_id, reflection.question_key))
            taken.add((reflection.user_id, key))
            Reflection.objects.filter(pk=reflection.pk).update(question_key=key)


def backwards(apps, schema_editor):
    """Answers go back to "<block id>:<position>" keys; question ids stay in the bodies
    (harmless to the earlier code)."""
    ModulePage = apps.get_model("courses", "ModulePage")
    Reflection = apps.get_model("cohorts", "Reflection")
    for module in ModulePage.objects.all():
        positions = {
            item_id: f"{block_id}:{n}"
            for block_id, pairs in reflection_blocks(raw_stream(module.body))
            for n, (item_id, _) in enumerate(pairs)
        }
        reflections = list(Reflection.objects.filter(module_id=module.pk).order_by("pk"))
        taken = {(r.user_id, r.question_key) for r in reflections}
        for reflection in reflections:
            key = positions.get(reflection.question_key)
            if key is None or (reflection.user_id, key) in taken:
                continue
            taken.add((reflection.user_id, key))
            Reflection.objects.filter(pk=reflection.pk).update(question_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0005_membership_ended"),
        ("courses", "0005_course_book"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
