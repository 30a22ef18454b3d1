"""The demo course for `seed_demo`, built from courses.demo_content. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from courses import demo_content
from courses.blocks import with_question_ids
from courses.books.services import render_book_pdf
from courses.books.variants import BookVariant
from courses.models import (
    CourseBookPage,
    CourseIndexPage,
    CoursePage,
    ModulePage,
    ModuleProgress,
    Principle,
    Reflection,
)
from courses.services import restrict_to_signed_in


def _with_principle_ids(stream: list, principle_ids: dict[str, int]) -> list:
    """Swap the principle slugs in callouts (at any wrapper depth) for snippet ids."""
    result = []
    for block in stream:
        value = block["value"]
        if block["type"] == "principle":
            value = {**value, "principle": principle_ids[value["principle"]]}
        elif block["type"] in ("workplace_only", "community_only"):
            value = _with_principle_ids(value, principle_ids)
        result.append({"type": block["type"], "value": value})
    return result


def seed_principles() -> dict[str, Principle]:
    principles = {}
    for data in demo_content.PRINCIPLES:
        principle, _ = Principle.objects.update_or_create(
            slug=data["slug"],
            defaults={k: data[k] for k in ("name", "statement", "explanation")},
        )
        principles[principle.slug] = principle
    return principles


def seed_course(*, author, publisher) -> CoursePage:
    """The demo course and its five modules: written by a trainer, approved by the admin."""
    principles = seed_principles()
    principle_ids = {slug: p.pk for slug, p in principles.items()}
    index = CourseIndexPage.objects.get(slug="courses")
    data = demo_content.COURSE
    course = CoursePage.objects.filter(slug=data["slug"]).first()
    if course is None:
        course = CoursePage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            audience=data["audience"],
            learning_outcomes="\n".join(data["learning_outcomes"]),
            owner=author,
        )
        index.add_child(instance=course)
        course.save_revision(user=author).publish(user=publisher)
        restrict_to_signed_in(page=course)
    for module_data in demo_content.MODULES:
        if ModulePage.objects.filter(slug=module_data["slug"]).child_of(course).exists():
            continue
        module = ModulePage(
            title=module_data["title"],
            slug=module_data["slug"],
            summary=module_data["summary"],
            minutes=module_data["minutes"],
            community_title=module_data["community_title"],
            community_summary=module_data["community_summary"],
            body=with_question_ids(_with_principle_ids(module_data["body"], principle_ids)),
            owner=author,
        )
        course.add_child(instance=module)
        module.principles.set([principles[slug] for slug in module_data["principles"]])
        module.save_revision(user=author).publish(user=publisher)
    return course


def seed_progress(*, course: CoursePage, learners: list) -> None:
    """Varied progress: learner n has finished (n + 2) mod 6 modules; every third reflected."""
    modules = list(course.modules())
    now = timezone.now()
    for n, learner in enumerate(learners):
        for position, module in enumerate(modules[: (n + 2) % (len(modules) + 1)]):
            ModuleProgress.objects.get_or_create(
                user=learner,
                module=module,
                defaults={"completed_at": now - timedelta(days=20 - 3 * position, hours=n)},
            )
        if n % 3 == 0:
            module = modules[0]
            key, question = module.reflection_questions()[0]
            Reflection.objects.get_or_create(
                user=learner,
                module=module,
                question_key=key,
                defaults={
                    "question": question,
                    "answer": "A neighbour who fixed my bike chain and refused payment. "
                    "I still remember how it felt to be helped for nothing.",
                },
            )


def seed_book(*, course: CoursePage, author, publisher) -> CourseBookPage:
    """The course's community book (public, all modules), with its default PDF rendered so
    the first download is instant. Rendering again is skipped while nothing has changed."""
    data = demo_content.BOOK
    book = CourseBookPage.objects.child_of(course).filter(slug="community-book").first()
    if book is None:
        book = CourseBookPage(
            title=data["title"],
            slug="community-book",
            subtitle=data["subtitle"],
            author="The Ripple trainers",
            foreword=data["foreword"],
            credits=data["credits"],
            owner=author,
        )
        course.add_child(instance=book)
        book.save_revision(user=author).publish(user=publisher)
    render_book_pdf(book=book, variant=BookVariant(size=book.paper_size))
    return book
