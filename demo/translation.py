"""The demo course in other languages (demo/content/<language>/), for `seed_demo`. Idempotent.

Each translation is made the way a trainer makes one in the admin: wagtail-localize translates
the English page or principle segment by segment, and each segment's text is taken from the
language's data files (the same files as the English, text translated). Translations made so
stay *synced*: a later change to the English marks them out of date, and the Spanish text is
kept for every segment that did not change. Pages are published by the demo's publisher.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from courses.models import CourseBookPage, CourseIndexPage, HomePage, ModulePage, Principle
from courses.wagtail_internals import text_segments
from demo import loader
from demo.course import book_page, course_page, module_page


class TranslationMismatch(ValueError):
    """A translated data file does not have the English one's shape (a paragraph or a block
    more or fewer), so its text cannot be matched segment by segment."""


def seed_translations(*, course, book, author, publisher) -> None:
    """The course, its modules, principles, book, and the pages above them, in every language
    of loader.TRANSLATIONS, published. Anything already translated is left as it is."""
    for language in loader.TRANSLATIONS:
        with transaction.atomic():
            _seed_language(language, course=course, book=book, author=author,
                           publisher=publisher)


def _seed_language(language, *, course, book, author, publisher):
    locale, _ = Locale.objects.get_or_create(language_code=language)
    source_principles = {
        principle.slug: principle
        for principle in Principle.objects.filter(locale_id=course.locale_id)
    }
    for data in loader.load_principles(language):
        source = source_principles[data["slug"]]
        text = Principle(**{key: data[key] for key in ("slug", "name", "statement", "explanation")})
        translate(source, text, locale, user=author)

    site = loader.load_site_pages(language)
    index = CourseIndexPage.objects.get(pk=course.get_parent().pk)
    home = HomePage.objects.get(pk=index.get_parent().pk)
    translate(home, HomePage(slug=home.slug, **site["home"]), locale, user=publisher)
    translate(index, CourseIndexPage(slug=index.slug, **site["catalogue"]), locale,
              user=publisher)

    data = loader.load_course(language)
    translate(course, course_page(title=data["title"], slug=course.slug, language=language),
              locale, user=publisher)
    ids = {slug: principle.pk for slug, principle in source_principles.items()}
    modules = {module.slug: module for module in ModulePage.objects.child_of(course)}
    for module_data in loader.load_modules(language):
        source = modules.get(module_data["slug"])
        if source is None:
            continue
        body = _with_ids_of(module_data["body"], list(source.body.raw_data), ids)
        text = module_page(module_data, principle_ids=ids, body=body, stored=True)
        translate(source, text, locale, user=publisher)

    text = book_page(language=language)
    text.author = site["book_author"]
    translate(CourseBookPage.objects.get(pk=book.pk), text, locale, user=publisher)


def translate(source_object, text, locale, *, user) -> None:
    """Translate `source_object` into `locale` with wagtail-localize, every text segment taken
    from `text` (an unsaved object of the same model holding the translated text), and
    publish it. Does nothing when a translation into that locale already exists."""
    if source_object.get_translations().filter(locale=locale).exists():
        return
    source, _ = TranslationSource.update_or_create_from_instance(source_object)
    segments = source.stringsegment_set.select_related("context", "string").order_by("order")
    wanted = _by_path(text_segments(text), path=lambda segment: segment[0])
    have = _by_path(segments, path=lambda segment: segment.context.path)
    for path, originals in have.items():
        translated = [data for _path, data in wanted.get(path, [])]
        if len(translated) > len(originals) > 0:
            # A paragraph only the translation has (the credits' demo-translation note): a
            # segment has no room for a new paragraph, so it ends the last one.
            extra = translated[len(originals) - 1:]
            translated = translated[: len(originals) - 1] + [" ".join(extra)]
        if len(translated) != len(originals):
            raise TranslationMismatch(
                f"{source_object} ({locale.language_code}): {path} has {len(originals)} "
                f"segment(s) in the source and {len(translated)} in the translation."
            )
        for original, value in zip(originals, translated, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of_id=original.string_id,
                locale=locale,
                context_id=original.context_id,
                defaults={"data": value, "last_translated_by": user},
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=user, publish=True)
    if isinstance(source_object, Page):
        translated = source_object.get_translation(locale)
        if not translated.live:  # pragma: no cover - save_target publishes
            translated.get_latest_revision().publish(user=user)


def _by_path(segments, path) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for segment in segments:
        grouped.setdefault(path(segment), []).append(segment)
    return grouped


def _with_ids_of(body: list[dict], stored: list[dict], principle_ids: dict) -> list[dict]:
    """The translated body in stored form with the English page's block, list item and
    question ids, which wagtail-localize addresses its text by (same structure required)."""
    return _copy_ids(loader.stream_data(body, principle_ids=principle_ids), stored)


def _copy_ids(translated, source):
    if isinstance(translated, dict) and isinstance(source, dict):
        result = {key: _copy_ids(value, source.get(key)) for key, value in translated.items()}
        if "id" in source and "type" in translated:
            result["id"] = source["id"]
        return result
    if isinstance(translated, list) and isinstance(source, list):
        if len(translated) != len(source):
            raise TranslationMismatch("A translated list has another length than the source.")
        return [_copy_ids(a, b) for a, b in zip(translated, source, strict=True)]
    return translated
