"""Every place Ripple relies on Wagtail (or treebeard) behaviour that is not public API.

Each function here leans on one private detail, says which, and is pinned by a test in
tests/courses/test_wagtail_internals.py that fails with a clear message when an upgrade
changes that detail. Nothing else in Ripple touches these details directly.
"""

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page


def posted_stream_child_types(data, prefix: str) -> list[str | None]:
    """The block type of each child a StreamField form posted and did not delete, in order.

    Relies on the names of Wagtail's StreamBlock form fields: `<prefix>-count`, and
    `<prefix>-<n>-type` / `<prefix>-<n>-deleted` for each child. Wagtail reads the same names
    in `StreamBlock.value_from_datadict`, but skips a type it does not know without a word;
    this lets a block tell the editor instead.
    """
    count = data.get(f"{prefix}-count", "0")
    return [
        data.get(f"{prefix}-{n}-type")
        for n in range(int(count) if str(count).isdigit() else 0)
        if not data.get(f"{prefix}-{n}-deleted")
    ]


def remember_parent(page: Page, parent: Page) -> None:
    """Tell a page object its parent, so `page.get_parent()` needs no query.

    Relies on treebeard's `_cached_parent_obj`, which Wagtail's own `Page.route` sets the
    same way for each page it walks through.
    """
    page._cached_parent_obj = parent


def known_parent(page: Page) -> Page | None:
    """The parent `remember_parent` (or Wagtail's routing) told this page object, if any."""
    return getattr(page, "_cached_parent_obj", None)


def reuse_view_restrictions(page: Page, restrictions: QuerySet) -> None:
    """Make this request's page object answer `get_view_restrictions()` with an already
    evaluated queryset, so Wagtail's privacy check (its `on_serve_page` hook
    `check_view_restrictions`, which runs after Ripple's `before_serve_page` hook and calls
    `page.get_view_restrictions()`) reads no rows again.

    Relies on that hook calling the method on the page object it is given. Only this one
    object changes; the class and other requests are untouched.
    """
    page.get_view_restrictions = lambda: restrictions


def text_segments(instance) -> list[tuple[str, str]]:
    """The translatable text of an object as wagtail-localize cuts it into segments: (path,
    text) in order, e.g. ("body.<block id>.questions.<item id>", "Who helped you?").

    Relies on wagtail-localize's `segments.extract.extract_segments` and its
    `StringSegmentValue` (path, and `string.data`: the text with inline HTML), which its
    TranslationSource uses to record a source; the demo fills a translation's segments from
    its data files through this. Works on an unsaved object.
    """
    from wagtail_localize.segments.extract import extract_segments
    from wagtail_localize.segments.types import StringSegmentValue

    return [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def translation_source_updated_at(source):
    """When a wagtail-localize TranslationSource last took in its object's content (made, or
    brought up to date by “Sync translated pages”). A source page published after this has
    changes its translations have not seen: courses.translation_status calls them out of date.

    Relies on `TranslationSource.last_updated_at`, set by `update_or_create_from_instance`
    and `update_from_db` (wagtail-localize keeps no “out of date” flag of its own).
    """
    return source.last_updated_at


def with_translation_progress(translations: QuerySet) -> QuerySet:
    """These wagtail-localize Translations, each annotated with `progress_total` and
    `progress_translated`: what `Translation.get_progress()` returns, for all of them in one
    query instead of one query each.

    Relies on how `get_progress` counts: the StringSegments of the translation's source, of
    which those whose string has a StringTranslation in the segment's context, into the target
    locale, without `has_error`, are translated.
    """
    from wagtail_localize.models import StringSegment, StringTranslation

    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).order_by()
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )

    def count(queryset):
        counted = queryset.values("source_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted), 0)

    return translations.annotate(
        progress_total=count(segments),
        progress_translated=count(segments.filter(Exists(translated))),
    )
