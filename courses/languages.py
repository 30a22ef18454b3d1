"""Reads about content languages: a page's translations, and the language a person prefers.

Each language has its own page tree (Wagtail i18n; translated with wagtail-localize). A page's
translations share its `translation_key`.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

# The query parameter of a link to an unprefixed (default language) page that the reader chose
# for its language: the page is then not swapped for its translation in the reader's language.
CHOSEN_LANGUAGE = "language"


def content_language_name(code: str) -> str:
    """A content language's own name (“Español”), from WAGTAIL_CONTENT_LANGUAGES."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code)


def live_translation(page: Page, language: str) -> Page | None:
    """The live translation of a page in a language (the page itself in its own), or None."""
    if page.locale.language_code == language:
        return page
    return (
        page.get_translations()
        .live()
        .filter(locale__language_code=language)
        .specific()
        .first()
    )


def live_translations(page: Page) -> list[Page]:
    """The page in every content language it is live in, the page's own included, in the
    order of WAGTAIL_CONTENT_LANGUAGES (one query)."""
    pages = {
        other.locale.language_code: other
        for other in Page.objects.filter(translation_key=page.translation_key)
        .live()
        .select_related("locale")
    }
    pages.setdefault(page.locale.language_code, page)
    return [pages[code] for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES if code in pages]


def chosen_language_url(page: Page) -> str:
    """A link to the page in its own language even for a reader who prefers another one."""
    url = page.url or ""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return f"{url}?{CHOSEN_LANGUAGE}={settings.LANGUAGE_CODE}"
    return url


def preferred_language(request) -> str:
    """The language the person reading prefers: their profile's, the switcher's cookie or
    their browser's (set aside by config.middleware before an unprefixed page URL is routed
    in the default language's tree)."""
    return getattr(request, "preferred_language", "") or translation.get_language()


def default_locale() -> Locale:
    """The source language's Locale (LANGUAGE_CODE)."""
    return Locale.get_default()



def live_in_language(pages, language: str) -> dict[int, Page]:
    """Each page's live translation in `language` (a plain Page: title and URL), by the pk of
    the page given; a page without one (or already in that language) is left out. One query."""
    wanted = {page.translation_key: page.pk for page in pages if page is not None}
    if not wanted:
        return {}
    translations = Page.objects.filter(
        translation_key__in=list(wanted), locale__language_code=language
    ).live()
    return {
        wanted[other.translation_key]: other
        for other in translations
        if other.pk != wanted[other.translation_key]
    }
