"""The engagement pulse: a few statements a learner rates from 1 to 5 at set moments.

A `Pulse` is one person's invitation to answer at one stage (baseline, after the course, 30, 60
and 90 days after the cohort ends) and, once sent, their answer: a `PulseScore` per statement,
each keeping the statement's key and the words they rated. Written only through
pulse.services; nobody but the person reads an answer: figures come from pulse.selectors, as
aggregates of groups of at least five (see docs/architecture.md, "The engagement pulse").
"""

from datetime import timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin

MAX_COMMENT = 2_000
STATEMENT_LENGTH = 200
MIN_STATEMENTS, MAX_STATEMENTS = 3, 5
SCORES = range(1, 6)


class Stage(models.TextChoices):
    """When a pulse is asked: on joining, after the last module, and after the cohort ends."""

    BASELINE = "baseline", _("Baseline")
    AFTER_COURSE = "after_course", _("After the course")
    DAY_30 = "day_30", _("30 days after")
    DAY_60 = "day_60", _("60 days after")
    DAY_90 = "day_90", _("90 days after")


# Written for Ripple (no proprietary survey items). Keys stay with answers whatever the wording.
DEFAULT_STATEMENTS = [
    ("difference", _("I can see how my work makes a difference to our customers.")),
    ("initiative", _("I fix things for a customer without waiting to be asked.")),
    ("shared", _("In the past month I shared something I learned with someone outside work.")),
    ("support", _("My colleagues and I look out for each other.")),
    ("proud", _("I am proud of the service our team gives.")),
]


class PulseStatementSet(RevisionMixin, models.Model):
    """The pulse statements one organisation's people rate (admin: Snippets → Pulse
    statements, by that organisation's trainers and admins). Every save is a revision; an
    organisation without a set gets DEFAULT_STATEMENTS, in each person's language."""

    organisation = models.OneToOneField(
        "cohorts.Organisation",
        on_delete=models.CASCADE,
        related_name="pulse_statements",
        verbose_name=_("organisation"),
    )
    statements = StreamField(
        [
            (
                "statement",
                CharBlock(
                    max_length=STATEMENT_LENGTH,
                    label=_("Statement"),
                    help_text=_(
                        "One sentence people rate from “Strongly disagree” to “Strongly agree”."
                    ),
                ),
            )
        ],
        min_num=MIN_STATEMENTS,
        max_num=MAX_STATEMENTS,
        verbose_name=_("statements"),
        help_text=_(
            "Three to five statements. Answers keep the words people rated, so editing a "
            "statement never changes what an earlier answer meant."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pulse statements")
        verbose_name_plural = _("pulse statements")

    def __str__(self):
        return str(_("Pulse statements for %(organisation)s") % {"organisation": self.organisation})

    def as_pairs(self) -> list[tuple[str, str]]:
        """(key, text) for each statement, in order; a statement's key is its block id."""
        return [(block.id, str(block.value)) for block in self.statements]


class PulseQuerySet(models.QuerySet):
    def answered(self):
        """Pulses whose person sent an answer (final once sent)."""
        return self.filter(answered_at__isnull=False)

    def open_on(self, day):
        """Unanswered pulses one may still answer on `day`: due, window not closed, and the
        person still a member."""
        return self.filter(
            answered_at__isnull=True,
            due_on__lte=day,
            closes_on__gt=day,
            membership__ended_at__isnull=True,
        )


class Pulse(models.Model):
    """One learner's pulse at one stage: asked from `due_on` until `closes_on` (exclusive),
    then, once they answer, the answer itself (final). Nobody but the person reads it."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.PROTECT, related_name="pulses"
    )
    # Kept when the person's account is deleted (the answer stays, anonymous), so a published
    # figure never changes because one person left.
    membership = models.ForeignKey(
        "cohorts.Membership",
        null=True,
        on_delete=models.SET_NULL,
        related_name="pulses",
    )
    stage = models.CharField(max_length=16, choices=Stage.choices)
    due_on = models.DateField()
    closes_on = models.DateField(help_text="The first day the pulse can no longer be answered.")
    last_emailed_on = models.DateField(null=True, blank=True)
    emails_sent = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField(null=True, blank=True)
    mean_score = models.FloatField(null=True, blank=True)
    comment = models.TextField(blank=True, max_length=MAX_COMMENT)
    share_comment = models.BooleanField(
        default=False, help_text="The person allowed trainers to read the comment, unnamed."
    )

    objects = PulseQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "stage"], name="one_pulse_per_stage"),
            models.CheckConstraint(
                condition=Q(closes_on__gt=models.F("due_on")), name="pulse_window_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(mean_score__isnull=True)
                | Q(mean_score__gte=1, mean_score__lte=5),
                name="pulse_mean_between_1_and_5",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "stage"])]

    def __str__(self):
        return f"{self.get_stage_display()} pulse #{self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def last_day(self):
        """The last day the pulse can be answered (`closes_on` is the first day it cannot)."""
        return self.closes_on - timedelta(days=1)


class PulseScore(models.Model):
    """One statement's score (1–5) in an answered pulse, with the words that were rated."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="scores")
    statement_key = models.CharField(max_length=64)
    statement_text = models.CharField(max_length=STATEMENT_LENGTH)
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pulse", "statement_key"], name="one_score_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="pulse_score_between_1_and_5"
            ),
        ]

    def __str__(self):
        return f"{self.statement_key} in pulse #{self.pulse_id}"
