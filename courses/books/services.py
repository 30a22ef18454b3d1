"""Business actions on community book PDFs: print HTML, render, store, and draft previews.

A book's PDF is rendered once per fingerprint (courses.books.printing.book_fingerprint) and
stored in default storage; downloads serve the stored file (courses.books.downloads).
Publishing re-renders in the background (courses.books.tasks).
"""

import logging
import time
from dataclasses import dataclass, replace

import pikepdf
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from courses.books import language, rendering
from courses.books.booklet import impose_booklet
from courses.books.job import RenderedPDF
from courses.books.printing import (
    PrintDocument,
    book_fingerprint,
    book_print_html,
    site_url,
)
from courses.books.selectors import (
    book_chapters,
    book_course,
    book_modules,
    current_rendition,
    first_live_book,
    variant_modules,
)
from courses.books.variants import BookVariant
from courses.exceptions import BookRenderError, EmptyBook
from courses.models import BookRendition, CourseBookPage, ModulePage

logger = logging.getLogger(__name__)


@dataclass
class _PrintPlan:
    """What one variant of a book prints, and the fingerprint of it."""

    course: object
    modules: list
    printed: list
    fingerprint: str


def _plan(book: CourseBookPage, variant: BookVariant) -> _PrintPlan:
    course = book_course(book)
    modules = book_modules(book, course=course)
    if not modules:
        raise EmptyBook(book.pk)
    printed = variant_modules(book, variant, modules)
    fingerprint = book_fingerprint(book=book, course=course, variant=variant, modules=printed)
    return _PrintPlan(course, modules, printed, fingerprint)


def print_fingerprint(*, book: CourseBookPage, variant: BookVariant) -> str:
    """The fingerprint of what the variant prints now, read fresh (the book's modules and
    everything shaping them). The PDF route caches it (CourseBookPage.pdf)."""
    return _plan(book, variant).fingerprint


def print_book_html(
    *, book: CourseBookPage, variant: BookVariant, modules=None, course=None
) -> PrintDocument:
    """The print HTML of a book variant (live, or the unsaved draft of a preview), with the
    image files it may read."""
    course = course or book_course(book)
    modules = modules if modules is not None else book_modules(book, course=course)
    if not modules:
        raise EmptyBook(book.pk)
    numbers = {module.pk: n for n, module in enumerate(modules, start=1)}
    printed = variant_modules(book, variant, modules)
    with language.speaking(book):
        return book_print_html(
            book=book,
            course=course,
            variant=variant,
            chapters=book_chapters(
                printed, numbers=numbers, language=language.book_language(book)
            ),
            book_url=book_public_url(book),
        )


def book_public_url(book) -> str:
    """The book's address on the public site (WAGTAILADMIN_BASE_URL), as printed in it."""
    parts = book.get_url_parts() if book.pk else None
    return site_url() + parts[2] if parts else site_url()


def render_print_pdf(document: PrintDocument) -> RenderedPDF:
    """One WeasyPrint render of print HTML, in a child process (courses.books.rendering),
    reading static files and the document's own image files only."""
    return rendering.render_pdf(
        document.html, base_url=site_url() + "/", media_files=document.media_files
    )


def render_variant_pdf(document: PrintDocument, variant: BookVariant) -> RenderedPDF:
    """Render a variant's print HTML; a booklet's half-size pages are then imposed two to a
    sheet (courses.books.booklet), which leaves them untagged: a booklet is only for paper."""
    result = render_print_pdf(document)
    if not variant.booklet:
        return result
    started = time.perf_counter()
    try:
        imposed = impose_booklet(result.pdf, paper=variant.size)
    except pikepdf.PdfError as error:
        raise BookRenderError(f"The booklet could not be imposed: {error!r}") from error
    logger.info(
        "Imposed a booklet of %s pages in %.2f s", result.pages, time.perf_counter() - started
    )
    return replace(result, pdf=imposed, pages=-(-result.pages // 4) * 2, tagged=False)


def render_book_pdf(*, book: CourseBookPage, variant: BookVariant) -> BookRendition:
    """Render one variant of a book's PDF and store it, unless the stored one is current.

    The render holds no transaction open; recording it replaces the variant's older
    files, which are deleted from storage once the new one is committed.
    """
    plan = _plan(book, variant)
    existing = current_rendition(book=book, variant=variant, fingerprint=plan.fingerprint)
    if existing and existing.is_ready:
        return existing
    document = print_book_html(
        book=book, variant=variant, modules=plan.modules, course=plan.course
    )
    try:
        result = render_variant_pdf(document, variant)
    except BookRenderError as error:
        BookRendition.objects.update_or_create(
            book=book, variant_key=variant.key, fingerprint=plan.fingerprint,
            defaults={"error": str(error)[:2000]},
        )
        raise
    name = default_storage.save(
        # A chapter selection's key can be long: file names stay well under 255 characters.
        f"books/{book.pk}/{language.file_stem(book)[:64]}-{variant.key[:120]}"
        f"-{plan.fingerprint[:16]}.pdf",
        ContentFile(result.pdf),
    )
    with transaction.atomic():
        rendition, _ = BookRendition.objects.select_for_update().get_or_create(
            book=book, variant_key=variant.key, fingerprint=plan.fingerprint
        )
        # A render of the same print that finished first is replaced (its file deleted); older
        # prints of this variant go too, their files after commit (courses.signals).
        replaced = rendition.file.name if rendition.file else ""
        BookRendition.objects.filter(book=book, variant_key=variant.key).exclude(
            pk=rendition.pk
        ).delete()
        rendition.file.name = name
        rendition.pages = result.pages
        rendition.size = len(result.pdf)
        rendition.tagged = result.tagged
        rendition.rendered_at = timezone.now()
        rendition.error = ""
        rendition.save()
        if replaced:
            transaction.on_commit(lambda: default_storage.delete(replaced))
    logger.info("Rendered book %s %s: %s pages", book.pk, variant.key, result.pages)
    return rendition


def module_preview_document(*, module: ModulePage) -> tuple[CourseBookPage, PrintDocument]:
    """A draft module's community edition as it prints (an admin preview, not stored): a
    one-module handout of the course's first live book, or of an unsaved stand-in book
    when the course has none yet. Returns that book and the print document."""
    course = module.get_parent()
    book = first_live_book(course) or CourseBookPage(
        title=f"{course.title}: community edition", slug="book"
    )
    module.slug = module.slug or "module"
    live = book_modules(book, course=course)
    modules = [module if m.pk == module.pk else m for m in live]
    if module not in modules:
        modules.append(module)
    variant = BookVariant(size=book.paper_size, module_slug=module.slug)
    return book, print_book_html(book=book, variant=variant, modules=modules, course=course)
