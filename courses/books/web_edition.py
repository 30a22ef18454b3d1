"""The web edition of a community book: its chapters and the PDF download choices.

CourseBookPage.get_context adds this to the page's context
(templates/courses/course_book_page.html).
"""

from django.conf import settings
from django.urls import reverse

from courses.books.selectors import book_chapters, book_course, book_modules
from courses.books.variants import SIZES, BookVariant


def pdf_url(book) -> str:
    """The book's PDF address, `<book URL>pdf/` (an unsaved book, a preview, has no URL yet)."""
    return (book.url or "") + "pdf/"


def download_options(book, modules: list) -> dict:
    """The PDF variants a reader can download, each with its link and what it is for."""
    base = pdf_url(book)
    default = book.paper_size
    other = next(size for size in SIZES if size != default)
    books = [
        (BookVariant(size=default), "The whole book."),
        (BookVariant(size=other), "The whole book on the other paper size."),
        (BookVariant(size=default, large_print=True), "Bigger type for easier reading."),
        (BookVariant(size=other, large_print=True), "Bigger type, other paper size."),
    ]
    return {
        "downloads": [
            {"url": base + v.query_string(default_size=default), "label": v.label, "help": text,
             "primary": n == 0}
            for n, (v, text) in enumerate(books)
        ],
        "handouts": [
            {"url": base + BookVariant(size=default, module_slug=m.slug).query_string(
                default_size=default), "module": m}
            for m in modules
        ],
        "pdf_url": base,
        "pdf_download_url": base + "?download=1",
        "low_ink_url": base + BookVariant(size=default, low_ink=True).query_string(
            default_size=default),
        "default_size": SIZES[default],
    }


def web_edition_context(book) -> dict:
    """The web edition: each module's community edition, the PDF download choices, and where
    a reader who taught from the book reports back (settings.RIPPLE_BOOK_REPORT_URL_NAME)."""
    course = book_course(book)
    modules = book_modules(book, course=course)
    return {
        "course": course,
        "chapters": book_chapters(modules),
        "report_path": reverse(settings.RIPPLE_BOOK_REPORT_URL_NAME),
        **download_options(book, modules),
    }
