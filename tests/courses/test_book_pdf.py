"""The community book PDF as a reader holds it: contents, chapters, running heads, variants."""

import io

import pytest
from pypdf import PdfReader

from courses.models import ModulePage
from tests import factories
from tests.courses.pdf_reading import (
    chapter_start,
    contents_number,
    folio,
    page_texts,
    pdf_bytes,
    running_head,
)
from tests.factories import BOOK_TITLE, COMMUNITY_TEXT, SHARED_TEXT, WORKPLACE_TEXT

pytestmark = pytest.mark.django_db

PDF_URL = "/courses/service/community-book/pdf/"
HEADINGS = ["Module 1", "Neighbours Helping Neighbours", "Module 3"]


@pytest.fixture
def book(db):
    course = factories.course(modules=3, blocks=30)
    module = ModulePage.objects.get(slug="module-2")
    module.community_title = "Neighbours Helping Neighbours"
    module.community_summary = "The same principle, at home and on your street."
    module.save_revision().publish()
    return factories.book(course=course)


def download(client, query: str = "") -> bytes:
    response = client.get(PDF_URL + query)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return pdf_bytes(response)


def assert_contents_are_exact(pages: list[str]) -> None:
    for number, heading in enumerate(HEADINGS, start=1):
        assert contents_number(pages, heading) == chapter_start(pages, number, heading), heading
    assert contents_number(pages, "Foreword") == next(
        n for n, text in enumerate(pages, start=1) if text.startswith("Foreword")
    )
    assert contents_number(pages, "After you teach: report back") == next(
        n for n, text in enumerate(pages, start=1) if text.startswith("WHEN YOU HAVE TAUGHT")
    )


def test_every_contents_entry_gives_the_page_where_its_chapter_opens(client, book, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://ripple.example.org"
    pages = page_texts(download(client))
    assert_contents_are_exact(pages)
    assert pages[0].startswith("COMMUNITY EDITION")
    assert BOOK_TITLE in pages[0] and "Lessons for home and community" in pages[0]
    assert "Credits and licence".upper() in pages[1] and "CC BY-SA 4.0" in pages[1]
    assert "ripple.example.org/my/" in pages[-1]


def test_the_book_prints_the_community_edition_and_never_workplace_only_text(client, book):
    text = "\n".join(page_texts(download(client)))
    assert SHARED_TEXT in text
    assert COMMUNITY_TEXT in text and "Hold on to your goals." in text
    assert WORKPLACE_TEXT not in text
    assert "How does your unit compare?" not in text
    assert "The same principle, at home and on your street." in text
    assert "Summary 2" not in text  # the community summary replaces it
    assert "Teach “Neighbours Helping Neighbours”" in text  # the session plan
    assert "Who served you well? m3" in text  # a worksheet question


def test_pages_carry_running_heads_and_page_numbers(client, book):
    pages = page_texts(download(client))
    for number, text in enumerate(pages[2:], start=3):
        assert folio(text) == str(number)
    heads = [running_head(text) for text in pages]
    assert BOOK_TITLE.upper() in heads
    assert set(HEADINGS) & set(heads)
    for number, heading in enumerate(HEADINGS, start=1):
        opening = pages[chapter_start(pages, number, heading) - 1]
        assert running_head(opening) not in (heading, BOOK_TITLE.upper())


def test_the_pdf_has_metadata_bookmarks_tags_and_the_sites_fonts_embedded(client, book):
    reader = PdfReader(io.BytesIO(download(client)))
    assert reader.metadata.title == BOOK_TITLE
    assert reader.metadata.author == "The test trainers"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    bookmarks = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert bookmarks[:4] == ["Cover", "Credits and licence", "Contents", "Foreword"]
    assert [b for b in bookmarks if b in HEADINGS] == HEADINGS
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())
    assert {name.split("+")[1].split("-")[0] for name in fonts} == {"Source"}


def test_large_print_is_longer_and_its_contents_stay_exact(client, book):
    standard = page_texts(download(client))
    large = page_texts(download(client, "?print=large"))
    assert len(large) > len(standard)
    assert_contents_are_exact(large)


def test_letter_paper_gives_a_letter_sized_pdf_with_its_own_file_name(client, book):
    response = client.get(PDF_URL + "?size=letter&download=1")
    assert response["Content-Disposition"] == 'attachment; filename="community-book-letter.pdf"'
    pdf = pdf_bytes(response)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert_contents_are_exact(page_texts(pdf))


def test_a_handout_has_only_its_module_numbered_from_page_one(client, book, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://ripple.example.org"
    response = client.get(PDF_URL + "?module=module-2")
    assert response.status_code == 200
    assert "community-book-module-2-a4.pdf" in response["Content-Disposition"]
    pages = page_texts(pdf_bytes(response))
    text = "\n".join(pages)
    assert "Neighbours Helping Neighbours" in text and "Who served you well? m2" in text
    assert COMMUNITY_TEXT in text and WORKPLACE_TEXT not in text
    assert "m1" not in text and "m3" not in text and "Module 3" not in text
    assert "Contents" not in text and "Dear teacher" not in text
    assert [folio(text) for text in pages] == [str(n) for n in range(1, len(pages) + 1)]
    assert BOOK_TITLE in pages[0]
    assert all("report back: ripple.example.org/my/" in text for text in pages)


def test_the_screen_edition_is_its_own_file_without_blank_pages(client, book):
    response = client.get(PDF_URL + "?sides=1")
    assert 'filename="community-book-a4-screen.pdf"' in response["Content-Disposition"]
    pages = page_texts(pdf_bytes(response))
    assert all(text.strip() for text in pages)
    assert_contents_are_exact(pages)
