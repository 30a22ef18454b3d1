"""Reads for the community book: what a book contains, and which books hold a module.

A book's chapters are built from one combined stream of every module's community blocks, so a
book of any length loads its principles and images in one query per kind.
"""

from dataclasses import dataclass, field, replace

from django.db.models import Q
from wagtail.blocks import StreamValue
from wagtail.models import Page

from courses.books.variants import BookVariant
from courses.exceptions import UnknownModule
from courses.models import BookRendition, CourseBookPage, ModulePage
from courses.models.pages import COMMUNITY, WORKPLACE

WRAPPERS = {COMMUNITY: "community_only", WORKPLACE: "workplace_only"}


@dataclass
class Chapter:
    """One module as the community edition prints it: number, heading, intro and blocks."""

    module: ModulePage
    number: int
    blocks: list = field(default_factory=list)
    print_blocks: list = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The chapter's title: the module's community title, else its title."""
        return self.module.community_heading

    @property
    def intro(self) -> str:
        """The chapter's opening paragraph: the module's community summary, else its summary."""
        return self.module.community_intro

    @property
    def anchor(self) -> str:
        """The id the contents page links to."""
        return f"chapter-{self.module.slug}"


def book_course(book: CourseBookPage) -> Page:
    """The course a book belongs to: its parent page (an unsaved draft being previewed has its
    place in the tree too, set by Wagtail's preview)."""
    return book.get_parent()


def first_live_book(course: Page) -> CourseBookPage | None:
    """The course's first live community book, or None when it has none."""
    return CourseBookPage.objects.live().child_of(course).first()


def book_modules(book: CourseBookPage, *, course: Page | None = None) -> list[ModulePage]:
    """The live modules a book prints, in its order: the chosen ones, else the whole course."""
    course = course or book_course(book)
    chosen = [item.module_id for item in book.book_modules.all()]
    modules = (
        ModulePage.objects.live().child_of(course).prefetch_related("principles").order_by("path")
    )
    if not chosen:
        return list(modules)
    by_id = {module.pk: module for module in modules.filter(pk__in=chosen)}
    return [by_id[pk] for pk in dict.fromkeys(chosen) if pk in by_id]


def variant_modules(book: CourseBookPage, variant: BookVariant, modules: list) -> list:
    """The modules one variant prints: all of them, the handout's one module, or the chosen
    chapters in book order."""
    if variant.is_selection:
        slugs = {module.slug for module in modules}
        unknown = [slug for slug in variant.chapters if slug not in slugs]
        if unknown:
            raise UnknownModule(unknown[0])
        return [module for module in modules if module.slug in variant.chapters]
    if not variant.is_handout:
        return modules
    chosen = [module for module in modules if module.slug == variant.module_slug]
    if not chosen:
        raise UnknownModule(variant.module_slug)
    return chosen


def in_book_order(book: CourseBookPage, variant: BookVariant) -> BookVariant:
    """A chapter selection with its chapters in the book's order, so each choice has one key
    (UnknownModule for a chapter the book does not have); other variants as they are."""
    if not variant.is_selection:
        return variant
    chosen = variant_modules(book, variant, book_modules(book))
    return replace(variant, chapters=tuple(module.slug for module in chosen))


def community_raw_blocks(module: ModulePage) -> list[dict]:
    """The raw stream data of a module's community edition, wrappers unwrapped."""
    blocks = []
    for item in module.body.raw_data:
        if item["type"] == WRAPPERS[COMMUNITY]:
            blocks.extend(item["value"])
        elif item["type"] != WRAPPERS[WORKPLACE]:
            blocks.append(item)
    return blocks


def book_chapters(modules: list[ModulePage], *, numbers: dict | None = None) -> list[Chapter]:
    """Each module's community blocks, loaded as one stream (one query per chooser type)."""
    raw, owners = [], []
    for module in modules:
        for item in community_raw_blocks(module):
            raw.append(item)
            owners.append(module.pk)
    stream = StreamValue(ModulePage.body.field.stream_block, raw, is_lazy=True)
    numbers = numbers or {}
    chapters = {
        module.pk: Chapter(module=module, number=numbers.get(module.pk, n))
        for n, module in enumerate(modules, start=1)
    }
    for owner, block in zip(owners, stream, strict=True):
        chapters[owner].blocks.append(block)
    return list(chapters.values())


def image_ids(raw_blocks: list[dict]) -> set[int]:
    """Ids of the library images used by image blocks in raw stream data."""
    return {
        item["value"]["image"]
        for item in raw_blocks
        if item["type"] == "image" and isinstance(item["value"].get("image"), int)
    }


def principle_ids(raw_blocks: list[dict]) -> set[int]:
    """Ids of the principles shown by callouts in raw stream data."""
    return {
        item["value"]["principle"]
        for item in raw_blocks
        if item["type"] == "principle" and isinstance(item["value"].get("principle"), int)
    }


def books_containing(module: ModulePage):
    """The live books that print a module: those of its course that choose it, or choose none."""
    return (
        CourseBookPage.objects.live()
        .sibling_of(module)
        .filter(Q(book_modules__isnull=True) | Q(book_modules__module=module))
        .distinct()
    )


def current_rendition(*, book, variant: BookVariant, fingerprint: str):
    """The stored PDF for a variant at this fingerprint, rendered or asked for, or None."""
    return BookRendition.objects.filter(
        book=book, variant_key=variant.key, fingerprint=fingerprint
    ).first()


def rendered_variant_keys(book) -> set[str]:
    """The variants of a book that have been rendered before (and so are worth keeping fresh)."""
    return set(
        BookRendition.objects.filter(book=book, rendered_at__isnull=False).values_list(
            "variant_key", flat=True
        )
    )
