"""A community book's language: the one its page is in (each language has its own page tree).

Everything a book prints or serves speaks it: `speaking(book)` wraps the making of its print
HTML, web edition extras and EPUB (`translation.override`), the HTML carries `lang` and `dir`
(WeasyPrint hyphenates by `lang`; book.css sets quotation marks by it), and a translated
edition's file names carry its language code.
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def book_language(book) -> str:
    """The language a book is in: its page's locale (a draft being previewed has one too)."""
    return book.locale.language_code if book.locale_id else settings.LANGUAGE_CODE


def text_direction(language: str) -> str:
    """`rtl` for a language written right to left (Django's language info), else `ltr`."""
    try:
        bidi = translation.get_language_info(language)["bidi"]
    except KeyError:
        bidi = False
    return "rtl" if bidi else "ltr"


def file_stem(book) -> str:
    """The start of a book's file names: its slug, then its language unless it is the source
    language's edition (`community-book`, `community-book-es`)."""
    language = book_language(book)
    slug = book.slug or "book"
    return slug if language == settings.LANGUAGE_CODE else f"{slug}-{language}"


@contextmanager
def speaking(book):
    """Render what follows in the book's language (its interface strings: headings, labels,
    notes), whatever the request's."""
    with translation.override(book_language(book)):
        yield
