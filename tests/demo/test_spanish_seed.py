"""`seed_demo` carries the Spanish translation of the demo course (demo/content/es/): made with
wagtail-localize as a trainer would make it, published, and marked a demo translation."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from courses.models import CourseBookPage, ModulePage, Principle
from demo import loader

pytestmark = pytest.mark.django_db


def test_the_demo_course_book_and_principles_are_published_in_spanish(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    spanish = Page.objects.filter(locale__language_code="es")
    assert spanish.count() == spanish.live().count() == 2 + 1 + 5 + 1  # home, catalogue, ...
    modules = ModulePage.objects.live().filter(locale__language_code="es").order_by("path")
    assert [m.title for m in modules] == [m["title"] for m in loader.load_modules("es")]
    assert Principle.objects.filter(locale__language_code="es").count() == len(
        loader.load_principles("es")
    )
    # Synced translations, every text translated: a later English change shows as out of date.
    for translation in Translation.objects.filter(target_locale__language_code="es"):
        total, translated = translation.get_progress()
        assert total == translated, translation.source.object_repr
    assert StringSegment.objects.exists()

    book = CourseBookPage.objects.live().get(locale__language_code="es")
    assert "Traducción de demostración" in book.credits
    html = client.get(book.url).content.decode()
    assert "De mano en mano" in html and "untranslated-note" not in html

    call_command("seed_demo", stdout=StringIO())  # idempotent
    assert Page.objects.filter(locale__language_code="es").count() == 9
