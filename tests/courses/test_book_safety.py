"""Bad input never breaks the book: the fetcher opens only the site's own files, broken or
hostile content is left out, renders are bounded, and odd URLs get a clear page."""

import io
import os
import socket
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from courses.books import rendering
from courses.books.fetcher import SafeURLFetcher, URLRefused
from courses.books.printing import static_file
from courses.exceptions import BookRenderError
from courses.models import BookRendition, ModulePage
from tests import factories
from tests.courses.pdf_reading import page_texts, pdf_bytes
from tests.factories import SHARED_TEXT

pytestmark = pytest.mark.django_db

PDF_URL = "/courses/service/community-book/pdf/"
BOOK_URL = "/courses/service/community-book/"
HOSTILE_HTML = (
    "<p>Intact text before.</p>"
    '<p><img src="file:///etc/passwd" alt="">'
    '<img src="http://127.0.0.1:1/tracker.png" alt=""></p>'
    '<p style="background: url(https://example.com/bg.png)">Intact text after.</p>'
)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("The fetcher tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def fetcher():
    return SafeURLFetcher(allowed_roots=rendering.static_roots())


@pytest.fixture
def spy_renders(monkeypatch):
    """Every RenderedPDF returned, to see what each render refused."""
    results = []
    real = rendering.render_pdf

    def render(*args, **kwargs):
        results.append(real(*args, **kwargs))
        return results[-1]

    monkeypatch.setattr(rendering, "render_pdf", render)
    return results


def test_the_fetcher_refuses_local_files_outside_the_static_folders(
    fetcher, no_network, tmp_path
):
    escape = static_file("css/book.css").parent.as_uri() + "/../../../../../../etc/passwd"
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "passwd-link").symlink_to("/etc/passwd")
    for url in ("file:///etc/passwd", escape, (media / "passwd-link").as_uri(),
                "file://evil.example/etc/passwd", f"file://{tmp_path}/secret.txt"):
        with pytest.raises(URLRefused):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 5


def test_the_fetcher_reads_a_media_file_only_when_the_book_lists_it(no_network):
    media = Path(settings.MEDIA_ROOT) / "images"
    media.mkdir(parents=True, exist_ok=True)
    listed, unlisted = media / "listed.png", media / "unlisted.png"
    listed.write_bytes(png_bytes())
    unlisted.write_bytes(png_bytes())
    fetcher = SafeURLFetcher(
        allowed_roots=rendering.static_roots(), allowed_files=[listed.as_uri()]
    )

    assert fetcher.fetch(listed.as_uri()).read() == png_bytes()
    with pytest.raises(URLRefused):
        fetcher.fetch(unlisted.as_uri())
    with pytest.raises(URLRefused):
        fetcher.fetch(media.as_uri() + "/../images/unlisted.png")
    assert fetcher.refused == [unlisted.as_uri(), media.as_uri() + "/../images/unlisted.png"]


def test_the_fetcher_refuses_web_urls_without_connecting(fetcher, no_network):
    for url in ("http://127.0.0.1:8000/", "http://localhost/static/css/book.css",
                "https://example.com/image.png", "ftp://127.0.0.1/file", "gopher://x/"):
        with pytest.raises(URLRefused):
            fetcher(url)
    assert fetcher.refused[0] == "http://127.0.0.1:8000/"


def test_the_fetcher_serves_the_sites_stylesheet_fonts_and_data_uris(fetcher, no_network):
    css = fetcher.fetch(static_file("css/book.css").as_uri())
    assert b"@font-face" in css.read()
    font = fetcher.fetch(static_file("fonts/source-serif-4-latin-400-normal.woff").as_uri())
    assert font.content_type == "font/woff"
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    assert fetcher.refused == []


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_broken_images_and_foreign_urls_are_left_out_and_the_rest_prints(
    client, spy_renders
):
    Image = get_image_model()
    good = Image.objects.create(title="Good", file=ContentFile(png_bytes(), "good.png"))
    broken = Image.objects.create(title="Gone", file=ContentFile(png_bytes(), "gone.png"))
    os.remove(broken.file.path)
    course = factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    for image in (good, broken):
        module.body.append(("image", {"image": image, "alt_text": image.title, "caption": ""}))
    module.body.append(("text", HOSTILE_HTML))
    module.save_revision().publish()
    factories.book(course=course)

    response = client.get(PDF_URL)

    assert response.status_code == 200
    text = "\n".join(page_texts(pdf_bytes(response)))
    assert "Intact text before." in text and "Intact text after." in text and SHARED_TEXT in text
    refused = spy_renders[0].refused
    assert "file:///etc/passwd" in refused
    assert "http://127.0.0.1:1/tracker.png" in refused
    assert "https://example.com/bg.png" in refused
    images = {
        xobject.idnum for page in PdfReader(io.BytesIO(pdf_bytes(client.get(PDF_URL)))).pages
        for xobject in page["/Resources"].get("/XObject", {}).values()
        if xobject.get_object().get("/Subtype") == "/Image"
    }
    assert len(images) == 1  # the good image; the broken one is left out


def test_enormous_text_is_left_out_with_a_note_and_the_rest_prints(client):
    course = factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    module.body.append(("text", "<p>" + "An endless sentence goes on. " * 8000 + "</p>"))
    module.body.append(("text", "<p>The chapter carries on afterwards.</p>"))
    module.save_revision().publish()
    factories.book(course=course)

    response = client.get(PDF_URL)

    assert response.status_code == 200
    pages = page_texts(pdf_bytes(response))
    text = "\n".join(pages)
    assert "too long for the printed book" in text
    assert "The chapter carries on afterwards." in text and SHARED_TEXT in text
    assert len(pages) < 20


