"""Learner-facing views of courses that are not pages: module search.

A module's own page, its completion and its reflections are served by ModulePage's routes
(courses/models/pages.py), as Wagtail serves pages.
"""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from courses.forms import SearchForm
from courses.permissions import modules_visible_to


@require_GET
def search(request):
    """Search the modules this visitor may open (title, summary and body text), in the
    language they read (each language's modules are its own pages)."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    words = form.words()
    page = None
    if words:
        results = (
            modules_visible_to(request.user)
            .filter(locale=Locale.get_active())
            .specific()
            .search(words)
        )
        page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "courses/search.html", {"form": form, "query": query, "results": page}
    )
