"""The bench course: twelve modules retelling the five demo ones, twenty blocks each; its book.

Built with the demo's own loader and page builders (demo/course.py); only the titles, slugs
and the length of each body differ from the demo course.
"""

from courses.models import CourseBookPage, CourseIndexPage, CoursePage, ModulePage
from courses.services import restrict_to_signed_in
from demo import loader
from demo.bench.sizes import Sizes
from demo.course import (
    add_module,
    book_page,
    course_page,
    module_page,
    publish_child,
    seed_principles,
)

COURSE_TITLE = "Customer Focus at Scale"
COURSE_SLUG = "bench-course"
SHARED_BLOCKS = {"text", "story", "principle", "reflection", "activity", "teach_it", "quote"}


def module_body(sources: list[dict], n: int, *, blocks: int) -> list[dict]:
    """Module n's body (data-file form): the demo module it retells, topped up with shared
    blocks of the others (or cut) to exactly `blocks` top-level blocks, wrappers included."""
    first = n % len(sources)
    body = list(sources[first]["body"])
    extra = [
        block
        for other in sources[first + 1:] + sources[:first]
        for block in other["body"]
        if block["type"] in SHARED_BLOCKS
    ]
    while len(body) < blocks:
        body.append(extra[len(body) % len(extra)])
    return body[:blocks]


def build_course(sizes: Sizes) -> tuple[CoursePage, list[ModulePage], CourseBookPage]:
    """The bench course, its modules and its community book, published (no PDF rendered)."""
    principles = seed_principles()
    ids = {slug: principle.pk for slug, principle in principles.items()}
    sources = loader.load_modules()
    index = CourseIndexPage.objects.get(slug="courses")
    course = publish_child(index, course_page(title=COURSE_TITLE, slug=COURSE_SLUG))
    restrict_to_signed_in(page=course)
    modules = []
    for n in range(sizes.modules):
        source = sources[n % len(sources)]
        module = module_page(
            source,
            principle_ids=ids,
            title=f"{n + 1}. {source['title']}",
            slug=f"module-{n + 1:02d}-{source['slug']}",
            body=module_body(sources, n, blocks=sizes.blocks_per_module),
        )
        add_module(course, module, principles=[principles[slug] for slug in source["principles"]])
        modules.append(module)
    book = publish_child(course, book_page())
    return course, modules, book