def test_a_render_that_runs_too_long_is_stopped_with_a_clear_error():
    with pytest.raises(BookRenderError, match="longer than"):
        rendering.render_pdf("<p>" + "word " * 50000 + "</p>", base_url="/", timeout=0.5)


def test_a_render_that_needs_too_much_memory_is_stopped_with_a_clear_error():
    with pytest.raises(BookRenderError, match="memory"):
        rendering.render_pdf("<p>Hello</p>", base_url="/", memory_mb=64)


def test_a_failed_render_gets_a_friendly_page_not_a_server_error(client, monkeypatch):
    factories.book(course=factories.course(modules=1))

    def fail(*args, **kwargs):
        raise BookRenderError("The render took longer than 120 seconds.")

    monkeypatch.setattr(rendering, "render_pdf", fail)
    response = client.get(PDF_URL)
    assert response.status_code == 503
    assert "could not be prepared just now" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?size=tabloid", "is not a paper size we print"),
        ("?print=huge", "is not a print option"),
        ("?sides=3", "is not a way we print"),
        ("?module=no-such-module", "no module by that name"),
        ("?module=../../etc/passwd", "not a module of this book"),
    ],
)
def test_an_unknown_variant_gets_a_400_page_that_says_why(client, query, message):
    factories.book(course=factories.course(modules=1))
    response = client.get(PDF_URL + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BookRendition.objects.exists()


def test_a_book_with_no_live_modules_says_so_and_its_pdf_link_does_not_fail(client):
    factories.book(course=factories.course(modules=0))
    page = client.get(BOOK_URL)
    assert page.status_code == 200
    assert "This book has no chapters yet." in page.content.decode()
    response = client.get(PDF_URL)
    assert response.status_code == 404
    assert "This book has no chapters yet" in response.content.decode()
    assert not BookRendition.objects.exists()


def embedded_files(pdf: bytes) -> dict[str, bytes]:
    """Files carried inside a PDF: document attachments and file-attachment annotations."""
    reader = PdfReader(io.BytesIO(pdf))
    files = {name: b"".join(data) for name, data in reader.attachments.items()}
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                spec = annotation["/FS"].get_object()
                files[spec["/UF"]] = spec["/EF"]["/F"].get_object().get_data()
    return files


def image_count(pdf: bytes) -> int:
    return len({
        xobject.idnum for page in PdfReader(io.BytesIO(pdf)).pages
        for xobject in page["/Resources"].get("/XObject", {}).values()
        if xobject.get_object().get("/Subtype") == "/Image"
    })


def test_documents_and_other_media_files_named_in_book_content_are_never_embedded(
    client, spy_renders, caplog
):
    Image = get_image_model()
    own = Image.objects.create(title="Own", file=ContentFile(png_bytes(), "own.png"))
    elsewhere = Image.objects.create(title="Elsewhere", file=ContentFile(png_bytes(), "x.png"))
    document = get_document_model().objects.create(
        title="Salaries", file=ContentFile(b"SECRET SALARIES", "salaries.txt")
    )
    stray = Path(settings.MEDIA_ROOT) / "private" / "notes.txt"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("SECRET NOTES")
    hostile = [
        Path(document.file.path).as_uri(),
        stray.as_uri(),
        Path(elsewhere.file.path).as_uri(),
        Path(own.file.path).as_uri(),  # the book prints a rendition, not the original
    ]
    course = factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    module.body.append(("image", {"image": own, "alt_text": "Own", "caption": ""}))
    module.body.append(("text", (
        "<p>Intact text before.</p>"
        f'<p><a rel="attachment" href="{hostile[0]}">Salaries</a>'
        f' <a rel="attachment" href="{hostile[1]}">Notes</a></p>'
        f'<p><img src="{hostile[2]}" alt=""><img src="{hostile[3]}" alt=""></p>'
        "<p>Intact text after.</p>"
    )))
    module.save_revision().publish()
    factories.book(course=course)

    response = client.get(PDF_URL)

    assert response.status_code == 200
    document_pdf = pdf_bytes(response)
    text = "\n".join(page_texts(document_pdf))
    assert "Intact text before." in text and "Intact text after." in text
    assert embedded_files(document_pdf) == {}
    assert b"SECRET" not in document_pdf
    assert image_count(document_pdf) == 1  # the book's own image, and nothing else
    assert set(hostile) <= set(spy_renders[0].refused)
    assert "Book render left out" in caplog.text


def test_the_books_own_images_and_cover_are_read_by_the_fetcher(client, spy_renders):
    Image = get_image_model()
    cover = Image.objects.create(title="Cover", file=ContentFile(png_bytes(), "cover.png"))
    inside = Image.objects.create(title="Inside", file=ContentFile(png_bytes(), "inside.png"))
    course = factories.course(modules=1)
    module = ModulePage.objects.get(slug="module-1")
    module.body.append(("image", {"image": inside, "alt_text": "Inside", "caption": ""}))
    module.save_revision().publish()
    factories.book(course=course, cover_image=cover)

    response = client.get(PDF_URL)

    assert response.status_code == 200
    assert image_count(pdf_bytes(response)) == 2
    assert spy_renders[0].refused == []
