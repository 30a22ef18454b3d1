"""The demo book's pages, looked at one by one, in every variant and every language the demo
ships (English and its Spanish translation): no stranded pages, whole worksheets and session
plans, chapters on right-hand pages in print, no blank pages on screen, exact contents.

A page's fill is how far down its content area (between the running head and the page number)
something is drawn, read from a low-resolution render by pdftoppm (poppler-utils, installed in
CI): text, rules and boxes all count, white does not.
"""

import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from courses.books.services import print_book_html, render_print_pdf
from courses.books.variants import BookVariant
from courses.models import CourseBookPage
from tests.courses.pdf_reading import chapter_start, contents_number, flat, page_texts, said

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("RIPPLE_REQUIRE_BROWSER") and not shutil.which("pdftoppm"),
        reason="pdftoppm (poppler-utils) needed; CI requires it",
    ),
]

BOOKS = ["a4", "letter", "a4-large", "letter-large", "a4-screen"]
HANDOUTS = ["a4", "letter", "a4-large"]
# The longest chapter and a typical one: every handout size is rendered for these.
HANDOUT_MODULES = ["contribution", "compassion"]
PDFTOPPM = shutil.which("pdftoppm") or "pdftoppm"
DPI = 24
# The content area's band on every page: below the running head, above the page number.
TOP_MM, BOTTOM_MM = 21, 23
# "About half full". Large print sets 18 pt type on the same paper, so its unbreakable
# worksheets are taller and the page before one can be a little emptier.
MIN_FILL = {False: 0.5, True: 0.4}
# Every language the demo book ships in (seed_demo: demo/content/ and its translations).
LANGUAGES = ["en", "es"]


@pytest.fixture(scope="module", params=LANGUAGES)
def demo(request, seeded, django_db_blocker):
    """The demo book in one language, rendered once per variant: (render, chapters), with
    `render.language` its language."""
    with django_db_blocker.unblock():
        book = CourseBookPage.objects.live().get(locale__language_code=request.param)
        rendered, html = {}, {}

        def render(key):
            if key not in rendered:
                document = print_book_html(book=book, variant=BookVariant.from_key(key))
                html[key] = document.html
                rendered[key] = render_print_pdf(document).pdf
            return rendered[key]

        render.html = html
        render.language = request.param

        from courses.books.selectors import book_chapters, book_course, book_modules

        modules = book_modules(book, course=book_course(book))
        chapters = [
            (chapter.number, chapter.heading, chapter.module.slug, [
                list(block.value["questions"]) for block in chapter.blocks
                if block.block_type == "reflection"
            ])
            for chapter in book_chapters(modules)
        ]
        render.untranslated = [
            chapter.heading
            for chapter in book_chapters(modules, language=request.param)
            if chapter.untranslated
        ]
        yield render, chapters


def page_fills(pdf: bytes) -> list[float]:
    """How far down each page's content area its lowest mark lies (0 blank, 1 full)."""
    fills = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "book.pdf"
        source.write_bytes(pdf)
        subprocess.run([PDFTOPPM, "-gray", "-r", str(DPI), source, f"{folder}/p"], check=True)
        renders = sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1]))
        for path in renders:
            image = Image.open(path)
            width, height = image.size
            top = round(TOP_MM / 25.4 * DPI)
            bottom = height - round(BOTTOM_MM / 25.4 * DPI)
            rows = [image.crop((0, y, width, y + 1)).getextrema()[0] for y in range(top, bottom)]
            inked = [n for n, darkest in enumerate(rows) if darkest < 200]
            fills.append((inked[-1] + 1) / (bottom - top) if inked else 0.0)
    return fills


def openings(pages: list[str], chapters, language: str) -> list[int]:
    """The 1-based pages where each chapter and the closing page open."""
    found = [chapter_start(pages, number, heading, language) for number, heading, *_ in chapters]
    closing_label = said(language, "When you have taught").upper()
    closing = [n for n, text in enumerate(pages, start=1) if text.startswith(closing_label)]
    return found + closing


def normal(text: str) -> str:
    """Text without spaces, line breaks and hyphens, so a hyphenated line end still matches."""
    return re.sub(r"[\s\-‐]", "", text).lower()


def stranded_pages(pdf: bytes, *, chapters, handout: bool, large: bool, language: str
                   ) -> list[str]:
    pages = page_texts(pdf)
    fills = page_fills(pdf)
    allowed = {len(pages)}  # the last page: a chapter's, or the closing page
    if not handout:
        starts = openings(pages, chapters, language)
        # Each chapter's last page, and the foreword's (the page before chapter 1).
        allowed |= {start - 1 for start in starts}
        # A blank left-hand page before a chapter that opens on the right.
        allowed |= {start - 2 for start in starts if not pages[start - 2].strip()}
    return [
        f"page {n}: {fill:.0%} full"
        for n, fill in enumerate(fills, start=1)
        if fill < MIN_FILL[large] and n not in allowed
    ]


@pytest.mark.parametrize("key", BOOKS)
def test_no_page_of_the_book_is_stranded_but_a_chapters_last(demo, key):
    render, chapters = demo
    pdf = render(key)
    large = BookVariant.from_key(key).large_print
    assert stranded_pages(
        pdf, chapters=chapters, handout=False, large=large, language=render.language
    ) == []


