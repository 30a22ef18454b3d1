"""More ways to have the book: handouts in every size, chosen chapters, the folded booklet, EPUB."""

import io
import re
import zipfile
from unittest import mock

import pytest
from ebooklib import ITEM_DOCUMENT, ITEM_NAVIGATION, epub
from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, NameObject
from wagtail.models import PageViewRestriction

from courses.books import rendering
from courses.books.booklet import saddle_stitch_order
from courses.books.variants import BookVariant
from courses.models import BookRendition, ModulePage
from tests import factories
from tests.courses.pdf_reading import (
    chapter_start,
    contents_number,
    contents_page,
    flat,
    folio,
    page_texts,
    pdf_bytes,
)
from tests.factories import BOOK_TITLE, COMMUNITY_TEXT, SHARED_TEXT, WORKPLACE_TEXT

pytestmark = pytest.mark.django_db

BOOK_URL = "/courses/service/community-book/"
PDF_URL = BOOK_URL + "pdf/"
EPUB_URL = BOOK_URL + "epub/"
HEADINGS = ["Module 1", "Neighbours Helping Neighbours", "Module 3"]
A4_LANDSCAPE = (842, 595)


@pytest.fixture
def book(db):
    course = factories.course(modules=3, blocks=12)
    module = ModulePage.objects.get(slug="module-2")
    module.community_title = "Neighbours Helping Neighbours"
    module.save_revision().publish()
    return factories.book(course=course)


def counting_renders():
    return mock.patch("courses.books.rendering.render_pdf", wraps=rendering.render_pdf)


def download(client, query: str):
    response = client.get(PDF_URL + query)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return response


def test_variant_keys_name_each_new_form_once_and_leave_the_old_keys_alone():
    assert BookVariant().key == "a4"
    assert BookVariant(size="letter", large_print=True).key == "letter-large"
    assert BookVariant(module_slug="my-booklet").key == "a4-module-my-booklet"
    variants = [
        BookVariant(booklet=True),
        BookVariant(size="letter", large_print=True, booklet=True),
        BookVariant(chapters=("module-1", "module-chapters-3")),
        BookVariant(large_print=True, booklet=True, chapters=("a-module-x",)),
        BookVariant(size="letter", large_print=True, module_slug="my-chapters-1"),
    ]
    assert [v.key for v in variants[:3]] == [
        "a4-booklet", "letter-large-booklet", "a4-chapters-module-1.module-chapters-3",
    ]
    for variant in variants:
        assert BookVariant.from_key(variant.key) == variant


def test_a_chapter_selection_prints_exactly_its_chapters_with_an_exact_contents_page(
    client, book
):
    with counting_renders() as render:
        response = download(client, "?chapter=module-3&chapter=module-1")
        again = download(client, "?chapter=module-1&chapter=module-3")  # same choice, book order
    assert render.call_count == 1
    pdf = pdf_bytes(response)
    assert pdf_bytes(again) == pdf
    filename = "community-book-2-chapters-a4.pdf"
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'
    assert BookRendition.objects.get().variant_key == "a4-chapters-module-1.module-3"
    pages = page_texts(pdf)
    contents = flat(pages[contents_page(pages)])
    # Exactly the chosen chapters, under their numbers in the whole book.
    assert contents_number(pages, "Module 1") == chapter_start(pages, 1, "Module 1")
    assert contents_number(pages, "Module 3") == chapter_start(pages, 3, "Module 3")
    assert "Neighbours Helping Neighbours" not in contents and "Foreword" not in contents
    assert contents_number(pages, "After you teach: report back") == next(
        n for n, text in enumerate(pages, start=1) if text.startswith("WHEN YOU HAVE TAUGHT")
    )
    text = "\n".join(pages)
    assert "Who served you well? m1" in text and "Who served you well? m3" in text
    assert "m2" not in text and "Dear teacher" not in text
    assert COMMUNITY_TEXT in text and WORKPLACE_TEXT not in text
    assert BOOK_TITLE in pages[0] and "CC BY-SA 4.0" in pages[1]  # cover and credits kept


