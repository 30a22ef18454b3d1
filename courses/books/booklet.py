"""A booklet: a book's half-size pages (A5, or half-Letter) imposed two to a sheet of A4 (or
Letter) in saddle-stitch order, to print double-sided, fold in half and staple on the fold.

The pages are padded with blank pages to a multiple of four. Sheet n (counted from 0) of a
booklet of N pages carries, on its front, pages N - 2n (left) and 2n + 1 (right), and on its
back pages 2n + 2 (left) and N - 2n - 1 (right); the imposed PDF lists each sheet's front then
its back. Made with pikepdf (qpdf) in the process that asked for the render (no WeasyPrint
here).
"""

import io

import pikepdf
from django.utils.translation import gettext_noop

# The landscape sheets (in points) that the pages are imposed on. Two A5 pages are 1 mm
# narrower than A4: each pair is centred, so the fold falls in the middle of the sheet.
SHEETS = {"a4": (841.89, 595.28), "letter": (792.0, 612.0)}
HOW_TO_PRINT = gettext_noop(
    "Print double-sided, flipping on the short edge, at actual size; fold the stack in half "
    "and staple on the fold."
)


def saddle_stitch_order(pages: int) -> list[tuple[int, int]]:
    """The (left, right) pages of each printed side, in printing order, for a booklet of
    `pages` pages (1-based; pages past the last are the blank padding)."""
    total = -(-pages // 4) * 4
    sides = []
    for sheet in range(total // 4):
        sides.append((total - 2 * sheet, 2 * sheet + 1))
        sides.append((2 * sheet + 2, total - 2 * sheet - 1))
    return sides


def impose_booklet(pdf: bytes, *, paper: str) -> bytes:
    """The pages of `pdf` (all of one size, half the `paper`: "a4" or "letter") imposed two to
    a landscape sheet of that paper, in saddle-stitch order, blank pages where the padding falls.

    Each page goes onto its sheet as a form XObject (pikepdf's `add_overlay`): its content
    stream is copied, never parsed, and the fonts and images its pages share are copied once.
    qpdf reads the book in C++; pypdf, used before, spent 23 % of the render's own time
    parsing the tagged book's structure tree in Python (the bench's booklet goal).
    Raises pikepdf.PdfError if `pdf` cannot be read.
    """
    with pikepdf.open(io.BytesIO(pdf)) as source:
        pages = source.pages
        left_edge, bottom, right_edge, top = (float(value) for value in pages[0].mediabox)
        width, height = right_edge - left_edge, top - bottom
        sheet_width, sheet_height = SHEETS[paper]
        gutter = (sheet_width - 2 * width) / 2
        lift = (sheet_height - height) / 2
        booklet = pikepdf.new()
        for left, right in saddle_stitch_order(len(pages)):
            sheet = booklet.add_blank_page(page_size=(sheet_width, sheet_height))
            for number, offset in ((left, gutter), (right, gutter + width)):
                if number <= len(pages):  # past the last: a blank page of the padding
                    place = pikepdf.Rectangle(offset, lift, offset + width, lift + height)
                    sheet.add_overlay(pages[number - 1], place)
        if "/Info" in source.trailer:
            booklet.trailer.Info = booklet.copy_foreign(source.trailer.Info)
        output = io.BytesIO()
        booklet.save(output)
    return output.getvalue()
