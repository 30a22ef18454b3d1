"""A booklet: a book's half-size pages (A5, or half-Letter) imposed two to a sheet of A4 (or
Letter) in saddle-stitch order, to print double-sided, fold in half and staple on the fold.

The pages are padded with blank pages to a multiple of four. Sheet n (counted from 0) of a
booklet of N pages carries, on its front, pages N - 2n (left) and 2n + 1 (right), and on its
back pages 2n + 2 (left) and N - 2n - 1 (right); the imposed PDF lists each sheet's front then
its back. Made with pypdf in the process that asked for the render (no WeasyPrint here).
"""

import io

from django.utils.translation import gettext_noop
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    RectangleObject,
)

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

    Each page goes onto its sheet as a form XObject placed by a `Transformation`: its content
    stream is copied, never parsed, and the fonts and images its pages share are copied once.
    (pypdf's `merge_transformed_page` parses and rewrites every content stream to rename
    clashing resources: on the demo book that took 80 % of the render's own time.)
    """
    reader = PdfReader(io.BytesIO(pdf))
    pages = reader.pages
    width = float(pages[0].mediabox.width)
    sheet_width, sheet_height = SHEETS[paper]
    gutter = (sheet_width - 2 * width) / 2
    writer = PdfWriter()
    forms = {}
    for left, right in saddle_stitch_order(len(pages)):
        sheet = writer.add_blank_page(width=sheet_width, height=sheet_height)
        placed, operators = DictionaryObject(), []
        for number, offset in ((left, gutter), (right, gutter + width)):
            if number > len(pages):
                continue  # a blank page of the padding
            if number not in forms:
                forms[number] = _page_as_form(writer, pages[number - 1])
            name = NameObject(f"/Page{number}")
            placed[name] = forms[number]
            box = pages[number - 1].mediabox
            lift = (sheet_height - float(box.height)) / 2
            move = Transformation().translate(offset - float(box.left), lift - float(box.bottom))
            matrix = " ".join(f"{value:.4f}" for value in move.ctm)
            operators.append(f"q {matrix} cm {name} Do Q")
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): placed})
        content = DecodedStreamObject()
        content.set_data(" ".join(operators).encode())
        # pypdf has no public call to add a new stream object; its own docs use this one.
        sheet[NameObject("/Contents")] = writer._add_object(content)
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if isinstance(v, str)})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _page_as_form(writer: PdfWriter, page) -> IndirectObject:
    """A page of another PDF as a form XObject of `writer`: its content as it is, its
    resources copied into the writer (once for objects several pages share)."""
    contents = page.get_contents()
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): RectangleObject(page.mediabox),
        NameObject("/Resources"): page["/Resources"].clone(writer),
    })
    return writer._add_object(form.flate_encode())
