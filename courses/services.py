"""Business actions on course content: privacy defaults.

The community book's actions (rendering and storing its PDFs) are in courses.books.services.
"""

from wagtail.models import PageViewRestriction


def restrict_to_signed_in(*, page) -> None:
    """Make a page need a signed-in user (its Privacy setting); a trainer may lift it later."""
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
