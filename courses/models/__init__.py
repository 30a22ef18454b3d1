"""Course content: the public home page, principles, the course tree, books and moderation."""

from courses.models.book import BookModule, BookRendition, CourseBookPage
from courses.models.pages import CourseIndexPage, CoursePage, HomePage, ModulePage
from courses.models.principles import Principle
from courses.models.review import PeerReviewTask

__all__ = [
    "BookModule",
    "BookRendition",
    "CourseBookPage",
    "CourseIndexPage",
    "CoursePage",
    "HomePage",
    "ModulePage",
    "PeerReviewTask",
    "Principle",
]
