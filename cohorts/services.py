"""Business actions on cohorts and progress. Views, commands and tests call these."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cohorts.models import MAX_REFLECTION_LENGTH, ModuleProgress, Reflection
from courses.permissions import can_view_page


def _require_module_access(*, user, module) -> None:
    if not user.is_authenticated or not can_view_page(user, module):
        raise PermissionDenied("You cannot open this module.")


@transaction.atomic
def complete_module(*, user, module) -> ModuleProgress:
    """Mark a module complete for a person. Completing it again changes nothing."""
    _require_module_access(user=user, module=module)
    progress, _ = ModuleProgress.objects.get_or_create(
        user=user, module=module, defaults={"completed_at": timezone.now()}
    )
    return progress


@transaction.atomic
def uncomplete_module(*, user, module) -> None:
    """Undo a completion (a person clicked “mark as complete” by mistake)."""
    _require_module_access(user=user, module=module)
    ModuleProgress.objects.filter(user=user, module=module).delete()


@transaction.atomic
def save_reflection(*, user, module, question_key: str, answer: str) -> Reflection | None:
    """Save a learner's private answer to one question; an empty answer deletes it."""
    _require_module_access(user=user, module=module)
    questions = dict(module.reflection_questions())
    if question_key not in questions:
        raise ValidationError("This question is no longer part of the module.")
    answer = answer.strip()
    if len(answer) > MAX_REFLECTION_LENGTH:
        raise ValidationError(
            f"Your answer is {len(answer):,} characters; the limit is "
            f"{MAX_REFLECTION_LENGTH:,}. Shorten it and save again."
        )
    if not answer:
        Reflection.objects.filter(user=user, module=module, question_key=question_key).delete()
        return None
    reflection, _ = Reflection.objects.update_or_create(
        user=user,
        module=module,
        question_key=question_key,
        defaults={"answer": answer, "question": questions[question_key][:300]},
    )
    return reflection
