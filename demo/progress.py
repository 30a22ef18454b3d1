"""Learners' progress for the demo (module completions and a few private reflections)."""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage, ModuleProgress, Reflection

REFLECTION_ANSWER = (
    "A neighbour who fixed my bike chain and refused payment. "
    "I still remember how it felt to be helped for nothing."
)


def seed_progress(*, course: CoursePage, learners: list) -> None:
    """Varied progress: learner n has finished (n + 2) mod 6 modules; every third reflected."""
    modules = list(course.modules())
    now = timezone.now()
    for n, learner in enumerate(learners):
        for position, module in enumerate(modules[: (n + 2) % (len(modules) + 1)]):
            ModuleProgress.objects.get_or_create(
                user=learner,
                module=module,
                defaults={"completed_at": now - timedelta(days=20 - 3 * position, hours=n)},
            )
        if n % 3 == 0:
            module = modules[0]
            key, question = module.reflection_questions()[0]
            Reflection.objects.get_or_create(
                user=learner,
                module=module,
                question_key=key,
                defaults={"question": question, "answer": REFLECTION_ANSWER},
            )
