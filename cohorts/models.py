"""Organisations, cohorts and memberships (see ARCHITECTURE.md).

Progress and reflections belong to the person, not to a cohort, so they live in courses
(courses.models.progress): a cohort reads its members' progress on its course's modules.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from cohorts.languages import DEFAULT as DEFAULT_LANGUAGE
from cohorts.languages import teaching_languages

# Easy to read aloud and type: no 0/O, 1/I/L. 31 symbols x 10 = 49.5 bits of randomness.
JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
JOIN_CODE_LENGTH = 10


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """What someone typed or clicked, as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


class Organisation(models.Model):
    """An employer whose people take courses in cohorts. Edited by admins under Cohorts."""

    name = models.CharField(max_length=120, unique=True)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="trainer_in_organisations",
        help_text=_(
            "People who may start cohorts for this organisation (cohorts/permissions.py)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    """A person's role in one cohort."""

    TRAINER = "trainer", _("Trainer")
    LEARNER = "learner", _("Learner")


class CohortQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived=False)

    def with_member(self, user, role: str | None = None):
        """Cohorts where the person is a current (not ended) member, in the role if given."""
        condition = Q(memberships__user=user, memberships__ended_at__isnull=True)
        if role:
            condition &= Q(memberships__role=role)
        return self.filter(condition).distinct()


class TrainerEmails(models.TextChoices):
    """How a cohort's trainers hear about new reports."""

    EACH_REPORT = "each", _("An email for each report")
    DAILY_DIGEST = "daily", _("A daily digest")


class Cohort(ClusterableModel):
    """A group of employees taking one course together, run by its trainers (admin: Cohorts)."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="cohorts"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(max_length=120)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    join_code = models.CharField(max_length=16, unique=True, default=new_join_code, editable=False)
    seat_limit = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    teach_back_instructions = models.TextField(
        blank=True,
        help_text=_("What learners should do when they teach at home or in their community."),
    )
    teach_back_due_on = models.DateField(null=True, blank=True)
    default_language = models.CharField(
        _("default language"),
        max_length=12,
        choices=teaching_languages,
        default=DEFAULT_LANGUAGE,
        help_text=_("The language learners usually teach in; their report form starts with it."),
    )
    trainer_emails = models.CharField(
        max_length=8, choices=TrainerEmails.choices, default=TrainerEmails.EACH_REPORT
    )
    archived = models.BooleanField(
        default=False, help_text=_("Archived cohorts take no new members and leave learner homes.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def join_path(self) -> str:
        """The cohort's invite link, without the host."""
        return reverse("join_cohort", kwargs={"code": self.join_code})

    @property
    def display_code(self) -> str:
        return f"{self.join_code[:5]}-{self.join_code[5:]}"


class MembershipQuerySet(models.QuerySet):
    def current(self):
        """Memberships that grant access today: not ended by a trainer."""
        return self.filter(ended_at__isnull=True)

    def ended(self):
        """Former members: kept so their reports keep an author and the figures stay true."""
        return self.filter(ended_at__isnull=False)


class Membership(models.Model):
    """That a person belongs (or belonged) to a cohort, as trainer or learner.

    One row per person and cohort, never deleted by the app: removing someone ends the row
    (`ended_at`, `ended_by`), so their reports and the comments on them stay in the cohort.
    Only current memberships grant anything (cohorts.permissions, reports.permissions).
    """

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.LEARNER)
    joined_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When a trainer removed the person; empty while current."),
    )
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who removed the person."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "user__display_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort"),
        ]

    def __str__(self):
        return _("%(person)s (%(role)s) in %(cohort)s") % {
            "person": self.user, "role": self.get_role_display(), "cohort": self.cohort.name
        }

    @property
    def is_current(self) -> bool:
        return self.ended_at is None
