"""Course content: the public home page, principles, the course tree, books and moderation,
and each person's progress and reflections on it."""

from courses.models.book import BookModule, BookRendition, CourseBookPage
from courses.models.pages import CourseIndexPage, CoursePage, HomePage, ModulePage
from courses.models.principles import Principle
from courses.models.progress import MAX_REFLECTION_LENGTH, ModuleProgress, Reflection
from courses.models.review import PeerReviewTask

__all__ = [
    "BookModule",
    "BookRendition",
    "CourseBookPage",
    "CourseIndexPage",
    "CoursePage",
    "HomePage",
    "MAX_REFLECTION_LENGTH",
    "ModulePage",
    "ModuleProgress",
    "PeerReviewTask",
    "Principle",
    "Reflection",
]
