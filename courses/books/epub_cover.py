"""The EPUB's cover picture: what e-reader libraries show on their shelves and as the first page.

Drawn with Pillow after the printed cover (templates/courses/book/cover.html, static/css/book.css):
the eyebrow, the drop and its ripples (or the book's own cover image), the title over a rule,
the subtitle, the author and the strapline, in the book's own fonts from static/fonts/.
"""

import io
from functools import cache

from django.utils.translation import gettext
from PIL import Image, ImageDraw, ImageFont

from courses.books.printing import static_file

WIDTH, HEIGHT = 1600, 2560  # the 1:1.6 shape e-book shops and readers expect
MARGIN = 150
INK, TEAL, RUST, GREY = "#2b2622", "#1f5e5a", "#a94a25", "#5c524a"
PAPER = "#fbf8f3"
# The drop and its ripples of static/img/book-cover-rings.svg: radius, colour, width (its units).
RINGS = [(26, TEAL, 3), (46, RUST, 2.4), (67, "#8fafac", 1.8), (88, "#c7d7d6", 1.2)]
LATIN = {
    "serif": "source-serif-4-latin-700-normal.woff",
    "italic": "source-serif-4-latin-400-italic.woff",
    "sans": "source-sans-3-latin-600-normal.woff",
    "sans-bold": "source-sans-3-latin-700-normal.woff",
}
ARABIC = dict.fromkeys(LATIN, "noto-naskh-arabic-arabic-700-normal.woff")


def _fonts_for(text: str) -> dict[str, str]:
    """The fonts that hold this text's letters (Pillow has no fallback between fonts, so a
    text in Arabic script gets the Arabic font, any other the Latin ones)."""
    arabic = any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)
    return ARABIC if arabic else LATIN


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(static_file(f"fonts/{name}")), size)


def _lines(draw, text: str, font, width: int) -> list[str]:
    """The text broken between words into lines no wider than `width` pixels."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(joined, font=font) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def _fitted(draw, text: str, role: str, sizes: range, width: int, most_lines: int):
    """The largest of `sizes` at which the text, in its font for `role` ("serif", "sans"...),
    fits `most_lines` lines, with its lines."""
    for size in sizes:
        font = _font(_fonts_for(text)[role], size)
        lines = _lines(draw, text, font, width)
        if len(lines) <= most_lines:
            return font, lines
    return font, lines


def _picture(image_file, box: tuple[int, int]) -> Image.Image | None:
    """The book's own cover image, scaled to fit the box, or None if it cannot be read."""
    try:
        with image_file.open("rb") as handle:
            picture = Image.open(io.BytesIO(handle.read()))
            picture.load()
    except (OSError, ValueError):
        return None
    picture = picture.convert("RGB")
    picture.thumbnail(box)
    return picture


def cover_png(*, book, course_title: str, direction: str = "ltr") -> bytes:
    """The book's cover as PNG bytes, in the language active when called."""
    canvas = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(canvas)
    text_width = WIDTH - 2 * MARGIN

    def write(y: int, lines: list[str], font, fill, spacing: float = 1.25) -> int:
        """Each line at y and below, aligned to the reading side; the y after the last."""
        for line in lines:
            anchor, x = ("ra", WIDTH - MARGIN) if direction == "rtl" else ("la", MARGIN)
            # (direction only for right-to-left: it needs Pillow's raqm layout)
            extra = {"direction": "rtl"} if direction == "rtl" else {}
            draw.text((x, y), line, font=font, fill=fill, anchor=anchor, **extra)
            y += round(font.size * spacing)
        return y

    # "COMMUNITY EDITION · COURSE", or the two on lines of their own when their scripts differ.
    edition = gettext("Community edition")
    if _fonts_for(edition) == _fonts_for(course_title):
        eyebrows = [f"{edition} · {course_title}".upper()]
    else:
        eyebrows = [edition.upper(), course_title.upper()]
    y = MARGIN
    for eyebrow in eyebrows:
        font, lines = _fitted(draw, eyebrow, "sans-bold", range(44, 27, -2), text_width, 2)
        y = write(y, lines, font, TEAL)

    art_top, art_size = y + 110, 880
    picture = book.cover_image and _picture(book.cover_image.file, (text_width, art_size))
    if picture:
        left = WIDTH - MARGIN - picture.width if direction == "rtl" else MARGIN
        canvas.paste(picture, (left, art_top))
    else:
        scale = art_size / 176  # the SVG's viewBox is 176 units across
        centre_x = WIDTH - MARGIN - art_size / 2 if direction == "rtl" else MARGIN + art_size / 2
        centre_y = art_top + art_size / 2
        radius = 9 * scale
        draw.ellipse((centre_x - radius, centre_y - radius, centre_x + radius,
                      centre_y + radius), fill=TEAL)
        for ring, colour, stroke in RINGS:
            r = ring * scale
            draw.ellipse((centre_x - r, centre_y - r, centre_x + r, centre_y + r),
                         outline=colour, width=max(2, round(stroke * scale)))

    y = art_top + art_size + 130
    font, lines = _fitted(draw, book.title, "serif", range(150, 71, -6), text_width, 3)
    y = write(y, lines, font, INK, spacing=1.1) + 30
    if book.subtitle:
        draw.line((MARGIN, y, MARGIN + 1000, y) if direction != "rtl"
                  else (WIDTH - MARGIN - 1000, y, WIDTH - MARGIN, y), fill=RUST, width=5)
        font, lines = _fitted(draw, book.subtitle, "italic", range(64, 39, -4),
                              text_width, 3)
        write(y + 45, lines, font, INK)

    strapline = gettext("Learn it at work · Teach it at home · Pass it on")
    small, strap_lines = _fitted(draw, strapline, "sans", range(40, 25, -2), text_width, 2)
    author, author_lines = _fitted(draw, book.author_name, "sans", range(60, 35, -4),
                                   text_width, 2)
    bottom = HEIGHT - MARGIN - len(strap_lines) * round(small.size * 1.25)
    write(bottom, strap_lines, small, GREY)
    write(bottom - 25 - len(author_lines) * round(author.size * 1.25), author_lines, author, INK)

    output = io.BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()
