"""The printed forms of a community book: paper size, large print, and one-module handouts.

A variant comes from the PDF URL's query string (`?size=a4|letter`, `?print=large`,
`?module=<slug>`, `?ink=low`) and has a stable key, used in the stored file's name and its
fingerprint.
"""

import re
from dataclasses import dataclass

A4 = "a4"
LETTER = "letter"
SIZES = {A4: "A4", LETTER: "US Letter"}
CSS_PAGE_SIZES = {A4: "A4", LETTER: "letter"}
STANDARD = "standard"
LARGE = "large"
PRINTS = {STANDARD: "Standard print", LARGE: "Large print"}
LOW_INK = "low"
INKS = {STANDARD: "Standard colour", LOW_INK: "Low ink"}
INK_KEY = "-ink-low"
SLUG = re.compile(r"^[-\w]{1,255}$")


class InvalidVariant(ValueError):
    """A query string asked for a form of the book that does not exist; the message says why."""


@dataclass(frozen=True)
class BookVariant:
    """One printed form of a book: the whole book, or a handout of one module (by slug)."""

    size: str = A4
    large_print: bool = False
    module_slug: str = ""
    low_ink: bool = False  # no solid colour panels: outlines and dark text on white

    @classmethod
    def from_query(cls, query, *, default_size: str = A4) -> "BookVariant":
        """Read `size`, `print`, `module` and `ink` from a QueryDict; anything else is ignored."""
        size = (query.get("size") or default_size).strip().lower()
        if size not in SIZES:
            raise InvalidVariant(
                f"“{size}” is not a paper size we print. Choose size=a4 or size=letter."
            )
        printing = (query.get("print") or STANDARD).strip().lower()
        if printing not in PRINTS:
            raise InvalidVariant(
                f"“{printing}” is not a print option. Leave it out, or choose print=large."
            )
        module_slug = (query.get("module") or "").strip()
        if module_slug and not SLUG.match(module_slug):
            raise InvalidVariant("That is not a module of this book.")
        ink = (query.get("ink") or STANDARD).strip().lower()
        if ink not in INKS:
            raise InvalidVariant(
                f"“{ink}” is not an ink option. Leave it out, or choose ink=low."
            )
        return cls(
            size=size, large_print=printing == LARGE, module_slug=module_slug,
            low_ink=ink == LOW_INK,
        )

    @classmethod
    def from_key(cls, key: str) -> "BookVariant":
        """The variant whose `key` this is (keys are what tasks and stored files carry)."""
        head, _, module_slug = key.partition("-module-")
        low_ink = INK_KEY in head
        size, _, printing = head.replace(INK_KEY, "").partition("-")
        if size not in SIZES or printing not in ("", LARGE):
            raise InvalidVariant(f"Unknown book variant {key!r}.")
        return cls(
            size=size, large_print=printing == LARGE, module_slug=module_slug, low_ink=low_ink
        )

    @property
    def key(self) -> str:
        """A stable name for this variant, e.g. `a4`, `letter-large`, `a4-ink-low`,
        `a4-module-<slug>`."""
        key = self.size + ("-large" if self.large_print else "") + (INK_KEY if self.low_ink else "")
        return f"{key}-module-{self.module_slug}" if self.module_slug else key

    @property
    def is_handout(self) -> bool:
        """True for a one-module handout."""
        return bool(self.module_slug)

    @property
    def css_page_size(self) -> str:
        """The paper size as CSS `@page size` names it."""
        return CSS_PAGE_SIZES[self.size]

    @property
    def label(self) -> str:
        """How a reader sees this variant offered, e.g. "US Letter, large print"."""
        parts = [SIZES[self.size]] + (["large print"] if self.large_print else [])
        parts += ["low ink"] if self.low_ink else []
        return ", ".join(parts)

    def query_string(self, *, default_size: str = A4) -> str:
        """The shortest query string that asks for this variant ('' for the default)."""
        params = []
        if self.size != default_size:
            params.append(f"size={self.size}")
        if self.large_print:
            params.append(f"print={LARGE}")
        if self.module_slug:
            params.append(f"module={self.module_slug}")
        if self.low_ink:
            params.append(f"ink={LOW_INK}")
        return "?" + "&".join(params) if params else ""

    def filename(self, book_slug: str) -> str:
        """A readable download name, e.g. `passing-it-on-a4-large-print.pdf`."""
        parts = [book_slug, self.module_slug, self.size, "large-print" if self.large_print else ""]
        parts += ["low-ink"] if self.low_ink else []
        return "-".join(part for part in parts if part) + ".pdf"
