"""Reads that span course models: the live modules of several courses at once.

A module's workplace edition is `ModulePage.workplace_sections`; the community book's reads
are in courses.books.selectors.
"""

from django.db.models import Q

from caching import generations
from courses.models import CoursePage, ModulePage


def modules_by_course(course_ids) -> dict[int, list]:
    """The live modules of several courses in tree order, in one query, keyed by course id.

    Without their bodies: a module's StreamField is most of its row, and lists never show it.
    Cached until the content generation changes (a publish, say).
    """
    course_ids = sorted(set(course_ids))
    return generations.cached(
        f"modules-by-course:{','.join(map(str, course_ids))}",
        generations.current(generations.CONTENT),
        lambda: _modules_by_course(course_ids),
    )


def _modules_by_course(course_ids) -> dict[int, list]:
    courses = list(CoursePage.objects.filter(pk__in=course_ids).only("id", "path", "depth"))
    result: dict[int, list] = {course.pk: [] for course in courses}
    if not courses:
        return result
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    by_path = {course.path: course.pk for course in courses}
    steplen = ModulePage.steplen
    for module in ModulePage.objects.live().filter(condition).defer_streamfields().order_by("path"):
        result[by_path[module.path[:-steplen]]].append(module)
    return result
