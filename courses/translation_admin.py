"""The admin's side of translating pages: the dashboard's “Translations” panel, and “Submit for
review” for a translated page (wagtail-localize's own editor offers only Publish, which
trainers may not do: a translation goes live through Trainer review like any change).

Registered in courses/wagtail_hooks.py. The panel lists through courses.permissions and
courses.translation_status; the view asks courses.permissions, then calls courses.services.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from courses import services
from courses.exceptions import TranslationNotReady
from courses.permissions import can_submit_translation, pages_translatable_by
from courses.translation_status import translated_pages, translations_needing_work


class TranslationsPanel(Component):
    """“Translations”: translated pages whose source changed since they were translated,
    whose text is not all translated yet, or that are ready to submit for review."""

    name = "ripple_translations"
    order = 105
    template_name = "courses/admin/translations_panel.html"

    class Media:
        css = {"all": ["css/admin-panels.css"]}

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        sources = translated_pages(pages_translatable_by(request.user))
        return {
            "translations": translations_needing_work(pages=list(sources)),
            "csrf_token": parent_context["csrf_token"],
        }


@require_POST
def submit_translation(request, page_id: int):
    """Send a translated page to review (POST), then back to the dashboard with a message."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit_translation(request.user, page):
        messages.error(request, _("You may not change this page."))
        return redirect("wagtailadmin_home")
    try:
        services.submit_translation_for_review(page=page, user=request.user)
    except TranslationNotReady as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” (%(language)s) was submitted for review.")
            % {"title": page.title, "language": page.locale.get_display_name()},
        )
    return redirect("wagtailadmin_home")
