"""Admin registrations for courses: the Principles snippet, course privacy defaults, pages in
the reader's language, and the dashboard's translations panel with its “Submit for review”."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import languages, services, translation_admin, wagtail_internals
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


@hooks.register("before_serve_page")
def pages_follow_the_readers_language(page, request, args, kwargs):
    """An unprefixed page URL serves the default language's page; someone who prefers another
    language is sent to the page's live translation in it, if there is one, and otherwise
    reads the page with the interface in their language. `?language=<code>` (a link to the
    default language's edition) says the reader chose this one."""
    if request.method not in ("GET", "HEAD") or translation.get_language_from_path(
        request.path_info
    ):
        return None  # a language prefix (/es/...) is the reader's explicit choice
    preferred = languages.preferred_language(request)
    if preferred == settings.LANGUAGE_CODE or preferred == page.locale.language_code:
        return None  # no query for the default language's readers
    if request.GET.get(languages.CHOSEN_LANGUAGE) == page.locale.language_code:
        return None  # a link that offers this very language (the book's language list)
    other = languages.live_translation(page, preferred)
    if other is not None:
        url, own = other.get_url(request), page.get_url(request)
        if url and own and request.path.startswith(own):
            url += request.path[len(own):]  # a route of the page: pdf/, epub/...
            query = request.META.get("QUERY_STRING", "")
            return redirect(url + (f"?{query}" if query else ""))
    translation.activate(preferred)
    request.LANGUAGE_CODE = preferred
    return None


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(translation_admin.TranslationsPanel())


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "translations/<int:page_id>/submit/",
            translation_admin.submit_translation,
            name="courses_submit_translation",
        )
    ]
