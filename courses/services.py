"""Business actions on course content: privacy defaults, submitting a translation for review.

The community book's actions (rendering and storing its PDFs) are in courses.books.services.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction, Revision
from wagtail_localize.models import Translation

from courses.exceptions import TranslationNotReady


def restrict_to_signed_in(*, page) -> None:
    """Make a page need a signed-in user (its Privacy setting); a trainer may lift it later."""
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@transaction.atomic
def submit_translation_for_review(*, page, user) -> Revision:
    """Save a translated page's current translation (wagtail-localize's text segments) as a
    draft revision by `user`, and start its review workflow (“Trainer review”), as the
    editor's “Submit for review” does for any other change. The translation goes live when
    another trainer approves it. Returns the submitted revision.

    Raises TranslationNotReady when the page is not a translation, some of its text is not
    translated yet, or it is already waiting for review."""
    translation = (
        Translation.objects.filter(
            enabled=True, source__object_id=page.translation_key, target_locale=page.locale
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        raise TranslationNotReady(_("This page is not a translation."))
    total, translated = translation.get_progress()
    if translated < total:
        raise TranslationNotReady(
            _("%(missing)s of %(total)s texts are not translated yet.")
            % {"missing": total - translated, "total": total}
        )
    if page.workflow_in_progress:
        raise TranslationNotReady(_("This translation is already waiting for review."))
    workflow = page.get_workflow()
    if workflow is None:
        raise TranslationNotReady(_("This page has no review workflow."))
    translation.save_target(user=user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    workflow.start(page, user)
    return page.get_latest_revision()
