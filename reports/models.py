"""Teach-back reports: a learner tells their cohort how teaching at home or in the community went.

Written only through reports.services; read through reports.permissions (who may see what).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from cohorts.languages import DEFAULT as DEFAULT_LANGUAGE
from cohorts.languages import teaching_languages

MAX_AUDIENCE = 10_000
LONG_TEXT = 5_000
MEDIUM_TEXT = 3_000
COMMENT_TEXT = 2_000
TITLE_TEXT = 120
# Words a description of who was there often starts with; after "Taught " they read lower case.
_LOWER_AFTER_TAUGHT = {
    "a", "an", "all", "some", "several", "few", "many", "most", "the", "my", "our", "their",
    "his", "her", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "family", "friends", "neighbours", "colleagues", "people",
    "children", "kids", "volunteers", "members", "parents", "students", "cousins",
}


def title_from_audience(description: str, audience_size: int, language: str = "") -> str:
    """A title for a report whose author gave none, in the author's voice: “Taught my two
    teenagers over dinner”, or “Taught 4 people” when they did not say who was there.

    Written in the language the session was taught in when the interface has it (the author's
    description most likely is too), else in the site's language: never “Enseñó a my two
    teenagers” because a Spanish reader opened an English report.
    """
    spoken = {code for code, _name in settings.LANGUAGES}
    with translation.override(language if language in spoken else settings.LANGUAGE_CODE):
        return _title_from_audience(description, audience_size)


def _title_from_audience(description: str, audience_size: int) -> str:
    description = " ".join(description.split())
    if not description:
        return ngettext("Taught %(count)d person", "Taught %(count)d people", audience_size) % {
            "count": audience_size
        }
    first, __, rest = description.partition(" ")
    if first.lower() in _LOWER_AFTER_TAUGHT:
        description = " ".join(filter(None, [first.lower(), rest]))
    # Translators: a report's title made from who was there, e.g. “Taught my two teenagers”.
    title = gettext("Taught %(audience)s") % {"audience": description}
    if len(title) <= TITLE_TEXT:
        return title
    return title[: TITLE_TEXT - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


class Setting(models.TextChoices):
    """Where the teaching happened."""

    HOME = "home", _("Family or home")
    FRIENDS = "friends", _("Friends")
    NEIGHBOURS = "neighbours", _("Neighbours")
    FAITH = "faith", _("Faith community")
    SCHOOL = "school", _("School")
    CLUB = "club", _("Club or team")
    VOLUNTEER = "volunteer", _("Volunteer group")
    ONLINE = "online", _("Online")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    """Who may read a submitted report besides its author (see reports.permissions)."""

    COHORT = "cohort", _("My cohort (peers and trainers)")
    TRAINERS = "trainers", _("Trainers only")


class Status(models.TextChoices):
    """A draft is its author's alone; a submitted report is shared."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class TeachBackReportQuerySet(models.QuerySet):
    """Domain words for report lists; who may see them is reports.permissions' business."""

    def submitted(self):
        """Reports their authors have shared (not drafts)."""
        return self.filter(status=Status.SUBMITTED)

    def in_cohort(self, cohort):
        """Reports filed in one cohort."""
        return self.filter(author__cohort=cohort)

    def in_organisation(self, organisation):
        """Reports filed in any cohort of one organisation."""
        return self.filter(author__cohort__organisation=organisation)


class TeachBackReport(models.Model):
    """One time a learner taught the principles to others, told in their own words."""

    # PROTECT: a report outlives its author's membership; nothing may delete it as a side
    # effect (memberships are ended, not deleted, and a cohort with reports cannot be deleted).
    author = models.ForeignKey(
        "cohorts.Membership", on_delete=models.PROTECT, related_name="reports"
    )
    form_token = models.UUIDField(
        help_text="Sent with the form, so a double click or a retried post makes one report."
    )
    taught_on = models.DateField()
    setting = models.CharField(max_length=16, choices=Setting.choices)
    # The default serves reports made before languages were recorded (and code that files
    # one without saying); the form always asks, starting from the cohort's default.
    language = models.CharField(
        _("language"), max_length=12, choices=teaching_languages, default=DEFAULT_LANGUAGE
    )
    audience_size = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_AUDIENCE)]
    )
    audience_description = models.CharField(max_length=300, blank=True)
    title = models.CharField(
        max_length=TITLE_TEXT,
        blank=True,
        help_text="The author's short title, optional: without one, lists show “Taught” and "
        "who was there.",
    )
    modules = models.ManyToManyField("courses.ModulePage", blank=True, related_name="+")
    principles = models.ManyToManyField("courses.Principle", blank=True, related_name="+")
    what_happened = models.TextField(max_length=LONG_TEXT)
    what_resonated = models.TextField(max_length=MEDIUM_TEXT, blank=True)
    what_was_hard = models.TextField(max_length=MEDIUM_TEXT, blank=True)
    what_i_learned = models.TextField(max_length=MEDIUM_TEXT, blank=True)
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.COHORT
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    trainer_feedback = models.TextField(max_length=MEDIUM_TEXT, blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback_at = models.DateTimeField(null=True, blank=True)
    share_at_next_session = models.BooleanField(default=False)

    objects = TeachBackReportQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["author", "form_token"], name="one_report_per_form"),
            models.CheckConstraint(
                condition=models.Q(audience_size__gte=1, audience_size__lte=MAX_AUDIENCE),
                name="audience_size_in_range",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-submitted_at"], name="report_feed_idx"),
        ]

    def __str__(self):
        return self.shown_title

    @property
    def shown_title(self) -> str:
        """The title lists and pages show above the author's name: theirs, or one made from
        who was there (kept live, so it follows their edits)."""
        return self.title or title_from_audience(
            self.audience_description, self.audience_size, self.language
        )


class Comment(models.Model):
    """A peer's or trainer's reply to a report. Trainers may hide one; authors edit their own."""

    report = models.ForeignKey(TeachBackReport, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_comments"
    )
    body = models.TextField(max_length=COMMENT_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Comment by {self.author} on report {self.report_id}"


class Appreciation(models.Model):
    """One person's “thank you” for a report; toggled, at most one per person and report."""

    report = models.ForeignKey(
        TeachBackReport, on_delete=models.CASCADE, related_name="appreciations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "user"], name="one_appreciation_each"),
        ]

    def __str__(self):
        return f"{self.user} appreciates report {self.report_id}"
