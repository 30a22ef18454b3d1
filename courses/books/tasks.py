"""Background work for community books: rendering their PDFs (django-tasks).

In development tasks run at once (TASK_BACKEND=immediate). In production set
TASK_BACKEND=database and run a worker beside the web processes:

    python manage.py db_worker            # runs queued tasks until stopped
    python manage.py db_worker --batch    # runs what is queued, then exits

After a deploy that changes the print design, `python manage.py render_books` renders every
book again so that downloads stay instant.
"""

import logging

from django.db import transaction
from django_tasks import task

from courses.books import services
from courses.books.selectors import rendered_variant_keys
from courses.books.variants import BookVariant
from courses.exceptions import EmptyBook, UnknownModule
from courses.models import CourseBookPage

logger = logging.getLogger(__name__)


@task()
def render_book_variant(book_id: int, variant_key: str) -> str | None:
    """Render one variant of a live book if its stored PDF is not current; its fingerprint."""
    book = CourseBookPage.objects.live().filter(pk=book_id).first()
    if book is None:
        return None
    try:
        rendition = services.render_book_pdf(book=book, variant=BookVariant.from_key(variant_key))
    except (EmptyBook, UnknownModule):
        logger.info("Book %s has nothing to print as %s", book_id, variant_key)
        return None
    return rendition.fingerprint


def enqueue_book_renders(*, books, variant_keys=None) -> None:
    """After commit, queue a render of each book's variants: the given ones, or its default
    and every variant rendered before (the ones people download)."""
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
