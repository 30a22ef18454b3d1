"""The demo course for `seed_demo`, built from the data files in demo/content/. Idempotent.

The page builders here (`course_page`, `module_page`, `book_page`, `publish_child`) also make
the benchmark course (demo/bench/course.py), so both read the same content the same way.
"""

from wagtail.models import Locale

from courses.books.services import render_book_pdf
from courses.books.variants import BookVariant
from courses.models import CourseBookPage, CourseIndexPage, CoursePage, ModulePage, Principle
from courses.services import restrict_to_signed_in
from demo import loader

BOOK_SLUG = "community-book"
BOOK_AUTHOR = "The Ripple trainers"


def seed_principles() -> dict[str, Principle]:
    """Create or refresh the principle snippets; returns them by slug."""
    principles = {}
    for data in loader.load_principles():
        principle, _ = Principle.objects.update_or_create(
            slug=data["slug"],
            locale=Locale.get_default(),
            defaults={k: data[k] for k in ("name", "statement", "explanation")},
        )
        principles[principle.slug] = principle
    return principles


def publish_child(parent, page, *, author=None, publisher=None):
    """Add `page` under `parent`, then save a revision by `author` that `publisher` publishes."""
    parent.add_child(instance=page)
    page.save_revision(user=author).publish(user=publisher)
    return page


def course_page(*, title: str, slug: str, owner=None, language=loader.SOURCE_LANGUAGE
                ) -> CoursePage:
    """An unsaved course page with the demo course's intro, audience and outcomes."""
    data = loader.load_course(language)
    return CoursePage(
        title=title,
        slug=slug,
        intro=data["intro"],
        audience=data["audience"],
        learning_outcomes="\n".join(data["learning_outcomes"]),
        owner=owner,
    )


def module_page(
    data: dict, *, principle_ids: dict[str, int], owner=None, title=None, slug=None, body=None,
    stored=False,
) -> ModulePage:
    """An unsaved module page from one module's data. `title`, `slug` and `body` (in data-file
    form, principles named by slug; or already in stored form when `stored`) replace the
    module's own when given."""
    return ModulePage(
        title=title or data["title"],
        slug=slug or data["slug"],
        summary=data["summary"],
        minutes=data["minutes"],
        community_title=data["community_title"],
        community_summary=data["community_summary"],
        body=body if stored else loader.stream_data(
            body or data["body"], principle_ids=principle_ids
        ),
        owner=owner,
    )


def add_module(course: CoursePage, module: ModulePage, *, principles: list[Principle],
               author=None, publisher=None) -> ModulePage:
    """Put a module page under its course with its principles, published."""
    course.add_child(instance=module)
    module.principles.set(principles)
    module.save_revision(user=author).publish(user=publisher)
    return module


def book_page(*, owner=None, language=loader.SOURCE_LANGUAGE) -> CourseBookPage:
    """An unsaved community book page with the demo book's text and credits."""
    data = loader.load_book(language)
    return CourseBookPage(
        title=data["title"],
        slug=BOOK_SLUG,
        subtitle=data["subtitle"],
        author=BOOK_AUTHOR,
        foreword=data["foreword"],
        credits=data["credits"],
        owner=owner,
    )


def seed_course(*, author, publisher) -> CoursePage:
    """The demo course and its five modules: written by a trainer, approved by the admin."""
    principles = seed_principles()
    principle_ids = {slug: p.pk for slug, p in principles.items()}
    data = loader.load_course()
    source = Locale.get_default()
    course = CoursePage.objects.filter(slug=data["slug"], locale=source).first()
    if course is None:
        course = course_page(title=data["title"], slug=data["slug"], owner=author)
        index = CourseIndexPage.objects.get(slug="courses", locale=source)
        publish_child(index, course, author=author, publisher=publisher)
        restrict_to_signed_in(page=course)
    for module_data in loader.load_modules():
        if ModulePage.objects.filter(slug=module_data["slug"]).child_of(course).exists():
            continue
        add_module(
            course,
            module_page(module_data, principle_ids=principle_ids, owner=author),
            principles=[principles[slug] for slug in module_data["principles"]],
            author=author,
            publisher=publisher,
        )
    return course


def seed_book(*, course: CoursePage, author, publisher) -> CourseBookPage:
    """The course's community book (public, all modules), with its default PDF rendered so
    the first download is instant. Rendering again is skipped while nothing has changed."""
    book = CourseBookPage.objects.child_of(course).filter(slug=BOOK_SLUG).first()
    if book is None:
        book = publish_child(course, book_page(owner=author), author=author, publisher=publisher)
    render_book_pdf(book=book, variant=BookVariant(size=book.paper_size))
    return book
