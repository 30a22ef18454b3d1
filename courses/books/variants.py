"""The printed forms of a community book: paper size, large print, and one-module handouts.

A variant comes from the PDF URL's query string (`?size=a4|letter`, `?print=large`,
`?module=<slug>`, `?sides=1`) and has a stable key, used in the stored file's name and its
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
# Two-sided print opens chapters on right-hand pages; the single-sided screen edition has no
# blank pages. Key segment `-screen`.
SIDES = {"2": False, "1": True}
SCREEN = "-screen"
SLUG = re.compile(r"^[-\w]{1,255}$")


class InvalidVariant(ValueError):
    """A query string asked for a form of the book that does not exist; the message says why."""


@dataclass(frozen=True)
class BookVariant:
    """One printed form of a book: the whole book, or a handout of one module (by slug)."""

    size: str = A4
    large_print: bool = False
    module_slug: str = ""
    screen: bool = False

    @classmethod
    def from_query(cls, query, *, default_size: str = A4) -> "BookVariant":
        """Read `size`, `print`, `module` and `sides` from a QueryDict; others are ignored."""
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
        sides = (query.get("sides") or "2").strip()
        if sides not in SIDES:
            raise InvalidVariant(
                f"“{sides}” is not a way we print. Choose sides=1 (screen) or sides=2 (print)."
            )
        return cls(size=size, large_print=printing == LARGE, module_slug=module_slug,
                   screen=SIDES[sides])

    @classmethod
    def from_key(cls, key: str) -> "BookVariant":
        """The variant whose `key` this is (keys are what tasks and stored files carry)."""
        head, _, module_slug = key.partition("-module-")
        screen = head.endswith(SCREEN)
        size, _, printing = head.removesuffix(SCREEN).partition("-")
        if size not in SIZES or printing not in ("", LARGE):
            raise InvalidVariant(f"Unknown book variant {key!r}.")
        return cls(size=size, large_print=printing == LARGE, module_slug=module_slug,
                   screen=screen)

    @property
    def key(self) -> str:
        """A stable name for this variant, e.g. `a4`, `letter-large`, `a4-module-<slug>`,
        `a4-screen`."""
        key = self.size + ("-large" if self.large_print else "") + (SCREEN if self.screen else "")
        return f"{key}-module-{self.module_slug}" if self.module_slug else key

    @property
    def is_handout(self) -> bool:
        """True for a one-module handout."""
        return bool(self.module_slug)

    @property
    def duplex(self) -> bool:
        """True when printed on both sides: a whole book opens chapters on right-hand pages."""
        return not self.screen and not self.is_handout

    @property
    def css_page_size(self) -> str:
        """The paper size as CSS `@page size` names it."""
        return CSS_PAGE_SIZES[self.size]

    @property
    def label(self) -> str:
        """How a reader sees this variant offered, e.g. "US Letter, large print"."""
        parts = [SIZES[self.size]] + (["large print"] if self.large_print else [])
        parts += ["single-sided for screens"] if self.screen else []
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
        if self.screen:
            params.append("sides=1")
        return "?" + "&".join(params) if params else ""

    def filename(self, book_slug: str) -> str:
        """A readable download name, e.g. `passing-it-on-a4-large-print.pdf`."""
        parts = [book_slug, self.module_slug, self.size, "large-print" if self.large_print else ""]
        parts += ["screen"] if self.screen else []
        return "-".join(part for part in parts if part) + ".pdf"
