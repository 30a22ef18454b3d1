"""Business actions on a person's progress: completing a module, saving reflection answers.

Views, page routes, commands and tests call these; each checks that the person may open the
module first. Progress on a translated module is kept on the module it translates (the one
cohorts follow, in the default language), so a learner may read either.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from courses.models.progress import MAX_REFLECTION_LENGTH, ModuleProgress, Reflection
from courses.permissions import can_view_page


def _modules():
    """The module model (courses.models.pages imports this module, so not at the top)."""
    return ModuleProgress._meta.get_field("module").related_model


def _require_module_access(*, user, module) -> None:
    """Refuse (PermissionDenied) anyone who may not open the module: anonymous or kept out."""
    if not user.is_authenticated or not can_view_page(user, module):
        raise PermissionDenied(gettext("You cannot open this module."))


def _kept_on(module):
    """The module progress is kept on: the one this module translates (default language), or
    the module itself."""
    if not module.translation_key:
        return module
    source = _modules().objects.filter(
        translation_key=module.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return source or module


@transaction.atomic
def complete_module(*, user, module) -> ModuleProgress:
    """Mark a module complete for a person. Completing it again changes nothing."""
    _require_module_access(user=user, module=module)
    progress, _ = ModuleProgress.objects.get_or_create(
        user=user, module=_kept_on(module), defaults={"completed_at": timezone.now()}
    )
    return progress


@transaction.atomic
def uncomplete_module(*, user, module) -> None:
    """Undo a completion (a person clicked “mark as complete” by mistake)."""
    _require_module_access(user=user, module=module)
    ModuleProgress.objects.filter(
        user=user, module__translation_key=module.translation_key
    ).delete()


@transaction.atomic
def save_reflections(*, user, module, answers: dict[str, str]) -> None:
    """Save a learner's private answers to a module's questions together: all or none.

    `answers` maps question keys to text. An emptied answer deletes only that answer; a
    question not in `answers` is left as it is. A ValidationError keyed by question key
    says which answers are refused; then nothing is saved.
    """
    _require_module_access(user=user, module=module)
    questions = dict(module.reflection_questions())
    errors, cleaned = {}, {}
    for key, answer in answers.items():
        answer = answer.strip()
        if key not in questions:
            errors[key] = gettext("This question is no longer part of the module.")
        elif len(answer) > MAX_REFLECTION_LENGTH:
            errors[key] = gettext(
                "Your answer is %(length)s characters; the limit is %(limit)s. Shorten it and "
                "save again."
            ) % {
                "length": number_format(len(answer), force_grouping=True),
                "limit": number_format(MAX_REFLECTION_LENGTH, force_grouping=True),
            }
        else:
            cleaned[key] = answer
    if errors:
        raise ValidationError(errors)
    module = _kept_on(module)
    mine = Reflection.objects.filter(user=user, module=module)
    emptied = [key for key, answer in cleaned.items() if not answer]
    if emptied:
        mine.filter(question_key__in=emptied).delete()
    saved = dict(mine.filter(question_key__in=cleaned).values_list("question_key", "answer"))
    changed = [
        Reflection(
            user=user, module=module, question_key=key, question=questions[key][:300],
            answer=answer,
        )
        for key, answer in cleaned.items()
        if answer and saved.get(key) != answer
    ]
    Reflection.objects.bulk_create(
        changed,
        update_conflicts=True,
        unique_fields=["user", "module", "question_key"],
        update_fields=["answer", "question", "updated_at"],
    )
