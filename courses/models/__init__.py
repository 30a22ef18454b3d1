"""Course content: the public home page, principles, the course tree and moderation."""

from courses.models.pages import CourseIndexPage, CoursePage, HomePage, ModulePage
from courses.models.principles import Principle
from courses.models.review import PeerReviewTask

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "HomePage",
    "ModulePage",
    "PeerReviewTask",
    "Principle",
]
