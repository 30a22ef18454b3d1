"""The print edition of a community book: its HTML, and the fingerprint of everything shaping it.

The HTML is built from templates/courses/book/ and static/css/book.css (never the web module
page). Resources are referenced as file: URLs of static files or of the renditions of the
book's own images, or as data: URIs: a PrintDocument carries its HTML with the list of those
image files, and courses.books.fetcher opens nothing else. Links are absolute site URLs.

The closing page links to the reader's home, named by settings.RIPPLE_BOOK_REPORT_URL_NAME:
that page belongs to an app above courses, which config wires in.

The book prints the site's public address (WAGTAILADMIN_BASE_URL), never a loopback one: on a
machine that knows only 127.0.0.1 or localhost, the book prints no address and tells the reader
to ask the person who gave it to them (`public_site_url`).
"""

import base64
import hashlib
import ipaddress
import json
import logging
import mimetypes
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.images import get_image_model

from courses.books import language
from courses.books.selectors import Chapter, community_raw_blocks, image_ids, principle_ids
from courses.books.variants import BookVariant
from courses.models import Principle

logger = logging.getLogger(__name__)

# Raise when a change to the print design is not visible in book.css or the book templates
# (e.g. a change in how this module prepares blocks), so stored PDFs are rendered again.
TEMPLATE_VERSION = "2026-12-06.2"
PRINT_IMAGE_SPEC = "max-1800x2400"
# A block this long (characters of stored text, ~25 printed pages) is left out of the print,
# with a note: it would stall the render, and nobody photocopies a chapter that long.
MAX_BLOCK_CHARACTERS = 60_000
BLOCK_TEMPLATES = {
    "text": "courses/book/blocks/text.html",
    "story": "courses/book/blocks/story.html",
    "principle": "courses/book/blocks/principle_callout.html",
    "reflection": "courses/book/blocks/reflection_questions.html",
    "activity": "courses/book/blocks/activity.html",
    "teach_it": "courses/book/blocks/teach_it_guide.html",
    "quote": "courses/book/blocks/quote.html",
    "image": "courses/book/blocks/image.html",
}
OMITTED_TEMPLATE = "courses/book/blocks/omitted.html"
# Images book.css draws (as backgrounds, so the PDF marks them as artifacts).
DECORATION = ("img/ripple-logo.svg", "img/book-cover-rings.svg")
# Ruled lines under each worksheet question. A worksheet's writing space then runs on to the
# foot of its page (book.css), so these keep it short enough to share a page with the text
# before it: a page that a worksheet does not fit on is then at least about half full.
WORKSHEET_LINES = {1: 5, 2: 3, 3: 2, 4: 2}


@dataclass(frozen=True)
class PrintDocument:
    """A book's print HTML and the media files it may read: the renditions of its own images
    (file: URLs). Any other media file the HTML names, a document say, is refused."""

    html: str
    media_files: tuple[str, ...] = ()


@dataclass
class PrintBlock:
    """A block as the book prints it: its template and value, or a note that it was left out."""

    template: str
    value: object
    block_type: str
    src: str = ""
    lines: range = range(0)


def site_url() -> str:
    """The site's configured address (WAGTAILADMIN_BASE_URL): the print's base URL."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def is_loopback(url: str) -> bool:
    """True for an address only this machine can reach (127.0.0.1, ::1, localhost, 0.0.0.0)."""
    host = (urlsplit(url).hostname or "").lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host in ("", "localhost") or host.endswith(".localhost")
    return address.is_loopback or address.is_unspecified


def public_site_url() -> str:
    """The address the book prints: the site's, or '' when it is a loopback one (a reader
    could never open it)."""
    url = site_url()
    return "" if is_loopback(url) else url


@dataclass(frozen=True)
class PrintedAddress:
    """A web address as the book prints it (templates/courses/book/address.html): the link,
    and its text without the scheme, in pieces that each end after a "/" so that a line
    breaks only there, never inside a word or at a hyphen."""

    url: str

    @property
    def pieces(self) -> list[str]:
        """`ripple.example.org/my/` as ["ripple.example.org/", "my/"]."""
        return re.findall(r"[^/]*/|[^/]+", self.url.split("://", 1)[-1])


def printed_address(url: str) -> PrintedAddress | None:
    """The printed form of a public address; None for '' or a loopback address."""
    return PrintedAddress(url) if url and not is_loopback(url) else None


def static_file(path: str) -> Path:
    """The real file behind a static path, from the static folders or STATIC_ROOT."""
    found = finders.find(path)
    return Path(found if found else Path(settings.STATIC_ROOT) / path).resolve()


def static_file_url(path: str) -> str:
    """The file: URL of a static file, as the print HTML names it."""
    return static_file(path).as_uri()


def file_or_data_url(field_file) -> str:
    """A file: URL for a file in local storage, else the file's bytes as a data: URI."""
    try:
        return Path(field_file.path).resolve().as_uri()
    except NotImplementedError:  # object storage has no local path
        with field_file.open("rb") as handle:
            data = base64.b64encode(handle.read()).decode()
        kind = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
        return f"data:{kind};base64,{data}"


def image_src(image) -> str:
    """A print-sized rendition of a library image, or '' when the image cannot be read."""
    try:
        rendition = image.get_rendition(PRINT_IMAGE_SPEC)
        return file_or_data_url(rendition.file)
    except Exception:  # a broken or unreadable image is left out of the book, not fatal
        logger.warning("Book image %s (%s) left out: it cannot be read", image.pk, image.file)
        return ""


