"""A person's progress through courses: completed modules and private reflection answers.

Progress belongs to the person and the module, not to a cohort: a cohort reads its members'
progress on its course's modules (dashboard.selectors). Rows are written only through
courses.progress.services.

These models lived in cohorts until issue 14; their tables keep their rows (migrations
cohorts 0008 and courses 0006 move them without copying).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_REFLECTION_LENGTH = 10_000


class OwnRowsQuerySet(models.QuerySet):
    """Rows that belong to one person: their completions, their private answers."""

    def for_user(self, user):
        """The person's own rows; none for an anonymous visitor. Nobody reads another's."""
        return self.filter(user=user) if user.is_authenticated else self.none()


class ModuleProgress(models.Model):
    """That a person completed a module, and when. Undoing completion deletes the row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="progress"
    )
    completed_at = models.DateTimeField()

    objects = OwnRowsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="one_progress_per_module"),
        ]

    def __str__(self):
        return f"{self.user} completed {self.module_id}"


class Reflection(models.Model):
    """A learner's private answer to one reflection question of a module. Only they read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="reflections"
    )
    question_key = models.CharField(max_length=64)
    question = models.CharField(max_length=300, help_text=_("The question as it was asked."))
    answer = models.TextField(max_length=MAX_REFLECTION_LENGTH)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnRowsQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "question_key"], name="one_answer_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.question[:40]}"
