"""The web edition of a community book: its chapters and the download choices (the whole book's
PDFs, booklets and EPUB; each chapter's handouts; the choose-chapters form).

CourseBookPage.get_context adds this to the page's context
(templates/courses/course_book_page.html).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext

from courses.books import language
from courses.books.booklet import HOW_TO_PRINT
from courses.books.selectors import book_chapters, book_course, book_modules
from courses.books.variants import (
    BOOKLET,
    BOOKLET_PAGE_NAMES,
    CHOOSE_CHAPTERS,
    LARGE,
    SIZES,
    BookVariant,
)
from courses.languages import chosen_language_url, content_language_name, live_translations


def _short_size(size: str) -> str:
    """A chapter's handouts sit side by side: short names (each link's accessible name is
    whole): “Letter”, not “US Letter”."""
    return gettext("Letter") if size == "letter" else str(SIZES[size])


def pdf_url(book) -> str:
    """The book's PDF address, `<book URL>pdf/` (an unsaved book, a preview, has no URL yet)."""
    return (book.url or "") + "pdf/"


def epub_url(book) -> str:
    """The book's EPUB address, `<book URL>epub/`."""
    return (book.url or "") + "epub/"


def download_options(book, modules: list) -> dict:
    """What a reader can download, each item a link with its label and what it is for: the
    whole book (PDFs, then booklets, then the EPUB), each chapter's handouts in every size and
    print, and the choices of the choose-chapters form."""
    base = pdf_url(book)
    default = book.paper_size
    sizes = [default, next(size for size in SIZES if size != default)]

    def link(variant: BookVariant, label: str = "") -> dict:
        return {"url": base + variant.query_string(default_size=default),
                "label": label or variant.label}

    books = [
        (BookVariant(size=sizes[0]), gettext("The whole book.")),
        (BookVariant(size=sizes[1]), gettext("The whole book on the other paper size.")),
        (BookVariant(size=sizes[0], large_print=True), gettext("Bigger type for easier reading.")),
        (BookVariant(size=sizes[1], large_print=True), gettext("Bigger type, other paper size.")),
        (BookVariant(size=sizes[0], screen=True),
         gettext("Single-sided, no blank pages: for screens.")),
    ]
    booklets = [
        (BookVariant(size=size, booklet=True),
         gettext("%(half)s pages, two to a sheet, in folding order.")
         % {"half": capfirst(BOOKLET_PAGE_NAMES[size])})
        for size in sizes
    ]
    return {
        "downloads": [
            {**link(variant), "help": text, "primary": n == 0}
            for n, (variant, text) in enumerate(books)
        ],
        "booklets": [{**link(variant), "help": text} for variant, text in booklets],
        "booklet_how_to": gettext(HOW_TO_PRINT),
        "epub_url": epub_url(book),
        "handouts": [
            {"module": module, "links": [
                link(BookVariant(size=size, large_print=large, module_slug=module.slug),
                     gettext("%(size)s large print") % {"size": _short_size(size)} if large
                     else _short_size(size))
                for size in sizes for large in (False, True)
            ]}
            for module in modules
        ],
        "chapter_choice": {
            "choose": CHOOSE_CHAPTERS,
            "sizes": [(size, str(SIZES[size])) for size in sizes],
            "large": LARGE,
            "booklet": BOOKLET,
        },
        "pdf_url": base,
        "pdf_download_url": base + "?download=1",
        "low_ink_url": base + BookVariant(size=default, low_ink=True).query_string(
            default_size=default),
        "default_size": str(SIZES[default]),
    }


def edition_languages(book) -> list[dict]:
    """The book's live editions in every content language (this one marked `current`), for the
    page's language list: language code, its own name and the edition's address."""
    return [
        {
            "code": edition.locale.language_code,
            "name": content_language_name(edition.locale.language_code),
            "url": chosen_language_url(edition),
            "current": edition.pk == book.pk,
        }
        for edition in (live_translations(book) if book.pk else [])
    ]


def web_edition_context(book) -> dict:
    """The web edition: each module's community edition, the PDF download choices, the book's
    other languages, and where a reader who taught from the book reports back
    (settings.RIPPLE_BOOK_REPORT_URL_NAME)."""
    course = book_course(book)
    modules = book_modules(book, course=course)
    book_language = language.book_language(book)
    return {
        "course": course,
        "chapters": book_chapters(modules, language=book_language),
        "book_language": book_language,
        "book_direction": language.text_direction(book_language),
        "languages": edition_languages(book),
        "report_path": reverse(settings.RIPPLE_BOOK_REPORT_URL_NAME),
        **download_options(book, modules),
    }