@pytest.mark.parametrize(
    "query, message",
    [
        ("?choose=chapters", "Choose at least one chapter to print."),
        ("?chapter=module-1&chapter=module-1", "one was chosen twice"),
        ("?chapter=module-1&chapter=no-such-module", "no module by that name: “no-such-module”"),
        ("?chapter=../etc", "not a module of this book"),
        ("?chapter=module-1&module=module-2", "not both"),
        ("?layout=fold", "choose layout=booklet"),
    ],
)
def test_a_wrong_chapter_choice_or_layout_gets_a_clear_400_and_prints_nothing(
    client, book, query, message
):
    with counting_renders() as render:
        response = client.get(PDF_URL + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert render.call_count == 0 and not BookRendition.objects.exists()


def test_a_handout_comes_in_letter_large_print_numbered_from_page_one(client, book):
    response = download(client, "?module=module-2&size=letter&print=large")
    assert "community-book-module-2-letter-large-print.pdf" in response["Content-Disposition"]
    pdf = pdf_bytes(response)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    pages = page_texts(pdf)
    assert [folio(text) for text in pages] == [str(n) for n in range(1, len(pages) + 1)]
    assert "Neighbours Helping Neighbours" in flat(pages[0]) and "m3" not in "\n".join(pages)


def sheet_folios(pdf: bytes) -> list[tuple[list[int], list[int]]]:
    """Each printed side's page numbers (the digits in the foot margin of each placed page), as
    (numbers on the left half, numbers on the right half), read from where they are drawn."""
    reader = PdfReader(io.BytesIO(pdf))
    sides = []
    for sheet in reader.pages:
        width = float(sheet.mediabox.width)
        found, matrix, saved = [], [1, 0, 0, 1, 0, 0], []
        for operands, operator in ContentStream(sheet.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(matrix)
            elif operator == b"Q":
                matrix = saved.pop()
            elif operator == b"cm":
                matrix = [float(value) for value in operands]
            elif operator == b"Do":  # a placed page: read its text where the sheet puts it
                form = sheet["/Resources"]["/XObject"][operands[0]].get_object()
                page = PageObject.create_blank_page(pdf=reader, width=width, height=1)
                page[NameObject("/Resources")] = form["/Resources"]
                page[NameObject("/Contents")] = form

                def visit(text, cm, tm, font, size, shift=matrix[4], found=found):
                    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    if text.strip().isdigit() and y < 60:
                        found.append((int(text), shift + x))

                page.extract_text(visitor_text=visit)
        half = width / 2
        sides.append(([n for n, x in found if x < half], [n for n, x in found if x >= half]))
    return sides


def test_saddle_stitch_order_pairs_the_outermost_pages_first():
    assert saddle_stitch_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert saddle_stitch_order(5) == [(8, 1), (2, 7), (6, 3), (4, 5)]  # padded to 8
    assert saddle_stitch_order(4) == [(4, 1), (2, 3)]


def test_a_booklet_puts_a5_pages_two_to_an_a4_sheet_in_saddle_stitch_order(client, book):
    response = download(client, "?layout=booklet")
    assert "community-book-a4-booklet.pdf" in response["Content-Disposition"]
    pdf = pdf_bytes(response)
    sheets = PdfReader(io.BytesIO(pdf)).pages
    assert all(
        (round(float(s.mediabox.width)), round(float(s.mediabox.height))) == A4_LANDSCAPE
        for s in sheets
    )
    sides = sheet_folios(pdf)
    total = 2 * len(sides)  # two pages a side, padded to a multiple of 4
    assert total % 4 == 0
    order = saddle_stitch_order(total)
    numbered = 0
    for (left, right), (left_numbers, right_numbers) in zip(order, sides, strict=True):
        assert left_numbers in ([], [left]) and right_numbers in ([], [right]), (left, right)
        numbered += len(left_numbers) + len(right_numbers)
    assert numbered > total * 0.6  # most pages carry their number (not cover, credits, blanks)
    text = "\n".join(page_texts(pdf))
    assert COMMUNITY_TEXT in text and WORKPLACE_TEXT not in text
    assert BookRendition.objects.get().pages == len(sides)


def read_epub(data: bytes) -> epub.EpubBook:
    path = io.BytesIO(data)
    return epub.read_epub(path, {"ignore_ncx": True})


def test_the_epub_is_the_community_edition_with_its_chapters_and_contents(client, book):
    response = client.get(EPUB_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/epub+zip"
    assert response["Content-Disposition"] == 'attachment; filename="community-book.epub"'
    data = response.content
    archive = zipfile.ZipFile(io.BytesIO(data))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    container = archive.read("META-INF/container.xml").decode()
    opf_path = container.split('full-path="')[1].split('"')[0]
    opf = archive.read(opf_path).decode()
    assert 'version="3.0"' in opf and "<dc:language>en</dc:language>" in opf
    assert f"<dc:title>{BOOK_TITLE}</dc:title>" in opf

    publication = read_epub(data)
    nav = next(publication.get_items_of_type(ITEM_NAVIGATION)).get_content().decode()
    if not nav.strip():  # ebooklib files the EPUB 3 nav as a document
        nav = publication.get_item_with_href("nav.xhtml").get_content().decode()
    entries = [f"{n}. {heading}" for n, heading in enumerate(HEADINGS, start=1)]
    positions = [nav.index(entry) for entry in entries]
    assert positions == sorted(positions)
    assert "After you teach: report back" in nav
    documents = {
        item.get_name(): item.get_content().decode()
        for item in publication.get_items_of_type(ITEM_DOCUMENT)
    }
    chapters = [documents[f"chapter-{n}.xhtml"] for n in (1, 2, 3)]
    for chapter, heading in zip(chapters, HEADINGS, strict=True):
        assert heading in chapter
    text = "\n".join(documents.values())
    assert SHARED_TEXT in text and COMMUNITY_TEXT in text and "Who served you well? m2" in text
    assert WORKPLACE_TEXT not in text and "How does your unit compare?" not in text
    assert "Dear teacher, thank you." in text and "CC BY-SA 4.0" in text
    assert 'href="/' not in text  # site links are absolute: an e-reader has no site


def test_the_epub_has_a_cover_picture_for_e_reader_shelves_and_opens_on_it(client, book):
    data = client.get(EPUB_URL).content
    publication = read_epub(data)
    cover = publication.get_item_with_href("images/cover.png")
    assert cover is not None, "no cover picture in the EPUB"
    picture = Image.open(io.BytesIO(cover.get_content()))
    assert (picture.format, picture.size) == ("PNG", (1600, 2560))
    # Not a blank page: the title and the ripples put ink on a good part of it.
    inked = sum(picture.convert("L").histogram()[:200])
    assert inked > 0.02 * 1600 * 2560
    archive = zipfile.ZipFile(io.BytesIO(data))
    opf = next(archive.read(name).decode() for name in archive.namelist() if name.endswith(".opf"))
    # EPUB 3 readers find it by the manifest property, EPUB 2 readers by the meta.
    assert re.search(r'<item [^>]*href="images/cover.png"[^>]*properties="cover-image"', opf)
    assert '<meta name="cover" content="cover-img"' in opf
    first_page = publication.get_item_with_id(publication.spine[0][0])
    assert first_page.get_name() == "cover.xhtml"
    assert f'alt="Cover: {BOOK_TITLE}"' in first_page.get_content().decode()


def test_the_epub_answers_304_to_a_current_copy_and_keeps_the_books_privacy(client, book):
    etag = client.get(EPUB_URL)["ETag"]
    assert client.get(EPUB_URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    restriction = PageViewRestriction.objects.create(
        page=book, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(EPUB_URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    restriction.delete()
    assert client.post(EPUB_URL).status_code == 405


def test_the_web_book_page_offers_every_handout_the_booklet_the_epub_and_a_chapter_form(
    client, book
):
    html = client.get(BOOK_URL).content.decode()
    handouts = ("", "print=large&amp;", "size=letter&amp;", "size=letter&amp;print=large&amp;")
    for query in (prefix + "module=module-2" for prefix in handouts):
        assert f'href="{PDF_URL}?{query}"' in html, query
    assert f'href="{PDF_URL}?layout=booklet"' in html
    assert f'href="{PDF_URL}?size=letter&amp;layout=booklet"' in html
    assert "flipping on the short edge" in html
    assert f'href="{EPUB_URL}"' in html
    assert f'action="{PDF_URL}"' in html and 'name="choose" value="chapters"' in html
    for slug in ("module-1", "module-2", "module-3"):
        assert f'name="chapter" value="{slug}"' in html
    for documented in ("chapter=", "layout=booklet"):
        assert f"<code>{documented}" in html
