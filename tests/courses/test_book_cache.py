"""Stored PDFs: a download is a file serve, publishing re-renders only the books it changes,
and a real worker (django-tasks-db) prepares PDFs in the background."""

from io import StringIO
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from courses.books import rendering
from courses.models import BookRendition, ModulePage
from tests import factories
from tests.courses.pdf_reading import page_texts, pdf_bytes

pytestmark = pytest.mark.django_db

PDF_URL = "/courses/service/community-book/pdf/"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def book(db):
    return factories.book(course=factories.course(modules=2))


def counting_renders():
    return mock.patch("courses.books.rendering.render_pdf", wraps=rendering.render_pdf)


def test_a_second_download_serves_the_stored_file_without_rendering_again(client, book):
    with counting_renders() as render:
        first = client.get(PDF_URL)
        second = client.get(PDF_URL)
    assert render.call_count == 1
    assert first.status_code == second.status_code == 200
    assert pdf_bytes(first) == pdf_bytes(second)
    assert second["Content-Type"] == "application/pdf"
    assert second["Content-Disposition"] == 'inline; filename="community-book-a4.pdf"'
    rendition = BookRendition.objects.get()
    assert second["ETag"] == f'"{rendition.fingerprint}"'
    assert second["Last-Modified"]
    assert rendition.pages == len(page_texts(pdf_bytes(client.get(PDF_URL))))


def test_the_pdf_opens_in_the_browser_and_download_1_saves_the_same_file(client, book):
    opened = client.get(PDF_URL)
    with counting_renders() as render:
        saved = client.get(PDF_URL + "?download=1")
        again = client.get(PDF_URL + "?download=1", HTTP_IF_NONE_MATCH=saved["ETag"])
    assert render.call_count == 0
    assert opened["Content-Disposition"] == 'inline; filename="community-book-a4.pdf"'
    assert saved["Content-Disposition"] == 'attachment; filename="community-book-a4.pdf"'
    assert pdf_bytes(saved) == pdf_bytes(opened) and saved["ETag"] == opened["ETag"]
    assert again.status_code == 304


def test_a_client_with_the_current_etag_gets_304_and_no_body(client, book):
    etag = client.get(PDF_URL)["ETag"]
    with counting_renders() as render:
        response = client.get(PDF_URL, HTTP_IF_NONE_MATCH=etag)
        stale = client.get(PDF_URL, HTTP_IF_NONE_MATCH='"an-older-fingerprint"')
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert stale.status_code == 200
    assert render.call_count == 0


def test_downloading_a_current_book_runs_the_same_few_queries_for_2_or_6_modules(
    client, django_assert_max_num_queries
):
    counts = []
    for modules, slug in ((2, "short"), (6, "long")):
        factories.book(course=factories.course(modules=modules, slug=slug))
        url = f"/courses/{slug}/community-book/pdf/"
        client.get(url)  # renders, and warms per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(15):
        client.get(url)


def test_publishing_a_module_rerenders_only_the_books_that_print_it(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    course = factories.course(modules=2)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    whole = factories.book(course=course, slug="whole")
    factories.book(course=course, slug="first-only", modules=[first])
    second_only = factories.book(course=course, slug="second-only", modules=[second])
    factories.book(course=factories.course(modules=2, slug="other"))
    backend = task_backends["default"]
    backend.results.clear()

    with django_capture_on_commit_callbacks(execute=True):
        second.save_revision().publish()

    queued = {
        (result.args[0], result.args[1])
        for result in backend.results
        if result.task.module_path == "courses.books.tasks.render_book_variant"
    }
    assert queued == {(whole.pk, "a4"), (second_only.pk, "a4")}


def test_publishing_a_module_replaces_the_stored_pdf_before_anyone_asks(
    client, book, django_capture_on_commit_callbacks
):
    client.get(PDF_URL)
    old = BookRendition.objects.get()
    module = ModulePage.objects.get(slug="module-1")
    module.body.append(("text", "<p>A freshly published paragraph.</p>"))

    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()

    new = BookRendition.objects.get()
    assert new.fingerprint != old.fingerprint
    assert not default_storage.exists(old.file.name)
    with counting_renders() as render:
        text = "\n".join(page_texts(pdf_bytes(client.get(PDF_URL))))
    assert render.call_count == 0
    assert "A freshly published paragraph." in text


def test_render_books_renders_every_variant_once_and_skips_current_ones(book):
    out = StringIO()
    call_command("render_books", stdout=out)
    assert set(BookRendition.objects.values_list("variant_key", flat=True)) == {
        "a4", "a4-large", "letter", "letter-large", "a4-module-module-1", "a4-module-module-2",
        "a4-booklet", "letter-booklet",
    }
    assert "Teach It Forward (a4): " in out.getvalue()
    with counting_renders() as render:
        call_command("render_books", stdout=StringIO())
    assert render.call_count == 0


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_the_first_download_waits_for_one_background_render(client, settings):
    settings.TASKS = DATABASE_TASKS
    factories.book(course=factories.course(modules=2))
    queued_by_publishing = DBTaskResult.objects.count()

    waiting = client.get(PDF_URL)
    assert waiting.status_code == 202
    html = waiting.content.decode()
    assert "Your PDF is being prepared" in html
    assert '<meta http-equiv="refresh" content="5">' in html
    assert client.get(PDF_URL).status_code == 202
    assert DBTaskResult.objects.count() == queued_by_publishing + 1
    assert not BookRendition.objects.filter(rendered_at__isnull=False).exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    with counting_renders() as render:
        response = client.get(PDF_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert render.call_count == 0


def test_a_stored_pdf_that_went_missing_is_made_again_not_a_server_error(client, book):
    client.get(PDF_URL)
    default_storage.delete(BookRendition.objects.get().file.name)
    response = client.get(PDF_URL)
    assert response.status_code == 200
    assert pdf_bytes(response).startswith(b"%PDF")
    assert default_storage.exists(BookRendition.objects.get().file.name)


def test_deleting_a_book_deletes_its_stored_pdfs(client, book, django_capture_on_commit_callbacks):
    client.get(PDF_URL)
    name = BookRendition.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        book.delete()
    assert not BookRendition.objects.exists()
    assert not default_storage.exists(name)
