"""Background work for courses: rendering community book PDFs (django-tasks).

In development tasks run at once (TASK_BACKEND=immediate). In production set
TASK_BACKEND=database and run a worker beside the web processes:

    python manage.py db_worker            # runs queued tasks until stopped
    python manage.py db_worker --batch    # runs what is queued, then exits

After a deploy that changes the print design, `python manage.py render_books` renders every
book again so that downloads stay instant.
"""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def render_book_variant(book_id: int, variant_key: str) -> str | None:
    """Render one variant of a live book if its stored PDF is not current; its fingerprint."""
    from courses import services
    from courses.exceptions import EmptyBook, UnknownModule
    from courses.models import CourseBookPage
    from courses.variants import BookVariant

    book = CourseBookPage.objects.live().filter(pk=book_id).first()
    if book is None:
        return None
    try:
        rendition = services.render_book_pdf(book=book, variant=BookVariant.from_key(variant_key))
    except (EmptyBook, UnknownModule):
        logger.info("Book %s has nothing to print as %s", book_id, variant_key)
        return None
    return rendition.fingerprint
