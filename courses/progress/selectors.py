"""Reads of a person's own progress and answers; each runs one query whatever their number.

A module and its translations (the same module in another language's page tree, sharing its
`translation_key`) share one progress: completing or answering either counts for both.
"""

from courses.models.progress import ModuleProgress, Reflection


def _modules():
    """The module model (courses.models.pages imports this module, so not at the top)."""
    return ModuleProgress._meta.get_field("module").related_model


def completed_module_ids(*, user, modules) -> set[int]:
    """Ids of the given modules that the user has completed (one query; none when anonymous)."""
    if not user.is_authenticated:
        return set()
    return set(
        _modules().objects.filter(
            pk__in=[module.pk for module in modules],
            translation_key__in=ModuleProgress.objects.for_user(user).values(
                "module__translation_key"
            ),
        ).values_list("pk", flat=True)
    )


def reflection_answers(*, user, module) -> dict[str, Reflection]:
    """The user's own answers on a module (or a translation of it: questions keep their ids
    across languages), by question key, oldest first. Nobody else's."""
    return {
        reflection.question_key: reflection
        for reflection in Reflection.objects.for_user(user)
        .filter(module__translation_key=module.translation_key)
        .order_by("pk")
    }
