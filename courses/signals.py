"""Decoupled reactions that keep community book PDFs and cached pages current (apps.py).

Publishing or unpublishing a module queues a render of the books that print it, and only
those; publishing a book or its course queues that course's books. A deleted rendition (a
deleted book takes its renditions with it) takes its stored file with it.

Anything published readers see (pages, their privacy, principles, images, sites) raises the
"content" generation, so every fragment cached from it is rebuilt (caching.generations).
"""

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page

from caching import generations
from courses.books import tasks
from courses.books.selectors import books_containing
from courses.models import BookRendition, CourseBookPage, CoursePage, ModulePage, Principle


def rerender_books_of_module(sender, instance, **kwargs):
    tasks.enqueue_book_renders(books=list(books_containing(instance)))


def rerender_book(sender, instance, **kwargs):
    tasks.enqueue_book_renders(books=[instance])


def rerender_books_of_course(sender, instance, **kwargs):
    tasks.enqueue_book_renders(books=list(CourseBookPage.objects.live().child_of(instance)))


def delete_rendition_file(sender, instance, **kwargs):
    if instance.file:
        name = instance.file.name
        transaction.on_commit(lambda: default_storage.delete(name))


def content_changed(sender, **kwargs):
    generations.bump(generations.CONTENT)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        generations.bump(generations.CONTENT)


def connect():
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(rerender_books_of_module, sender=ModulePage)
    page_unpublished.connect(rerender_books_of_module, sender=ModulePage)
    page_published.connect(rerender_book, sender=CourseBookPage)
    page_published.connect(rerender_books_of_course, sender=CoursePage)
    post_delete.connect(delete_rendition_file, sender=BookRendition)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content-{id(signal)}")
    post_delete.connect(page_deleted, dispatch_uid="content-page-deleted")
    for model in (PageViewRestriction, Principle, get_image_model(), Site):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-save-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-del-{model}")
    m2m_changed.connect(
        content_changed, sender=PageViewRestriction.groups.through, dispatch_uid="content-groups"
    )
