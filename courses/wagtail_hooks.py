"""Admin registrations for courses: the Principles snippet and course privacy defaults."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import services, wagtail_internals
from courses.models import CoursePage, Principle
from courses.permissions import is_refused_to_signed_in


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "pick"
    menu_label = "Principles"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "statement"]
    search_fields = ["name", "statement"]


register_snippet(PrincipleViewSet)


@hooks.register("after_create_page")
def new_courses_are_for_signed_in_people(request, page):
    if isinstance(page.specific, CoursePage):
        services.restrict_to_signed_in(page=page)


@hooks.register("before_serve_page")
def signed_in_people_outside_a_group_restriction_get_403(page, request, args, kwargs):
    """Wagtail would send them to the login page, which cannot help someone already signed in.

    The page's restrictions are read once for this request: Wagtail's own privacy check,
    which runs next, gets the same evaluated list instead of two more queries."""
    restrictions = page.get_view_restrictions().prefetch_related("groups")
    list(restrictions)
    wagtail_internals.reuse_view_restrictions(page, restrictions)
    if is_refused_to_signed_in(request.user, page):
        raise PermissionDenied(gettext("This course is for another group."))
