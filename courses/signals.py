"""Decoupled reactions that keep community book PDFs current (connected in apps.py).

Publishing or unpublishing a module queues a render of the books that print it, and only
those; publishing a book or its course queues that course's books. A deleted rendition (a
deleted book takes its renditions with it) takes its stored file with it. A home page's
translation (a language's own tree) gets the home page's review workflow and permissions.

What a change raises in the cache is listed in dashboard.generations.
"""

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from courses import workflows
from courses.books import tasks
from courses.books.selectors import books_containing
from courses.models import BookRendition, CourseBookPage, CoursePage, HomePage, ModulePage


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


def review_translated_home(sender, instance, **kwargs):
    workflows.review_translated_root(page=instance)


def connect():
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(rerender_books_of_module, sender=ModulePage)
    page_unpublished.connect(rerender_books_of_module, sender=ModulePage)
    page_published.connect(rerender_book, sender=CourseBookPage)
    page_published.connect(rerender_books_of_course, sender=CoursePage)
    post_delete.connect(delete_rendition_file, sender=BookRendition)
    post_save.connect(review_translated_home, sender=HomePage)
