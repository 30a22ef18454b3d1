"""Reads of a person's progress that pages across apps use."""

from cohorts.models import ModuleProgress, Reflection


def completed_module_ids(*, user, modules) -> set[int]:
    """Ids of the given modules that the user has completed (one query; none when anonymous)."""
    if not user.is_authenticated:
        return set()
    return set(
        ModuleProgress.objects.for_user(user)
        .filter(module__in=[module.pk for module in modules])
        .values_list("module_id", flat=True)
    )


def reflection_answers(*, user, module) -> dict[str, str]:
    """The user's own answers on a module, by question key. Nobody else's, ever."""
    return dict(
        Reflection.objects.for_user(user)
        .filter(module=module)
        .values_list("question_key", "answer")
    )
