"""Who may open which course pages: Wagtail page privacy, applied to a user without a request.

Pairs, so a page and a list can never disagree: `can_view_page` / `pages_visible_to`, and for
community books `can_view_page` / `books_visible_to`. A password-protected page is never
opened through these (a password lives in one session).

Community books are public by default: the people a learner teaches need no account. So the
privacy of a book's course (new courses are for signed-in people) does not reach its books;
privacy set on the book itself, or above the course (on the whole site), does.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageViewRestriction

from accounts.permissions import is_admin


def _page_model(name: str):
    """A courses page model, looked up by name: the page models call these rules (their
    listings in `get_context`), so this module cannot import them at load time."""
    return apps.get_model("courses", name)


def _restriction_admits(restriction, user) -> bool:
    """Whether one privacy setting lets this person in (admins pass every group restriction)."""
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if is_admin(user):
            return True
        allowed = {group.pk for group in restriction.groups.all()}
        return bool(allowed & {group.pk for group in user.groups.all()})
    return False


def can_view_page(user, page: Page) -> bool:
    """Whether the user may open a live page, given the privacy set on it and its ancestors."""
    if not page.live:
        return False
    restrictions = page.get_view_restrictions().prefetch_related("groups")
    return all(_restriction_admits(restriction, user) for restriction in restrictions)


def pages_visible_to(user, queryset):
    """The live pages of a queryset that `can_view_page` would admit (two queries)."""
    queryset = queryset.live()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        if not _restriction_admits(restriction, user):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def courses_visible_to(user):
    """The live courses that `can_view_page` would admit."""
    return pages_visible_to(user, _page_model("CoursePage").objects.all())


def modules_visible_to(user):
    """The live modules that `can_view_page` would admit."""
    return pages_visible_to(user, _page_model("ModulePage").objects.all())


def is_refused_to_signed_in(user, page: Page) -> bool:
    """A signed-in person kept out by a group restriction: signing in again would not help."""
    if not user.is_authenticated:
        return False
    restrictions = page.get_view_restrictions()  # groups prefetched by the serving hook
    return any(
        restriction.restriction_type == PageViewRestriction.GROUPS
        and not _restriction_admits(restriction, user)
        for restriction in restrictions
    )


def book_view_restrictions(book):
    """The privacy that applies to a community book: set on the book, or above its course.

    Used as the book's `get_view_restrictions`, so Wagtail's serving, its Privacy dialog and
    `can_view_page` all follow the same rule.
    """
    pages = Page.objects.ancestor_of(book, inclusive=True).exclude(
        depth=book.depth - 1, content_type=_content_type(_page_model("CoursePage"))
    )
    return PageViewRestriction.objects.filter(page__in=pages)


def books_visible_to(user):
    """The live community books that `can_view_page` would admit (two queries)."""
    queryset = _page_model("CourseBookPage").objects.live()
    course_type = _content_type(_page_model("CoursePage")).pk
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
        "groups"
    ):
        if restriction.page.content_type_id == course_type:
            continue  # a course's privacy does not reach its books
        if not _restriction_admits(restriction, user):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def _content_type(model):
    """The content type of a page model (cached by Django after the first query)."""
    return ContentType.objects.get_for_model(model)


def can_see_pdf_failure_details(user) -> bool:
    """Staff see why a book's PDF could not be prepared; the message names the site's
    internals, so readers only learn that it failed and to try again."""
    return user.is_authenticated and user.is_staff


def can_submit_translation(user, page: Page) -> bool:
    """Who may send a translated page to review: anyone who may edit it (trainers, in their
    language's tree, which shares the home page's permissions: courses.workflows)."""
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


def pages_translatable_by(user):
    """The pages this person may edit, whose translations the admin shows them."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")
