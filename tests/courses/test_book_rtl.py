"""A book in a language written right to left (Arabic, a content language only in this test):
its print HTML says so, its text is set from the right, and every Arabic glyph is in the
embedded Noto Naskh Arabic (no missing-glyph boxes)."""

import io

import pytest
from django.test import override_settings
from pypdf import PdfReader
from pypdf.generic import ContentStream

from courses.blocks import stored_stream
from courses.books.services import print_book_html, render_print_pdf
from courses.books.variants import BookVariant
from courses.models import ModulePage
from tests import factories
from tests.courses.translating import publish_translation

pytestmark = pytest.mark.django_db

TITLE = "الناس يساعدون الناس"
SUMMARY = "أفضل مساعدة تأتي من شخص."
PARAGRAPH = (
    "فكّر في أفضل خدمة تلقيتها في حياتك. غالبًا ما تأتي من شخص قرر أن يساعد، "
    "لا من نظام أو قاعدة. هؤلاء هم المساعدون من حولنا، وقلّما يشكرهم أحد."
)
QUESTION = "من ساعدك مؤخرًا، وكيف شعرت؟"
LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]


def is_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


@pytest.fixture
def handouts(db):
    """One chapter printed as a handout in English, and in its Arabic translation."""
    course = factories.course(modules=1, public=True)
    book = factories.book(course=course)
    module = ModulePage.objects.get(slug="module-1")
    body = stored_stream([
        {"type": "text", "value": f"<p>{PARAGRAPH}</p>"},
        {"type": "reflection", "value": {"intro": SUMMARY, "questions": [QUESTION]}},
    ])
    publish_translation(module, "ar", title=TITLE, community_title=TITLE,
                        community_summary=SUMMARY, body=body)
    arabic_book = publish_translation(book, "ar", title=TITLE)
    variant = BookVariant(size="a4", module_slug="module-1")
    return print_book_html(book=book, variant=variant), print_book_html(
        book=arabic_book, variant=variant
    )


def text_runs(pdf: bytes) -> list[tuple[str, float]]:
    """Each text run of the first page with the x where it starts (points from the left)."""
    runs = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            runs.append((text.strip(), cm[4] + tm[4] * cm[0]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


def glyph_ids_by_font(pdf: bytes) -> dict[str, list[int]]:
    """The glyph ids each embedded font draws (WeasyPrint writes two-byte glyph ids)."""
    reader = PdfReader(io.BytesIO(pdf))
    drawn: dict[str, list[int]] = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(fonts[operands[0]].get_object()["/BaseFont"])
            elif operator in (b"Tj", b"TJ"):
                strings = operands[0] if operator == b"TJ" else [operands[0]]
                for item in strings:
                    if isinstance(item, (bytes, str)):
                        raw = item if isinstance(item, bytes) else item.original_bytes
                        drawn.setdefault(current, []).extend(
                            int.from_bytes(raw[n:n + 2], "big") for n in range(0, len(raw), 2)
                        )
    return drawn


@override_settings(WAGTAIL_CONTENT_LANGUAGES=LANGUAGES)
def test_an_arabic_chapter_prints_right_to_left_with_every_glyph(handouts):
    english, arabic = handouts
    assert '<html lang="en" dir="ltr"' in english.html
    assert '<html lang="ar" dir="rtl"' in arabic.html
    assert '<section class="chapter" lang="ar" dir="rtl"' in arabic.html

    pdf = render_print_pdf(arabic).pdf
    runs = text_runs(pdf)
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    # The chapter's one-line opening paragraph is set from the right: in an English handout a
    # line that short starts at the left margin.
    # (Text extracted from shaped Arabic is not always the text typed: match a word that is.)
    summary = [x for text, x in runs if "تأتي" in text]
    assert summary and min(summary) > width / 2, (summary, width)
    english_pdf = render_print_pdf(english).pdf
    english_summary = [x for text, x in text_runs(english_pdf) if text.startswith("Summary 1")]
    assert english_summary and max(english_summary) < width / 4

    reader = PdfReader(io.BytesIO(pdf))
    embedded = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert embedded and all(embedded.values()), embedded
    drawn = glyph_ids_by_font(pdf)
    naskh = [name for name in drawn if "Noto-Naskh-Arabic" in name]
    assert naskh, sorted(drawn)
    assert all(0 not in glyphs for glyphs in drawn.values()), {
        name: glyphs.count(0) for name, glyphs in drawn.items()
    }