def print_blocks(chapter: Chapter) -> list[PrintBlock]:
    """A chapter's blocks with their print templates; unreadable images and huge text left out."""
    blocks = []
    for block in chapter.blocks:
        template = BLOCK_TEMPLATES.get(block.block_type)
        if template is None:
            continue
        size = len(json.dumps(block.block.get_prep_value(block.value), default=str))
        if size > MAX_BLOCK_CHARACTERS:
            logger.warning(
                "Book block %s in module %s left out: %s characters",
                block.id, chapter.module.pk, size,
            )
            blocks.append(PrintBlock(OMITTED_TEMPLATE, None, block.block_type))
            continue
        src = ""
        if block.block_type == "image":
            src = image_src(block.value["image"]) if block.value["image"] else ""
            if not src:
                continue
        lines = 0
        if block.block_type == "reflection":
            lines = WORKSHEET_LINES.get(len(block.value["questions"]), 3)
        blocks.append(PrintBlock(template, block.value, block.block_type, src, range(lines)))
    return worksheets_last(blocks)


def worksheets_last(blocks: list[PrintBlock]) -> list[PrintBlock]:
    """The chapter's blocks with any that come between its last worksheet and its session
    plan (an activity, say) moved up before its first worksheet and the text introducing it.

    A worksheet's writing space runs to the foot of its page, so what follows it starts a
    fresh page: a short box there, before the session plan's own page, would be stranded."""
    worksheets = [n for n, block in enumerate(blocks) if block.block_type == "reflection"]
    if not worksheets:
        return blocks
    first, last = worksheets[0], worksheets[-1]
    start = first - 1 if first and blocks[first - 1].block_type == "text" else first
    after = blocks[last + 1:]
    moved = [block for block in after if block.block_type != "teach_it"]
    kept = [block for block in after if block.block_type == "teach_it"]
    return blocks[:start] + moved + blocks[start:last + 1] + kept


def book_print_html(
    *, book, course, variant: BookVariant, chapters: list[Chapter], book_url: str
) -> PrintDocument:
    """The whole print document: cover, credits, contents, chapters, closing page (or a handout)."""
    for chapter in chapters:
        chapter.print_blocks = print_blocks(chapter)
    cover_src = image_src(book.cover_image) if book.cover_image_id and book.cover_image else ""
    image_srcs = [cover_src] + [
        block.src for chapter in chapters for block in chapter.print_blocks
    ]
    public = public_site_url()
    report_url = public + reverse(settings.RIPPLE_BOOK_REPORT_URL_NAME) if public else ""
    book_url = book_url if public else ""
    book_language = language.book_language(book)
    context = {
        "book": book,
        "language": book_language,
        "direction": language.text_direction(book_language),
        "course": course,
        "variant": variant,
        "chapters": chapters,
        "handout": variant.is_handout,
        "duplex": variant.duplex,
        # Public addresses only ('' / None on a loopback-only site: the book names none).
        "site_url": public,
        "book_url": book_url,
        "report_url": report_url,
        "site_address": printed_address(public),
        "book_address": printed_address(book_url),
        "report_address": printed_address(report_url),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "stylesheet_url": static_file_url("css/book.css"),
        "logo_url": static_file_url("img/ripple-logo.svg"),
        "cover_src": cover_src,
    }
    return PrintDocument(
        html=render_to_string("courses/book/book.html", context),
        media_files=tuple(dict.fromkeys(src for src in image_srcs if src.startswith("file:"))),
    )


@lru_cache(maxsize=8)
def _design_digest(signature: tuple) -> str:
    digest = hashlib.sha256(TEMPLATE_VERSION.encode())
    for path, *_ in signature:
        digest.update(path.encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def design_version() -> str:
    """A digest of the print design: book.css, the book templates, fonts and TEMPLATE_VERSION.

    Re-read only when a file's size or modification time changes.
    """
    files = [static_file(path) for path in ("css/book.css", *DECORATION)]
    files += sorted((Path(settings.BASE_DIR) / "templates/courses/book").rglob("*.html"))
    files += sorted(static_file("fonts/OFL.txt").parent.glob("*.woff"))
    signature = tuple(
        (str(path), stat.st_size, stat.st_mtime_ns) for path in files if (stat := path.stat())
    )
    return _design_digest(signature)


def book_fingerprint(*, book, course, variant: BookVariant, modules: list) -> str:
    """A digest of everything that shapes one PDF, so a stored file is current exactly when
    nothing it was made from has changed: the book's, course's and modules' published
    revisions, the images and principles they show, the print design and the variant."""
    raw = [block for module in modules for block in community_raw_blocks(module)]
    images = sorted(image_ids(raw) | ({book.cover_image_id} if book.cover_image_id else set()))
    image_rows = list(
        get_image_model()
        .objects.filter(pk__in=images)
        .order_by("pk")
        .values_list("pk", "file", "file_hash", "file_size", "focal_point_x", "focal_point_y")
    )
    shown_principles = principle_ids(raw) | {
        principle.pk
        for module in modules
        for principle in getattr(module, "book_principles", None) or module.principles.all()
    }
    principle_rows = list(
        Principle.objects.filter(pk__in=shown_principles)
        .order_by("pk")
        .values_list("pk", "name", "statement", "explanation")
    )
    parts = {
        "book": [book.pk, book.live_revision_id, book.slug, language.book_language(book)],
        "course": [course.pk, course.live_revision_id],
        "modules": [[module.pk, module.live_revision_id, module.slug] for module in modules],
        "images": image_rows,
        "principles": principle_rows,
        "design": design_version(),
        "site": site_url(),
        "variant": variant.key,
    }
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()
