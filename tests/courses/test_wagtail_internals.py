"""Pins for courses/wagtail_internals.py: each test states the Wagtail or treebeard detail
Ripple relies on, and fails with a message naming it when an upgrade changes it."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.models import Page, PageViewRestriction
from wagtail.wagtail_hooks import check_view_restrictions

from courses import wagtail_internals
from tests import factories

POSTED = {
    "s-count": "3",
    "s-0-type": "line", "s-0-value": "kept", "s-0-deleted": "", "s-0-order": "0", "s-0-id": "a",
    "s-1-type": "line", "s-1-value": "gone", "s-1-deleted": "1", "s-1-order": "1", "s-1-id": "b",
    "s-2-type": "retired", "s-2-value": "?", "s-2-deleted": "", "s-2-order": "2", "s-2-id": "c",
}


def test_wagtail_still_names_stream_field_inputs_count_type_and_deleted():
    stream = blocks.StreamBlock([("line", blocks.CharBlock())])
    value = stream.value_from_datadict(POSTED, {}, "s")
    assert [child.value for child in value] == ["kept"], (
        "Wagtail's StreamBlock no longer reads <prefix>-count / -N-type / -N-deleted: "
        "update wagtail_internals.posted_stream_child_types"
    )
    assert wagtail_internals.posted_stream_child_types(POSTED, "s") == ["line", "retired"]


def test_a_page_told_its_parent_asks_the_database_nothing(db):
    course = factories.course(modules=1)
    parent = Page.objects.get(pk=course.get_parent().pk)
    page = Page.objects.get(pk=course.pk)
    wagtail_internals.remember_parent(page, parent)
    with CaptureQueriesContext(connection) as queries:
        found = page.get_parent()
    assert found is parent and len(queries) == 0, (
        "treebeard's get_parent no longer uses _cached_parent_obj: "
        "update wagtail_internals.remember_parent (HomePage.route relies on it)"
    )
    assert wagtail_internals.known_parent(page) is parent


@pytest.mark.parametrize("restricted", [True, False])
def test_wagtails_privacy_check_asks_the_page_object_for_its_restrictions(db, rf, restricted):
    course = factories.course(modules=1)
    page = Page.objects.get(pk=course.pk)
    PageViewRestriction.objects.filter(page=page).delete()
    stand_in = PageViewRestriction(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"  # noqa: S106
    )
    stand_in.pk = 999
    wagtail_internals.reuse_view_restrictions(page, [stand_in] if restricted else [])
    request = rf.get("/")
    request.session = {}
    served = HttpResponse("served")
    response = check_view_restrictions(lambda *args: served)(page, request, [], {})
    assert (response is not served) is restricted, (
        "Wagtail's on_serve_page privacy check no longer calls page.get_view_restrictions() "
        "on the page object: update wagtail_internals.reuse_view_restrictions"
    )


def test_wagtail_localize_cuts_a_module_into_text_segments_found_by_block_and_item_ids(db):
    from courses.blocks import stored_stream
    from courses.models import ModulePage

    factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    module.body = stored_stream(list(module.body.raw_data))
    reflection = next(block for block in module.body if block.block_type == "reflection")
    question = reflection.value["questions"].bound_blocks[0]
    segments = dict(wagtail_internals.text_segments(module))
    assert segments.get(f"body.{reflection.id}.questions.{question.id}") == question.value, (
        "wagtail-localize no longer names a list item's text by its block and item ids: "
        "update wagtail_internals.text_segments (the demo's translations rely on it)"
    )
    assert segments.get("title") == "Module 1"


def test_a_translation_source_records_when_it_last_took_in_its_page(db):
    from django.utils import timezone
    from wagtail_localize.models import TranslationSource

    from courses.models import ModulePage

    factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    before = timezone.now()
    source, _ = TranslationSource.get_or_create_from_instance(module)
    made = wagtail_internals.translation_source_updated_at(source)
    source.update_from_db()
    synced = wagtail_internals.translation_source_updated_at(source)
    assert before <= made < synced, (
        "wagtail-localize's TranslationSource.last_updated_at no longer records when the "
        "source was taken in: update wagtail_internals.translation_source_updated_at"
    )


def test_translation_progress_for_many_translations_counts_as_wagtail_localize_does(db):
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, Translation
    from wagtail_localize.operations import translate_object

    from courses.models import ModulePage

    factories.course(modules=2)
    spanish = Locale.objects.get(language_code="es")
    for module in ModulePage.objects.filter(locale__language_code="en"):
        translate_object(module, [spanish])
    partly = Translation.objects.get(source__object_id=ModulePage.objects.get(
        slug="module-1", locale__language_code="en").translation_key)
    first, second, *_ = StringSegment.objects.filter(source=partly.source).order_by("order")
    StringTranslation.objects.create(
        translation_of=first.string, locale=spanish, context=first.context, data="Hecho"
    )
    StringTranslation.objects.create(  # a translation with an error does not count
        translation_of=second.string, locale=spanish, context=second.context, data="<",
        has_error=True,
    )

    with CaptureQueriesContext(connection) as queries:
        annotated = list(wagtail_internals.with_translation_progress(Translation.objects.all()))
    assert len(queries) == 1
    for translation in annotated:
        assert (translation.progress_total, translation.progress_translated) == (
            translation.get_progress()
        ), (
            "wagtail-localize's Translation.get_progress() no longer counts translated "
            "segments this way: update wagtail_internals.with_translation_progress"
        )
    assert sorted(translation.progress_translated for translation in annotated)[-2:] == [0, 1]
