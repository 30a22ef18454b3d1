"""The community book PDF for someone using a screen reader or the bookmarks, and the addresses
it prints: a sound tag tree, decoration left out of it, bookmarks that tell worksheets apart
and open by default, and only public web addresses, never broken inside a word."""

import io
import re

import pikepdf
import pytest

from courses.models import ModulePage
from tests import factories
from tests.courses.pdf_reading import page_texts, pdf_bytes

pytestmark = pytest.mark.django_db

PDF_URL = "/courses/service/community-book/pdf/"
PUBLIC = "https://ripple.example.org"
HEADINGS = {f"/H{n}": n for n in range(1, 7)}


@pytest.fixture
def book(db):
    """A two-chapter book whose second chapter has a second worksheet, for home readers."""
    course = factories.course(modules=2)
    module = ModulePage.objects.get(slug="module-2")
    module.body = [*module.body.raw_data, {"type": "community_only", "value": [
        {"type": "reflection", "value": {"intro": "For your home:", "questions": ["Who?"]}},
    ]}]
    module.save_revision().publish()
    return factories.book(course=course)


def download(client, query: str = "") -> bytes:
    response = client.get(PDF_URL + query)
    assert response.status_code == 200, response.content[:300]
    return pdf_bytes(response)


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element of the tag tree, in reading order."""
    found = []

    def walk(element):
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            return
        found.append(element)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid)

    walk(pdf.Root.StructTreeRoot.K[0])
    return found


def outline(pdf: pikepdf.Pdf) -> dict[str, list[str]]:
    """Each top-level bookmark with the labels of the bookmarks under it."""
    with pdf.open_outline() as tree:
        return {item.title: [child.title for child in item.children] for item in tree.root}


def test_the_tag_tree_is_sound_and_the_bookmarks_tell_worksheets_apart_and_open(
    client, book, settings
):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    pdf = pikepdf.open(io.BytesIO(download(client)))

    elements = structure(pdf)
    figures = [element for element in elements if element.S == "/Figure"]
    assert [f for f in figures if not str(f.get("/Alt", "")).strip()] == []
    assert figures == []  # the book has no images: the cover's rings and logo are artifacts
    levels = [HEADINGS[str(element.S)] for element in elements if str(element.S) in HEADINGS]
    assert levels[0] == 1
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert skips == [], f"headings skip a level: {levels}"

    assert pdf.Root.PageMode == "/UseOutlines"
    assert pdf.Root.Lang == "en" and pdf.Root.MarkInfo.Marked
    assert pdf.open_metadata().get("dc:title") == factories.BOOK_TITLE
    bookmarks = outline(pdf)
    assert bookmarks["Module 1"] == ["The driver", "Worksheet 1: reflection", "Session plan"]
    assert bookmarks["Module 2"] == [
        "The driver", "Worksheet 1: reflection", "Session plan", "Worksheet 2: reflection",
    ]


def test_a_large_print_handout_prints_the_public_address_and_never_breaks_it_mid_word(
    client, book, settings
):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC + "/"
    pages = page_texts(download(client, "?module=module-1&print=large"))

    for number, text in enumerate(pages, start=1):
        assert "127.0.0.1" not in text
        # A line may end after a "/" of an address, never inside one of its words.
        joined = re.sub(r"/\s*\n\s*", "/", text)
        assert "ripple.example.org/courses/service/community-book/" in joined, number
        assert "report back: ripple.example.org/my/" in joined, number
        assert not re.search(r"ripple\.example\.org/\S*[-\w]\n", text), number
    assert "report back at ripple.example.org/my/." in re.sub(r"\s+", " ", "".join(pages))


def test_a_site_known_only_by_a_loopback_address_prints_no_address(client, book, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    pages = page_texts(download(client))
    text = re.sub(r"\s+", " ", "\n".join(pages))

    assert "127.0.0.1" not in text and "8000" not in text
    assert "print more copies: ask the person who gave you this book where to find it." in text
    assert "then report back on Ripple, where you took the course." in text
    assert "Go to Ripple, the site where you took the course" in text
    handout = " ".join(page_texts(download(client, "?module=module-2")))
    assert "ask the person who gave you this handout for the whole book" in handout
    assert "127.0.0.1" not in handout
