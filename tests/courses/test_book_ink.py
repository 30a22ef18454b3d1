"""The low-ink book (`?ink=low`) as a home printer sees it: no solid colour panels, and far less
ink on the pages that had them, measured on the rendered pages (pdftoppm, poppler-utils).

Two measures, per page:
- solid share: the share of the page, seen at 10 dpi, darker than half-tone in some colour. At
  that resolution a line of text blurs to a light grey and drops out, while a filled panel
  stays dark: the standard session plan's teal header measures about 9 % of an A4 page. A
  low-ink page must stay under 2 %, less than a filled 4 × 4 cm label (2.6 % of A4).
- ink share: the share of the page, seen at 30 dpi, with more than about 20 % of some ink. The
  standard session plan page measures 13–14 %; the low-ink one must need at most half.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from tests import factories
from tests.courses.pdf_reading import page_texts, pdf_bytes

PDFTOPPM = shutil.which("pdftoppm")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("RIPPLE_REQUIRE_BROWSER") and not PDFTOPPM,
        reason="needs pdftoppm (poppler-utils); CI requires it",
    ),
]

PDF_URL = "/courses/service/community-book/pdf/"
SOLID_LIMIT = 0.02


def dark_shares(pdf: bytes, *, dpi: int, darkest: int) -> list[float]:
    """Per page, the share of pixels whose darkest channel is below `darkest` (0-255)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "book.pdf"
        source.write_bytes(pdf)
        subprocess.run([PDFTOPPM, "-r", str(dpi), source, f"{folder}/page"], check=True)
        images = sorted(Path(folder).glob("page-*.ppm"), key=lambda p: int(p.stem.split("-")[1]))
        shares = []
        for path in images:
            pixels = Image.open(path).convert("RGB").get_flattened_data()
            shares.append(sum(1 for pixel in pixels if min(pixel) < darkest) / len(pixels))
        return shares


def solid_shares(pdf: bytes) -> list[float]:
    return dark_shares(pdf, dpi=10, darkest=128)


def ink_shares(pdf: bytes) -> list[float]:
    return dark_shares(pdf, dpi=30, darkest=200)


@pytest.fixture
def book(db):
    return factories.book(course=factories.course(modules=2))


def test_the_low_ink_book_has_no_solid_panels_and_its_session_plans_need_half_the_ink(
    client, book
):
    standard = pdf_bytes(client.get(PDF_URL))
    response = client.get(PDF_URL + "?ink=low")
    assert response.status_code == 200
    assert "community-book-a4-low-ink.pdf" in response["Content-Disposition"]
    low = pdf_bytes(response)
    standard_pages, low_pages = page_texts(standard), page_texts(low)
    assert len(standard_pages) == len(low_pages)  # the same book, page for page
    plans = [n for n, text in enumerate(low_pages) if "SESSION PLAN ·" in text]
    assert len(plans) == 2

    standard_solid, low_solid = solid_shares(standard), solid_shares(low)
    assert all(standard_solid[n] > 0.05 for n in plans)  # the measure sees the teal panel
    assert max(low_solid) < SOLID_LIMIT, [round(share, 3) for share in low_solid]

    standard_ink, low_ink = ink_shares(standard), ink_shares(low)
    for n in plans:
        assert low_ink[n] <= standard_ink[n] / 2, (n, standard_ink[n], low_ink[n])
    assert sum(low_ink) < sum(standard_ink)


def test_an_unknown_ink_option_is_refused_with_a_clear_message(client, book):
    response = client.get(PDF_URL + "?ink=none")
    assert response.status_code == 400
    assert "ink=low" in response.content.decode()
