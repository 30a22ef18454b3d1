"""Reads for the community book: what a book contains, and which books hold a module.

A book's chapters are built from one combined stream of every module's community blocks, so a
book of any length loads its principles and images in one query per kind.

A book in another language than the source (a translation of the source book, in that
language's page tree) prints the source course's modules in the source order, each in its live
translation; a module not (yet) translated is printed in the source language, and its chapter
says so (`Chapter.untranslated`). The modules' principles are shown in the book's language.
"""

from dataclasses import dataclass, field, replace

from django.db.models import Q
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page

from courses.books.language import text_direction
from courses.books.variants import BookVariant
from courses.exceptions import UnknownModule
from courses.models import BookRendition, CourseBookPage, ModulePage, Principle
from courses.models.pages import COMMUNITY, WORKPLACE

WRAPPERS = {COMMUNITY: "community_only", WORKPLACE: "workplace_only"}


@dataclass
class Chapter:
    """One module as the community edition prints it: number, heading, intro and blocks."""

    module: ModulePage
    number: int
    blocks: list = field(default_factory=list)
    print_blocks: list = field(default_factory=list)
    language: str = ""

    @property
    def module_language(self) -> str:
        """The language the chapter's text is in: its module's."""
        return self.module.locale.language_code

    @property
    def direction(self) -> str:
        """`rtl` or `ltr`: the direction of the chapter's language."""
        return text_direction(self.module_language)

    @property
    def untranslated(self) -> bool:
        """True when the module has no live translation in the book's language, so the
        chapter is printed in the module's own (source) language, with a note."""
        return bool(self.language) and self.module_language != self.language

    @property
    def principles(self) -> list:
        """The module's principles, in the book's language where they are translated."""
        return getattr(self.module, "book_principles", None) or list(
            self.module.principles.all()
        )

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
    """The live modules a book prints, in its order: the chosen ones, else the whole course.

    A translated book prints its source course's modules, each in the book's language where a
    live translation exists and in the source language where none does."""
    course = course or book_course(book)
    source_course = _source_course(course)
    chosen = [item.module_id for item in book.book_modules.all()]
    modules = (
        ModulePage.objects.live()
        .child_of(source_course or course)
        .select_related("locale")
        .prefetch_related("principles")
        .order_by("path")
    )
    if chosen and source_course is None:
        by_id = {module.pk: module for module in modules.filter(pk__in=chosen)}
        modules = [by_id[pk] for pk in dict.fromkeys(chosen) if pk in by_id]
    elif chosen:
        # A translated book's choices may name source modules or their translations.
        key_of = dict(ModulePage.objects.filter(pk__in=chosen).values_list("pk", "translation_key"))
        order = [key_of[pk] for pk in dict.fromkeys(chosen) if pk in key_of]
        by_key = {module.translation_key: module for module in modules}
        modules = [by_key[key] for key in dict.fromkeys(order) if key in by_key]
    else:
        modules = list(modules)
    if source_course is None:
        return modules
    return _in_language(modules, course)


def _source_course(course: Page) -> Page | None:
    """The course a translated course translates (its translation in the default locale), or
    None for a course in the default language or one with no source."""
    default = Locale.get_default()
    if course.locale_id == default.pk:
        return None
    return course.get_translations().filter(locale_id=default.pk).first()


def _in_language(modules: list[ModulePage], course: Page) -> list[ModulePage]:
    """Each source module replaced by its live translation in `course`'s tree, if it has one,
    with its principles in that language (`book_principles`)."""
    translated = {
        module.translation_key: module
        for module in ModulePage.objects.live()
        .child_of(course)
        .filter(translation_key__in=[module.translation_key for module in modules])
        .select_related("locale")
        .prefetch_related("principles")
    }
    result = [translated.get(module.translation_key, module) for module in modules]
    keys = {principle.translation_key for module in result for principle in module.principles.all()}
    local = {
        principle.translation_key: principle
        for principle in Principle.objects.filter(
            translation_key__in=keys, locale_id=course.locale_id
        )
    }
    for module in result:
        if module.locale_id == course.locale_id:
            module.book_principles = [
                local.get(principle.translation_key, principle)
                for principle in module.principles.all()
            ]
    return result


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


def book_chapters(
    modules: list[ModulePage], *, numbers: dict | None = None, language: str = ""
) -> list[Chapter]:
    """Each module's community blocks, loaded as one stream (one query per chooser type).
    `language` is the book's: a chapter whose module is in another one is `untranslated`."""
    raw, owners = [], []
    for module in modules:
        for item in community_raw_blocks(module):
            raw.append(item)
            owners.append(module.pk)
    stream = StreamValue(ModulePage.body.field.stream_block, raw, is_lazy=True)
    numbers = numbers or {}
    chapters = {
        module.pk: Chapter(module=module, number=numbers.get(module.pk, n), language=language)
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
    """The live books that print a module: those of its course that choose it, or choose none,
    and their editions in other languages (which print a module their language lacks in the
    source language)."""
    books = (
        CourseBookPage.objects.sibling_of(module)
        .filter(Q(book_modules__isnull=True) | Q(book_modules__module=module))
        .values("translation_key")
    )
    return CourseBookPage.objects.live().filter(translation_key__in=books).order_by("path")


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
