"""The printed forms of a community book: paper size, large print, one-module handouts, a
selection of chapters, the folded booklet, the single-sided screen edition and low ink.

A variant comes from the PDF URL's query string (`?size=a4|letter`, `?print=large`,
`?module=<slug>`, `?chapter=<slug>&chapter=<slug>`, `?layout=booklet`, `?sides=1`,
`?ink=low`) and has a stable key, used in the stored file's name and its fingerprint.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

A4 = "a4"
LETTER = "letter"
SIZES = {A4: "A4", LETTER: _("US Letter")}
CSS_PAGE_SIZES = {A4: "A4", LETTER: "letter"}
STANDARD = "standard"
LARGE = "large"
PRINTS = {STANDARD: _("Standard print"), LARGE: _("Large print")}
# Two-sided print opens chapters on right-hand pages; the single-sided screen edition has no
# blank pages. Key segment `-screen`.
SIDES = {"2": False, "1": True}
SCREEN = "-screen"
LOW_INK = "low"
INKS = {STANDARD: _("Standard colour"), LOW_INK: _("Low ink")}
INK_KEY = "-ink-low"
SLUG = re.compile(r"^[-\w]{1,255}$")
PAGES = "pages"
BOOKLET = "booklet"
LAYOUTS = {PAGES: _("Pages"), BOOKLET: _("Booklet")}
# A booklet folds one sheet of the paper size in half: its pages are half that sheet.
BOOKLET_PAGE_SIZES = {A4: "A5", LETTER: "5.5in 8.5in"}
BOOKLET_PAGE_NAMES = {A4: "A5", LETTER: _("half-Letter")}
# The chapter-selection form sends `choose=chapters` with its ticked `chapter` boxes, so that
# ticking none is told apart from asking for the whole book.
CHOOSE_CHAPTERS = "chapters"
# Keys name stored files and fill a 300-character column: a selection must fit in them.
MAX_CHAPTERS_KEY = 200
# The parts of a key, in order; the handout's or selection's slugs (which may hold "-") last.
KEY = re.compile(
    r"^(?P<size>[a-z0-9]+)(?P<large>-large)?(?P<screen>-screen)?(?P<ink>-ink-low)?"
    r"(?P<booklet>-booklet)?"
    r"(?:-chapters-(?P<chapters>[-\w]+(?:\.[-\w]+)*)|-module-(?P<module>[-\w]+))?$"
)


class InvalidVariant(ValueError):
    """A query string asked for a form of the book that does not exist; the message says why."""


@dataclass(frozen=True)
class BookVariant:
    """One printed form of a book: the whole book, a handout of one module (by slug), or a
    selection of chapters (slugs in book order); on pages of its size, or as a folded booklet."""

    size: str = A4
    large_print: bool = False
    module_slug: str = ""
    chapters: tuple[str, ...] = ()
    booklet: bool = False
    screen: bool = False
    low_ink: bool = False  # no solid colour panels: outlines and dark text on white

    @classmethod
    def from_query(cls, query, *, default_size: str = A4) -> "BookVariant":
        """Read `size`, `print` and `module` from a QueryDict; anything else is ignored."""
        size = (query.get("size") or default_size).strip().lower()
        if size not in SIZES:
            raise InvalidVariant(
                gettext("“%(value)s” is not a paper size we print. Choose size=a4 or size=letter.")
                % {"value": size}
            )
        printing = (query.get("print") or STANDARD).strip().lower()
        if printing not in PRINTS:
            raise InvalidVariant(
                gettext("“%(value)s” is not a print option. Leave it out, or choose print=large.")
                % {"value": printing}
            )
        module_slug = (query.get("module") or "").strip()
        if module_slug and not SLUG.match(module_slug):
            raise InvalidVariant(gettext("That is not a module of this book."))
        layout = (query.get("layout") or PAGES).strip().lower()
        if layout not in LAYOUTS:
            raise InvalidVariant(
                gettext(
                    "“%(value)s” is not a layout we print. Leave it out, or choose layout=booklet."
                ) % {"value": layout}
            )
        chapters = _chapter_choice(query)
        if chapters and module_slug:
            raise InvalidVariant(
                gettext(
                    "Ask for one handout (module=…) or a choice of chapters (chapter=…), not both."
                )
            )
        sides = (query.get("sides") or "2").strip()
        if sides not in SIDES:
            raise InvalidVariant(
                gettext(
                    "“%(value)s” is not a way we print. Choose sides=1 (screen) or sides=2 (print)."
                ) % {"value": sides}
            )
        ink = (query.get("ink") or STANDARD).strip().lower()
        if ink not in INKS:
            raise InvalidVariant(
                gettext("“%(value)s” is not an ink option. Leave it out, or choose ink=low.")
                % {"value": ink}
            )
        return cls(
            size=size,
            large_print=printing == LARGE,
            module_slug=module_slug,
            chapters=chapters,
            booklet=layout == BOOKLET,
            screen=SIDES[sides],
            low_ink=ink == LOW_INK,
        )

    @classmethod
    def from_key(cls, key: str) -> "BookVariant":
        """The variant whose `key` this is (keys are what tasks and stored files carry)."""
        match = KEY.match(key)
        if not match or match["size"] not in SIZES:
            raise InvalidVariant(f"Unknown book variant {key!r}.")
        return cls(
            size=match["size"],
            large_print=bool(match["large"]),
            module_slug=match["module"] or "",
            chapters=tuple(match["chapters"].split(".")) if match["chapters"] else (),
            booklet=bool(match["booklet"]),
            screen=bool(match["screen"]),
            low_ink=bool(match["ink"]),
        )

    @property
    def key(self) -> str:
        """A stable name for this variant, e.g. `a4`, `letter-large`, `a4-module-<slug>`,
        `a4-screen`, `a4-ink-low`, `a4-booklet`, `a4-chapters-<slug>.<slug>`."""
        key = self.size + ("-large" if self.large_print else "")
        key += SCREEN if self.screen else ""
        key += INK_KEY if self.low_ink else ""
        key += "-booklet" if self.booklet else ""
        if self.chapters:
            key += "-chapters-" + ".".join(self.chapters)
        return f"{key}-module-{self.module_slug}" if self.module_slug else key

    @property
    def is_selection(self) -> bool:
        """True for a choice of chapters printed as one book with its own contents."""
        return bool(self.chapters)

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
        """The page size as CSS `@page size` names it: the paper's, or half of it (booklet)."""
        return (BOOKLET_PAGE_SIZES if self.booklet else CSS_PAGE_SIZES)[self.size]

    @property
    def label(self) -> str:
        """How a reader sees this variant offered, e.g. "US Letter, large print"."""
        paper = str(SIZES[self.size])
        if self.booklet:
            paper = gettext("%(half)s booklet on %(paper)s") % {
                "half": BOOKLET_PAGE_NAMES[self.size], "paper": paper
            }
        parts = [paper] + ([gettext("large print")] if self.large_print else [])
        parts += [gettext("single-sided for screens")] if self.screen else []
        parts += [gettext("low ink")] if self.low_ink else []
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
        params += [f"chapter={slug}" for slug in self.chapters]
        if self.booklet:
            params.append(f"layout={BOOKLET}")
        if self.screen:
            params.append("sides=1")
        if self.low_ink:
            params.append(f"ink={LOW_INK}")
        return "?" + "&".join(params) if params else ""

    def filename(self, book_slug: str) -> str:
        """A readable download name, e.g. `passing-it-on-a4-large-print.pdf`."""
        parts = [
            book_slug,
            self.module_slug,
            f"{len(self.chapters)}-chapters" if self.chapters else "",
            self.size,
            "large-print" if self.large_print else "",
            "booklet" if self.booklet else "",
            "screen" if self.screen else "",
            "low-ink" if self.low_ink else "",
        ]
        return "-".join(part for part in parts if part) + ".pdf"


def _chapter_choice(query) -> tuple[str, ...]:
    """The chapters a query chose (`chapter=<slug>`, repeated), each once; the choice form
    (`choose=chapters`) must tick at least one."""
    slugs = tuple(slug.strip() for slug in query.getlist("chapter") if slug.strip())
    if query.get("choose") == CHOOSE_CHAPTERS and not slugs:
        raise InvalidVariant(gettext("Choose at least one chapter to print."))
    if any(not SLUG.match(slug) for slug in slugs):
        raise InvalidVariant(gettext("That is not a module of this book."))
    if len(set(slugs)) != len(slugs):
        raise InvalidVariant(gettext("Each chapter can be chosen once: one was chosen twice."))
    if len(".".join(slugs)) > MAX_CHAPTERS_KEY:
        raise InvalidVariant(gettext("That is too many chapters to print as one choice."))
    return slugs
