"""Every place Ripple relies on Wagtail (or treebeard) behaviour that is not public API.

Each function here leans on one private detail, says which, and is pinned by a test in
tests/courses/test_wagtail_internals.py that fails with a clear message when an upgrade
changes that detail. Nothing else in Ripple touches these details directly.
"""

from django.db.models import QuerySet
from wagtail.models import Page


def posted_stream_child_types(data, prefix: str) -> list[str | None]:
    """The block type of each child a StreamField form posted and did not delete, in order.

    Relies on the names of Wagtail's StreamBlock form fields: `<prefix>-count`, and
    `<prefix>-<n>-type` / `<prefix>-<n>-deleted` for each child. Wagtail reads the same names
    in `StreamBlock.value_from_datadict`, but skips a type it does not know without a word;
    this lets a block tell the editor instead.
    """
    count = data.get(f"{prefix}-count", "0")
    return [
        data.get(f"{prefix}-{n}-type")
        for n in range(int(count) if str(count).isdigit() else 0)
        if not data.get(f"{prefix}-{n}-deleted")
    ]


def remember_parent(page: Page, parent: Page) -> None:
    """Tell a page object its parent, so `page.get_parent()` needs no query.

    Relies on treebeard's `_cached_parent_obj`, which Wagtail's own `Page.route` sets the
    same way for each page it walks through.
    """
    page._cached_parent_obj = parent


def known_parent(page: Page) -> Page | None:
    """The parent `remember_parent` (or Wagtail's routing) told this page object, if any."""
    return getattr(page, "_cached_parent_obj", None)


def reuse_view_restrictions(page: Page, restrictions: QuerySet) -> None:
    """Make this request's page object answer `get_view_restrictions()` with an already
    evaluated queryset, so Wagtail's privacy check (its `on_serve_page` hook
    `check_view_restrictions`, which runs after Ripple's `before_serve_page` hook and calls
    `page.get_view_restrictions()`) reads no rows again.

    Relies on that hook calling the method on the page object it is given. Only this one
    object changes; the class and other requests are untouched.
    """
    page.get_view_restrictions = lambda: restrictions
