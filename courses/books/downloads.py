"""What a PDF download finds: the stored file, a render made now, or one queued for a worker.

A download of a current book is a file serve, never a re-render: the stored PDF is found by its
fingerprint, which the PDF route caches per content generation (CourseBookPage.pdf).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend

from courses.books import services
from courses.books.selectors import current_rendition
from courses.books.tasks import enqueue_book_renders, render_book_variant
from courses.books.variants import BookVariant
from courses.exceptions import BookRenderError
from courses.models import BookRendition, CourseBookPage

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
        """True while a render has been asked for and has neither finished nor failed."""
        return self.rendition is None and not self.failed


def book_pdf_for_download(
    *, book: CourseBookPage, variant: BookVariant, fingerprint: str
) -> BookDownload:
    """The stored PDF at `fingerprint` (courses.books.services.print_fingerprint) if there is
    one. Otherwise render it now (immediate task backend) or queue one render for a worker and
    report it as being prepared (any other backend)."""
    rendition = current_rendition(book=book, variant=variant, fingerprint=fingerprint)
    if rendition and rendition.is_ready:
        return BookDownload(rendition)
    if isinstance(render_book_variant.get_backend(), ImmediateBackend):
        try:
            return BookDownload(services.render_book_pdf(book=book, variant=variant))
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


def forget_rendition(*, rendition: BookRendition) -> None:
    """Drop the record of a stored PDF whose file has gone missing, so it is made again."""
    logger.warning("Book PDF %s is missing from storage", rendition.file.name)
    rendition.delete()
