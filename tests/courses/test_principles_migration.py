"""Principles become translatable (courses 0008): every principle keeps its row, id and text,
gets the default language and its own translation key; going back keeps the source's."""

import pytest
from django.contrib.contenttypes.models import ContentType

from courses.models import Principle
from tests.migrating import demo_migrated_back_to, latest, migrate_to

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("courses", "0007_reflection_questions_as_labelled_text_areas")]
FIELDS = ["id", "name", "slug", "statement", "explanation"]


@pytest.fixture
def back_before_translations():
    """The demo (with its Spanish principles), then the database before courses 0008."""
    with demo_migrated_back_to(BEFORE) as old_apps:
        yield old_apps
    ContentType.objects.clear_cache()


def test_every_principle_survives_with_the_default_language_and_its_own_key(
    back_before_translations,
):
    old = back_before_translations
    OldPrinciple = old.get_model("courses", "Principle")
    OldPrinciple.objects.create(
        name="Patience", slug="patience", statement="Wait well.", explanation="Take time."
    )
    before = sorted(OldPrinciple.objects.values_list(*FIELDS))
    assert len(before) == 7  # the demo's six (its Spanish ones went back with 0008) and one

    migrate_to(latest())

    after = sorted(Principle.objects.filter(locale__language_code="en").values_list(*FIELDS))
    assert after == before
    keys = list(Principle.objects.values_list("translation_key", flat=True))
    assert len(set(keys)) == len(keys) == 7
    assert not Principle.objects.exclude(locale__language_code="en").exists()
