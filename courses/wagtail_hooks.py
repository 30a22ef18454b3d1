"""Admin registrations for courses: the Principles snippet and course privacy defaults."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import services
from courses.models import CoursePage, Principle


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