@pytest.mark.parametrize("size", HANDOUTS)
def test_no_page_of_a_handout_is_stranded_but_its_last(demo, size):
    render, chapters = demo
    for _, heading, slug, _ in chapters:
        if slug not in HANDOUT_MODULES:
            continue
        pdf = render(f"{size}-module-{slug}")
        stranded = stranded_pages(
            pdf, chapters=chapters, handout=True, large="large" in size, language=render.language
        )
        assert stranded == [], heading


@pytest.mark.parametrize("key", BOOKS + [f"{s}-module-contribution" for s in HANDOUTS])
def test_every_worksheet_and_session_plan_is_whole(demo, key):
    render, chapters = demo
    pages = page_texts(render(key))
    large = BookVariant.from_key(key).large_print
    language = render.language
    for number, heading, slug, worksheets in chapters:
        if "-module-" in key and slug not in key:
            continue
        label = normal(f"{said(language, 'Worksheet')} · {heading}")
        sheet_pages = [text for text in pages if label in normal(text)]
        assert len(sheet_pages) == len(worksheets), heading
        for text, questions in zip(sheet_pages, worksheets, strict=True):
            for question in questions:
                assert normal(question) in normal(text), (heading, question)
        plan = next(
            n for n, text in enumerate(pages)
            if normal(
                f"{said(language, 'Session plan')} · "
                f"{said(language, 'Chapter %(number)s', number=number)}"
            ) in normal(text)
        )
        # One page; in large print two, as the contents page says.
        spread = normal("".join(pages[plan:plan + (2 if large else 1)]))
        assert normal(said(language, "Teach “%(heading)s”", heading=heading)) in spread
        assert normal(said(language, "Afterwards:")) in spread


@pytest.mark.parametrize("key", ["a4", "letter-large"])
def test_print_chapters_open_on_right_hand_pages_after_blank_pages(demo, key):
    render, chapters = demo
    pdf = render(key)
    pages = page_texts(pdf)
    starts = openings(pages, chapters, render.language)
    assert all(start % 2 == 1 for start in starts), starts
    blanks = [n for n, text in enumerate(pages, start=1) if not text.strip()]
    assert blanks and all(n + 1 in starts for n in blanks)
    assert all(fill == 0 for n, fill in enumerate(page_fills(pdf), 1) if n in blanks)


@pytest.mark.parametrize("key", BOOKS)
def test_the_contents_page_stays_exact(demo, key):
    render, chapters = demo
    pages = page_texts(render(key))
    language = render.language
    starts = openings(pages, chapters, language)
    assert len(starts) == len(chapters) + 1
    for (_, heading, *_), start in zip(chapters, starts, strict=False):
        assert contents_number(pages, heading, language) == start
    closing = said(language, "After you teach: report back")
    assert contents_number(pages, closing, language) == starts[-1]


def test_the_screen_edition_has_no_blank_pages(demo):
    render, _ = demo
    pages = page_texts(render("a4-screen"))
    assert all(text.strip() for text in pages)
    assert len(pages) < len(page_texts(render("a4")))


def test_large_print_sets_the_body_at_about_18_points_without_hyphenating(demo):
    render, chapters = demo
    pdf = render("a4-large")
    pages = page_texts(pdf)
    # The chapter opening, then its story.
    story = chapter_start(pages, 1, chapters[0][1], render.language)
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(round(abs(font_size * tm[3] * cm[3]), 1))

    PdfReader(io.BytesIO(pdf)).pages[story].extract_text(visitor_text=visit)
    assert 17.5 <= max(set(sizes), key=sizes.count) <= 18.5, sorted(set(sizes))
    # A line may end at a hyphen only where the word has one (e.g. "self-service").
    text = flat(" ".join(pages))
    html = render.html["a4-large"]
    # The printed text, and the link addresses the print shows beside their links.
    links = " ".join(re.findall(r'href="([^"]+)"', html))
    source = flat(re.sub(r"<[^>]+>", " ", html)) + " " + links
    for start, end in re.findall(r"(\w+)- (\w+)", text):
        assert re.search(rf"\b{start}-{end}", source), f"{start}- {end} is hyphenated"


def _texts(value) -> list[str]:
    """Every string in a block's data-file value (HTML tags and entities stripped)."""
    if isinstance(value, str):
        return [flat(re.sub(r"<[^>]+>", " ", value))]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _edition_texts(language: str, wrapper: str) -> list[str]:
    """The story titles and worksheet questions of every module's `wrapper` blocks, in the
    demo's data files for a language (short texts a PDF prints on one line)."""
    from demo import loader

    texts = []
    for module in loader.load_modules(language):
        for block in module["body"]:
            if block["type"] != wrapper:
                continue
            for inner in block["value"]:
                if inner["type"] == "reflection":
                    texts += _texts(inner["value"]["questions"])
                elif inner["type"] == "story":
                    texts.append(inner["value"]["title"])
    return texts


def test_the_book_is_its_languages_community_edition_and_never_workplace_only(demo):
    """Every chapter is in the book's language (none falls back to the source), the
    community-only text is printed and the workplace-only text never is."""
    render, chapters = demo
    assert render.untranslated == []
    text = normal(" ".join(page_texts(render("a4"))))
    community = _edition_texts(render.language, "community_only")
    workplace = _edition_texts(render.language, "workplace_only")
    assert community and workplace
    assert all(normal(item) in text for item in community)
    assert not any(normal(item) in text for item in workplace)
