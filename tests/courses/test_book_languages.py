"""The community book in each language: a translated book is a page of its language's tree, its
web edition lists the book's languages, every format speaks its language (lang, file names)
and a chapter not yet translated is given in the source language with a note."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from courses.books.services import print_book_html
from courses.books.variants import BookVariant
from courses.models import BookRendition, ModulePage
from tests import factories
from tests.courses.pdf_reading import page_texts, pdf_bytes
from tests.courses.translating import publish_translation

pytestmark = pytest.mark.django_db

SPANISH_BOOK = "/es/courses/service/community-book/"
ENGLISH_BOOK = "/courses/service/community-book/"
NOTE_ES = "Este capítulo aún no está traducido. Se ofrece aquí en el idioma en que se escribió."


@pytest.fixture
def books(db):
    """The test book in English, and its Spanish edition with module 1 translated (not 2)."""
    course = factories.course(modules=2, public=True)
    english = factories.book(course=course)
    module = ModulePage.objects.get(slug="module-1")
    body = list(module.body.raw_data)
    body[0] = {**body[0], "value": "<p>Texto compartido sobre personas que ayudan.</p>"}
    publish_translation(
        module, "es", title="Módulo uno", community_title="Vecinos que ayudan",
        community_summary="El mismo principio, en casa y en tu calle.", body=body,
    )
    spanish = publish_translation(english, "es", title="Enséñalo a otros",
                                  subtitle="Lecciones para casa y la comunidad")
    return english, spanish


def test_the_web_edition_lists_the_books_languages(client, books):
    english, spanish = books
    html = client.get(ENGLISH_BOOK).content.decode()
    assert f'href="{SPANISH_BOOK}" hreflang="es" lang="es">Español</a>' in html
    html = client.get(SPANISH_BOOK).content.decode()
    assert f'href="{ENGLISH_BOOK}?language=en" hreflang="en" lang="en">English</a>' in html
    assert '<span aria-current="page" lang="es">Español</span>' in html


def test_an_untranslated_chapter_is_given_in_the_source_language_with_a_note(client, books):
    html = client.get(SPANISH_BOOK).content.decode()
    assert "Vecinos que ayudan" in html and "Texto compartido sobre personas" in html
    # Module 2 has no Spanish translation: it is there, in English, and says so (once).
    assert 'class="section book-chapter" lang="en" dir="ltr" id="chapter-module-2"' in html
    assert html.count(NOTE_ES) == 1
    assert "untranslated-note" not in client.get(ENGLISH_BOOK).content.decode()


def test_the_spanish_pdf_speaks_spanish_and_is_named_for_its_language(client, books):
    english, spanish = books
    document = print_book_html(book=spanish, variant=BookVariant(size="a4"))
    assert '<html lang="es" dir="ltr"' in document.html
    assert '<section class="chapter" lang="en" dir="ltr" id="chapter-module-2"' in document.html

    response = client.get(SPANISH_BOOK + "pdf/?download=1")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="community-book-es-a4.pdf"'
    pdf = pdf_bytes(response)
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "es"
    text = " ".join(" ".join(page.split()) for page in page_texts(pdf))
    assert "Vecinos que ayudan" in text and "Enséñalo a otros" in text
    assert NOTE_ES in text

    english_pdf = client.get(ENGLISH_BOOK + "pdf/?download=1")
    assert english_pdf["Content-Disposition"] == 'attachment; filename="community-book-a4.pdf"'
    assert "Vecinos" not in " ".join(page_texts(pdf_bytes(english_pdf)))


def test_a_spanish_handout_and_the_epub_are_spanish_too(client, books):
    response = client.get(SPANISH_BOOK + "pdf/?module=module-1&download=1")
    assert response["Content-Disposition"] == (
        'attachment; filename="community-book-es-module-1-a4.pdf"'
    )
    assert "Vecinos que ayudan" in " ".join(page_texts(pdf_bytes(response)))
    response = client.get(SPANISH_BOOK + "epub/")
    assert response["Content-Disposition"] == 'attachment; filename="community-book-es.epub"'
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)
                                    if response.streaming else response.content)) as epub:
        opf = next(epub.read(name).decode() for name in epub.namelist() if name.endswith(".opf"))
        chapters = "".join(
            epub.read(name).decode() for name in epub.namelist() if "chapter-" in name
        )
    assert "<dc:language>es</dc:language>" in opf
    assert "Vecinos que ayudan" in chapters and NOTE_ES in chapters


def test_each_languages_book_has_its_own_stored_pdf(client, books):
    english, spanish = books
    client.get(ENGLISH_BOOK + "pdf/")
    client.get(SPANISH_BOOK + "pdf/")
    names = [
        [rendition.file.name for rendition in BookRendition.objects.filter(book_id=book.pk)]
        for book in (english, spanish)
    ]
    assert re.fullmatch(rf"books/{english.pk}/community-book-a4-\w+\.pdf", names[0][0])
    assert re.fullmatch(rf"books/{spanish.pk}/community-book-es-a4-\w+\.pdf", names[1][0])


def test_a_spanish_speaking_reader_lands_on_the_spanish_edition(client, books):
    response = client.get(ENGLISH_BOOK + "pdf/?size=letter", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == SPANISH_BOOK + "pdf/?size=letter"
    # A link that offers the English edition by name keeps it.
    response = client.get(ENGLISH_BOOK + "?language=en", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert "Teach It Forward" in response.content.decode()
    # English readers are never sent anywhere; pages without a translation stay put.
    assert client.get(ENGLISH_BOOK, HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    assert client.get("/courses/service/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == (
        "/es/courses/service/"
    )


def test_pages_outside_the_page_tree_speak_the_readers_language(client, books):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert client.get("/accounts/login/")["Content-Language"] == "en"
