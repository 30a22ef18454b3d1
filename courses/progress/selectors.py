"""Reads of a person's own progress and answers; each runs one query whatever their number."""

from courses.models.progress import ModuleProgress, Reflection


def completed_module_ids(*, user, modules) -> set[int]:
    """Ids of the given modules that the user has completed (one query; none when anonymous)."""
    if not user.is_authenticated:
        return set()
    return set(
        ModuleProgress.objects.for_user(user)
        .filter(module__in=[module.pk for module in modules])
        .values_list("module_id", flat=True)
    )


def reflection_answers(*, user, module) -> dict[str, Reflection]:
    """The user's own answers on a module, by question key, oldest first. Nobody else's."""
    return {
        reflection.question_key: reflection
        for reflection in Reflection.objects.for_user(user).filter(module=module).order_by("pk")
    }
