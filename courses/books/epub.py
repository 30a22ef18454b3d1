"""The community edition as an EPUB 3 for phones and e-readers, made with ebooklib.

The same chapters and editions rules as the PDF (courses.books.selectors: community-only
content in, workplace-only out), printed by the same block templates
(templates/courses/book/blocks/), inside the EPUB's own pages (templates/courses/epub/) and
stylesheet (static/css/epub.css). An EPUB takes a fraction of a second to make, so it is made
on each download that is not answered from the reader's own copy (ETag = its fingerprint,
cached per content generation like the PDF's).
"""

import hashlib
import io
import uuid
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import lxml.html
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext
from ebooklib import epub

from caching import generations
from courses.books import language
from courses.books.epub_cover import cover_png
from courses.books.printing import book_fingerprint, print_blocks, site_url, static_file
from courses.books.selectors import book_chapters, book_course, book_modules
from courses.books.services import book_public_url
from courses.books.variants import BookVariant
from courses.exceptions import EmptyBook

# Raise when the EPUB's shape changes in a way its templates and stylesheet do not show.
EPUB_VERSION = "2026-12-06.1"
MEDIA_TYPE = "application/epub+zip"
TEMPLATES = Path(settings.BASE_DIR) / "templates/courses/epub"
# Image formats an EPUB 3 reading system must show (core media types).
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
               ".gif": "image/gif", ".webp": "image/webp", ".svg": "image/svg+xml"}


def epub_filename(book) -> str:
    """A readable download name, e.g. `passing-it-on.epub` (`passing-it-on-es.epub` in Spanish)."""
    return f"{language.file_stem(book)}.epub"


def epub_fingerprint(book) -> str:
    """A digest of everything that shapes the book's EPUB (the community edition's content,
    as for its PDF, and the EPUB's templates and stylesheet), cached per content generation."""

    def compute():
        course = book_course(book)
        modules = book_modules(book, course=course)
        if not modules:
            raise EmptyBook(book.pk)
        digest = hashlib.sha256(EPUB_VERSION.encode())
        digest.update(
            book_fingerprint(book=book, course=course, variant=BookVariant(), modules=modules)
            .encode()
        )
        for path in [static_file("css/epub.css"), *sorted(TEMPLATES.glob("*.html"))]:
            digest.update(path.read_bytes())
        return digest.hexdigest()

    return generations.cached(
        f"book-epub-fingerprint:{book.pk}:{EPUB_VERSION}",
        generations.current(generations.CONTENT),
        compute,
    )


def build_book_epub(*, book) -> bytes:
    """The book's community edition as EPUB 3 bytes: a cover, a title page, the contents (nav), each
    chapter as its own page, and the closing page on reporting back."""
    course = book_course(book)
    modules = book_modules(book, course=course)
    if not modules:
        raise EmptyBook(book.pk)
    book_language = language.book_language(book)
    chapters = book_chapters(modules, language=book_language)
    book_url = book_public_url(book)
    with language.speaking(book):
        return _write_epub(book, course, chapters, book_url, book_language)


def _write_epub(book, course, chapters, book_url, book_language) -> bytes:
    """The EPUB of these chapters, its text in the book's language."""
    publication = epub.EpubBook()
    publication.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, book_url)}")
    publication.set_title(book.title)
    publication.set_language(book_language)
    publication.set_direction(language.text_direction(book_language))
    publication.add_author(book.author_name)
    publication.add_metadata("DC", "publisher", "Ripple")
    if book.subtitle:
        publication.add_metadata("DC", "description", book.subtitle)
    style = epub.EpubItem(
        uid="style", file_name="style/epub.css", media_type="text/css",
        content=static_file("css/epub.css").read_bytes(),
    )
    publication.add_item(style)
    publication.set_cover("images/cover.png", cover_png(
        book=book, course_title=course.title, direction=language.text_direction(book_language),
    ))
    # ebooklib's cover page describes its picture as "Cover"; say whose.
    publication.get_item_with_id("cover").title = gettext("Cover: %(title)s") % {
        "title": book.title
    }
    context = {
        "book": book,
        "course": course,
        "chapters": chapters,
        "book_url": book_url,
        "site_url": site_url(),
        "report_url": site_url() + reverse(settings.RIPPLE_BOOK_REPORT_URL_NAME),
        "language": book_language,
        "direction": language.text_direction(book_language),
    }

    def page(uid, file_name, title, template, **extra):
        html = render_to_string(f"courses/epub/{template}", {**context, **extra})
        item = epub.EpubHtml(uid=uid, file_name=file_name, title=title, lang=book_language,
                             direction=context["direction"], content=absolute_links(html))
        item.add_item(style)
        publication.add_item(item)
        return item

    title_page = page("title", "title.xhtml", book.title, "title.html")
    chapter_pages = []
    for chapter in chapters:
        chapter.print_blocks = [
            block for block in print_blocks(chapter) if _with_epub_image(publication, block)
        ]
        chapter_pages.append(page(
            f"chapter-{chapter.number}", f"chapter-{chapter.number}.xhtml",
            f"{chapter.number}. {chapter.heading}", "chapter.html", chapter=chapter,
        ))
    closing = page("report-back", "report-back.xhtml", gettext("After you teach: report back"),
                   "closing.html")
    publication.toc = [title_page, *chapter_pages, closing]
    publication.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title=gettext("Contents"))
    nav.add_item(style)
    publication.add_item(nav)
    publication.spine = ["cover", title_page, "nav", *chapter_pages, closing]
    output = io.BytesIO()
    epub.write_epub(output, publication, {"epub3_pages": False})
    return output.getvalue()


def absolute_links(html: str) -> str:
    """Site-relative links made absolute: inside an EPUB they would point at nothing."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    for link in tree.iter("a"):
        href = link.get("href", "")
        if href and not href.startswith(("#", "http:", "https:", "mailto:")):
            link.set("href", urljoin(site_url() + "/", href))
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in tree)


def _with_epub_image(publication, block) -> bool:
    """Add an image block's file to the EPUB and point the block at it; False to leave the
    block out (an image that cannot be read, or of a type e-readers need not show)."""
    if block.block_type != "image":
        return True
    path = Path(url2pathname(urlparse(block.src).path)) if block.src.startswith("file:") else None
    kind = IMAGE_TYPES.get(path.suffix.lower()) if path else None
    if not kind or not path.is_file():
        return False
    name = f"images/{hashlib.sha256(str(path).encode()).hexdigest()[:16]}{path.suffix.lower()}"
    if publication.get_item_with_href(name) is None:
        publication.add_item(epub.EpubImage(
            uid=name.replace("/", "-").replace(".", "-"), file_name=name, media_type=kind,
            content=path.read_bytes(),
        ))
    block.src = name
    return True
