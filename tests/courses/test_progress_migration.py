"""Progress and reflections move from cohorts to courses (cohorts 0008, courses 0006) with
every row, value for value, and with their permissions."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from courses.models import ModuleProgress, Reflection
from tests import factories
from tests.migrating import demo_migrated_back_to, latest, migrate_to

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("cohorts", "0007_organisation_trainers"), ("courses", "0005_course_book")]
FIELDS = {
    "moduleprogress": ["id", "user_id", "module_id", "completed_at"],
    "reflection": [
        "id", "user_id", "module_id", "question_key", "question", "answer", "updated_at",
    ],
}
MOVED = {"moduleprogress": ModuleProgress, "reflection": Reflection}


@pytest.fixture
def back_before_the_move():
    """The demo, then the database as it was before the move; always forward again after."""
    with demo_migrated_back_to(BEFORE) as old_apps:
        yield old_apps
    ContentType.objects.clear_cache()


def rows(model, name) -> list[tuple]:
    return sorted(model.objects.values_list(*FIELDS[name]))


def test_every_progress_row_and_answer_survives_the_move_with_the_same_values(
    back_before_the_move,
):
    old = back_before_the_move
    module = old.get_model("courses", "ModulePage").objects.order_by("path").first()
    person = factories.learner(email="moved@example.com")  # accounts did not change
    when = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    old.get_model("cohorts", "ModuleProgress").objects.create(
        user_id=person.pk, module=module, completed_at=when
    )
    old.get_model("cohorts", "Reflection").objects.create(
        user_id=person.pk, module=module, question_key="a-question-id",
        question="What did you see?", answer="Chloé's answer,\nover two lines — and long. " * 200,
    )
    before = {name: rows(old.get_model("cohorts", name), name) for name in FIELDS}
    assert all(len(found) > 1 for found in before.values())  # the demo's rows and ours
    Trainers = old.get_model("auth", "Group").objects.get(name="Trainers")
    permissions = old.get_model("auth", "Permission").objects.filter(
        content_type__app_label="cohorts", content_type__model__in=FIELDS
    )
    granted = {(p.pk, p.codename) for p in permissions}
    assert len(granted) == 8
    Trainers.permissions.add(*permissions)

    migrate_to(latest())
    ContentType.objects.clear_cache()

    assert {name: rows(MOVED[name], name) for name in FIELDS} == before
    tables = set(connection.introspection.table_names())
    assert {"courses_moduleprogress", "courses_reflection"} <= tables
    assert not {"cohorts_moduleprogress", "cohorts_reflection"} & tables
    moved = Permission.objects.filter(
        content_type__app_label="courses", content_type__model__in=FIELDS
    )
    assert {(p.pk, p.codename) for p in moved} == granted
    assert set(Group.objects.get(name="Trainers").permissions.filter(pk__in=moved)) == set(moved)
    assert not ContentType.objects.filter(app_label="cohorts", model__in=FIELDS).exists()
    assert ContentType.objects.get_for_model(ModuleProgress).app_label == "courses"


def test_the_move_can_be_undone_and_done_again_without_losing_a_row(back_before_the_move):
    old = back_before_the_move
    before = {name: rows(old.get_model("cohorts", name), name) for name in FIELDS}

    migrate_to(latest())
    again = migrate_to(BEFORE)
    assert {name: rows(again.get_model("cohorts", name), name) for name in FIELDS} == before
    migrate_to(latest())

    assert {name: rows(MOVED[name], name) for name in FIELDS} == before
