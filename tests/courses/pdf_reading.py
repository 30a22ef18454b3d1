"""Reading a community book PDF the way a reader would: its pages' text and its contents."""

import io
import re

from django.utils import translation
from pypdf import PdfReader


def said(language: str, message: str, **values) -> str:
    """An interface string of the book as it prints in a language (its gettext translation)."""
    with translation.override(language):
        return translation.gettext(message) % values if values else translation.gettext(message)


def pdf_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def contents_page(pages: list[str], language: str = "en") -> int:
    title = said(language, "Contents")
    return next(n for n, text in enumerate(pages) if text.startswith(title))


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces (titles wrap in large print)."""
    return " ".join(text.split())


def contents_number(pages: list[str], heading: str, language: str = "en") -> int:
    """The page number the table of contents prints for a heading (after its dot leader)."""
    text = flat(pages[contents_page(pages, language)])
    match = re.search(rf"{re.escape(heading)} ?\.+ ?(\d+)\b", text)
    assert match, f"{heading!r} is not in the contents:\n{text}"
    return int(match.group(1))


def chapter_start(pages: list[str], number: int, heading: str, language: str = "en") -> int:
    """The 1-based page on which a chapter opens (its label and title, after the contents)."""
    first = contents_page(pages, language) + 1
    label = said(language, "Chapter %(number)s", number=number).upper()
    for n, text in enumerate(pages[first:], start=first + 1):
        if flat(text).startswith(f"{label} {heading}"):
            return n
    raise AssertionError(f"Chapter {number} {heading!r} never opens")


def running_head(text: str) -> str:
    """The running head of a page: the line above the page number, which ends the page."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-2] if len(lines) >= 2 and lines[-1].strip().isdigit() else ""


def folio(text: str) -> str:
    """The page number printed at the foot of a page (a handout's footer line set aside)."""
    return re.sub(r"From .*?(/my/|for the whole book)", "", text.splitlines()[-1]).strip()
