"""Reads about translations of pages (wagtail-localize): which are out of date, unfinished, or
ready for review. The admin dashboard's “Translations” panel shows them (courses.translation_admin).

A translation is *out of date* when its source page was published after the translation was
last brought up to date with it (wagtail-localize's “Sync translated pages”, which records the
source's new text and keeps every translated segment that did not change). Its *progress* is
wagtail-localize's: how many of the source's text segments have a translation.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page
from wagtail_localize.models import Translation

from courses import wagtail_internals

PANEL_LIMIT = 8


@dataclass
class TranslationStatus:
    """One page translation as the dashboard shows it."""

    translation: Translation
    source_page: Page
    page: Page | None
    out_of_date: bool
    translated: int
    total: int
    in_review: bool

    @property
    def language(self) -> str:
        """The translation's language, in its own name (e.g. “Español”)."""
        return self.translation.target_locale.get_display_name()

    @property
    def unfinished(self) -> bool:
        """Some of the source's text has no translation yet."""
        return self.translated < self.total

    @property
    def ready_for_review(self) -> bool:
        """Every text is translated and the page has a change no review has taken up yet."""
        return (
            self.page is not None
            and not self.out_of_date
            and not self.unfinished
            and not self.in_review
            and (self.page.has_unpublished_changes or not self.page.live)
        )

    @property
    def needs_work(self) -> bool:
        """Shown on the dashboard: out of date, unfinished, or waiting to be submitted."""
        return self.out_of_date or self.unfinished or self.ready_for_review


def translation_statuses(*, pages) -> list[TranslationStatus]:
    """The status of every enabled translation of these (source) pages' and of the pages that
    translate them, source order; three queries however many translations there are."""
    keys = {page.translation_key for page in pages}
    translations = wagtail_internals.with_translation_progress(
        Translation.objects.filter(enabled=True, source__object_id__in=keys)
        .select_related("source", "target_locale")
        .order_by("source__object_id", "target_locale__language_code")
    )
    by_key_locale = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys)
        .specific(defer=True)
        .prefetch_workflow_states()
    }
    statuses = []
    for translation in translations:
        source = translation.source
        source_page = by_key_locale.get((source.object_id, source.locale_id))
        if source_page is None:
            continue
        page = by_key_locale.get((source.object_id, translation.target_locale_id))
        statuses.append(
            TranslationStatus(
                translation=translation,
                source_page=source_page,
                page=page,
                out_of_date=bool(
                    source_page.last_published_at
                    and source_page.last_published_at
                    > wagtail_internals.translation_source_updated_at(source)
                ),
                translated=translation.progress_translated,
                total=translation.progress_total,
                in_review=bool(page is not None and page.workflow_in_progress),
            )
        )
    return statuses


def translations_needing_work(*, pages, limit: int = PANEL_LIMIT) -> list[TranslationStatus]:
    """Translations of these pages that are out of date, unfinished or ready for review."""
    return [status for status in translation_statuses(pages=pages) if status.needs_work][:limit]


def translated_pages(queryset):
    """Of these pages, those that are the source of a translation (one query when read)."""
    sources = Translation.objects.filter(enabled=True).values("source__object_id")
    return queryset.filter(Q(translation_key__in=sources))
