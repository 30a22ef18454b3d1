"""Reads that span course models: the live modules of several courses at once.

A module's workplace edition is `ModulePage.workplace_sections`; the community book's reads
are in courses.books.selectors. Nothing here is cached: views decide that (dashboard.generations).
"""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr

from courses.models import CoursePage, ModulePage


def modules_by_course(course_ids) -> dict[int, list]:
    """The live modules of several courses in tree order, keyed by course id (one query).

    A module's course is the page whose path is the module's minus its last step: the query
    reads the live modules (written by hand: tens on a site, not thousands) and matches each
    to a course by that path (unique, indexed). As cheap as the cache it replaced, which read
    one generation row. Without their bodies: a module's StreamField is most of its row, and
    lists never show it.
    """
    course_ids = sorted(set(course_ids))
    result: dict[int, list] = {pk: [] for pk in course_ids}
    if not course_ids:
        return result
    courses = CoursePage.objects.filter(pk__in=course_ids).order_by()
    modules = (
        ModulePage.objects.live()
        .defer_streamfields()
        .alias(course_path=Substr("path", 1, Length("path") - ModulePage.steplen))
        .filter(course_path__in=courses.values("path"))
        .annotate(course_pk=Subquery(courses.filter(path=OuterRef("course_path")).values("pk")))
        .order_by("path")
    )
    for module in modules:
        result[module.course_pk].append(module)
    return result
