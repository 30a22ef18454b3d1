"""Business actions on course content: privacy defaults and community book PDFs.

A book's PDF is rendered once per fingerprint (courses.printing.book_fingerprint) and stored in
default storage; downloads serve the stored file. Publishing re-renders in the background.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import PageViewRestriction

from caching import generations
from courses import rendering
from courses.exceptions import BookRenderError, EmptyBook
from courses.models import BookRendition, CourseBookPage
from courses.printing import (
    PrintDocument,
    book_fingerprint,
    book_print_html,
    design_version,
    site_url,
)
from courses.selectors import (
    book_chapters,
    book_course,
    book_modules,
    current_rendition,
    rendered_variant_keys,
    variant_modules,
)
from courses.variants import BookVariant

logger = logging.getLogger(__name__)

# A render asked for this long ago and still not done is asked for again (a worker may have died).
RETRY_AFTER = timedelta(minutes=10)


@dataclass
class BookDownload:
    """What a PDF request finds: a stored file, a render under way, or a render that failed."""

    rendition: BookRendition | None = None
    failed: str = ""

    @property
    def preparing(self) -> bool:
        return self.rendition is None and not self.failed


def restrict_to_signed_in(*, page) -> None:
    """Make a page need a signed-in user (its Privacy setting); a trainer may lift it later."""
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@dataclass
class _PrintPlan:
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


def _download_fingerprint(book: CourseBookPage, variant: BookVariant) -> str:
    """The variant's fingerprint, cached until the content generation or the print design
    changes: downloads then find their stored PDF without reading the book's modules."""
    return generations.cached(
        f"book-fingerprint:{book.pk}:{variant.key}:{design_version()}",
        generations.current(generations.CONTENT),
        lambda: _plan(book, variant).fingerprint,
    )


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
    return book_print_html(
        book=book,
        course=course,
        variant=variant,
        chapters=book_chapters(printed, numbers=numbers),
        book_url=book_public_url(book),
    )


def book_public_url(book) -> str:
    """The book's address on the public site (WAGTAILADMIN_BASE_URL), as printed in it."""
    parts = book.get_url_parts() if book.pk else None
    return site_url() + parts[2] if parts else site_url()


def render_print_pdf(document: PrintDocument):
    """One WeasyPrint render of print HTML, in a child process (a courses.rendering.RenderedPDF),
    reading static files and the document's own image files only."""
    return rendering.render_pdf(
        document.html, base_url=site_url() + "/", media_files=document.media_files
    )


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
        result = render_print_pdf(document)
    except BookRenderError as error:
        BookRendition.objects.update_or_create(
            book=book, variant_key=variant.key, fingerprint=plan.fingerprint,
            defaults={"error": str(error)[:2000]},
        )
        raise
    name = default_storage.save(
        f"books/{book.pk}/{book.slug}-{variant.key}-{plan.fingerprint[:16]}.pdf",
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


def forget_rendition(*, rendition: BookRendition) -> None:
    """Drop the record of a stored PDF whose file has gone missing, so it is made again."""
    logger.warning("Book PDF %s is missing from storage", rendition.file.name)
    rendition.delete()


def book_pdf_for_download(*, book: CourseBookPage, variant: BookVariant) -> BookDownload:
    """The stored PDF if current. Otherwise render it now (immediate task backend) or queue
    one render for a worker and report it as being prepared (any other backend)."""
    from courses.tasks import render_book_variant

    fingerprint = _download_fingerprint(book, variant)
    rendition = current_rendition(book=book, variant=variant, fingerprint=fingerprint)
    if rendition and rendition.is_ready:
        return BookDownload(rendition)
    if isinstance(render_book_variant.get_backend(), ImmediateBackend):
        try:
            return BookDownload(render_book_pdf(book=book, variant=variant))
        except BookRenderError as error:
            return BookDownload(failed=str(error))
    now = timezone.now()
    if rendition is None:
        try:
            with transaction.atomic():
                BookRendition.objects.create(
                    book=book, variant_key=variant.key, fingerprint=fingerprint
                )
        except IntegrityError:  # another request asked for it at the same moment
            return BookDownload()
    elif rendition.requested_at > now - RETRY_AFTER:
        return BookDownload(failed=rendition.error)
    else:
        BookRendition.objects.filter(pk=rendition.pk).update(requested_at=now, error="")
    enqueue_book_renders(books=[book], variant_keys=[variant.key])
    return BookDownload()


def enqueue_book_renders(*, books, variant_keys=None) -> None:
    """After commit, queue a render of each book's variants: the given ones, or its default
    and every variant rendered before (the ones people download)."""
    from courses.tasks import render_book_variant

    jobs = []
    for book in books:
        keys = variant_keys or (
            {BookVariant(size=book.paper_size).key} | rendered_variant_keys(book)
        )
        jobs += [(book.pk, key) for key in sorted(keys)]

    def enqueue():
        for book_id, key in jobs:
            render_book_variant.enqueue(book_id, key)

    transaction.on_commit(enqueue)
