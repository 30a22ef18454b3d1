"""Test helpers: translations of pages made directly (not through wagtail-localize's editor),
for tests of what readers see of a translated course and book."""

from wagtail.models import Locale


def publish_translation(page, language: str, **fields):
    """The page's translation into `language` (its parents too, copied and published), with
    `fields` set, published; returns it."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    page = page.specific
    for ancestor in page.get_ancestors().filter(depth__gte=2).specific():
        if not ancestor.get_translations().filter(locale=locale).exists():
            copy = ancestor.copy_for_translation(locale, copy_parents=True)
            copy.save_revision().publish()
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)
