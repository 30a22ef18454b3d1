"""Business actions on teach-back reports. Views, commands and tests call these.

Emails go out through django-tasks after the transaction commits, never inside a request.
"""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models import Membership, TrainerEmails
from reports import tasks
from reports.models import Appreciation, Comment, Status, TeachBackReport

REFUSED_FORM_MESSAGE = _(
    "This form belongs to another report, so nothing was saved. Your text is still below: "
    "check it and save again."
)
# What a person writes in a report, besides the modules and principles they taught.
REPORT_FIELDS = (
    "taught_on",
    "setting",
    "language",
    "audience_size",
    "audience_description",
    "title",
    "what_happened",
    "what_resonated",
    "what_was_hard",
    "what_i_learned",
    "visibility",
)


def _after_commit(task, **kwargs) -> None:
    """Enqueue a background task once the transaction commits (never for rolled-back work)."""
    transaction.on_commit(lambda: task.enqueue(**kwargs))


@transaction.atomic
def save_report(
    *,
    membership: Membership,
    data: Mapping[str, Any],
    submit: bool,
    report: TeachBackReport | None = None,
) -> TeachBackReport:
    """Save a report as a draft, or submit it: a new one filed under `membership`, or a change
    to `report` (by its author, whose membership that is).

    `data` is cleaned data, as ReportForm gives it: REPORT_FIELDS, `modules`, `principles` and
    `form_token`. The token makes the same form posted twice (double click, retry after a
    timeout) update the one report it made instead of making another. A token of another
    report (of this person, in another cohort, or of someone else) is refused with a
    ValidationError, and no report changes; an edit posting a token of no report keeps its own.
    """
    token = data["form_token"]
    if report is not None:
        if token != report.form_token:
            if TeachBackReport.objects.filter(form_token=token).exists():
                raise ValidationError(REFUSED_FORM_MESSAGE, code="foreign_token")
            token = report.form_token  # a report keeps the token it was made with
    else:
        made = list(TeachBackReport.objects.filter(form_token=token))
        if any(existing.author_id != membership.pk for existing in made):
            raise ValidationError(REFUSED_FORM_MESSAGE, code="foreign_token")
        report = made[0] if made else TeachBackReport()
    for name in REPORT_FIELDS:
        setattr(report, name, data[name])
    report.author, report.form_token = membership, token
    newly_submitted = submit and report.status != Status.SUBMITTED
    if newly_submitted:
        report.status, report.submitted_at = Status.SUBMITTED, timezone.now()
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # A simultaneous post of the same form saved first; that report is the one.
        return TeachBackReport.objects.get(author=membership, form_token=token)
    report.modules.set(data["modules"])
    report.principles.set(data["principles"])
    if newly_submitted and membership.cohort.trainer_emails == TrainerEmails.EACH_REPORT:
        _after_commit(tasks.email_trainers_about_report, report_id=report.pk)
    return report


@transaction.atomic
def delete_report(*, report: TeachBackReport) -> None:
    """An author deletes their report, with its comments and appreciations."""
    report.delete()


@transaction.atomic
def add_comment(*, report: TeachBackReport, author, body: str) -> Comment:
    """Comment on a report; its author hears of it by email (unless they wrote it)."""
    comment = Comment.objects.create(report=report, author=author, body=body.strip())
    if report.author.user_id != author.pk:
        _after_commit(tasks.email_author_about_comment, comment_id=comment.pk)
    return comment


@transaction.atomic
def edit_comment(*, comment: Comment, body: str) -> Comment:
    """Its author changes a comment, which is then marked as edited."""
    comment.body = body.strip()
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def delete_comment(*, comment: Comment) -> None:
    """Its author deletes a comment."""
    comment.delete()


@transaction.atomic
def set_comment_hidden(*, comment: Comment, hidden: bool) -> Comment:
    """A trainer hides a comment from the cohort (or shows it again)."""
    comment.hidden = hidden
    comment.save(update_fields=["hidden"])
    return comment


@transaction.atomic
def toggle_appreciation(*, report: TeachBackReport, user) -> bool:
    """Appreciate a report, or take the appreciation back. Returns whether it is appreciated."""
    deleted, _ = Appreciation.objects.filter(report=report, user=user).delete()
    if deleted:
        return False
    Appreciation.objects.get_or_create(report=report, user=user)
    return True


@transaction.atomic
def give_feedback(*, report: TeachBackReport, trainer, feedback: str, share: bool):
    """A trainer's feedback to the author, and whether to share the report at the next session."""
    changed = feedback.strip() != report.trainer_feedback
    report.trainer_feedback = feedback.strip()
    report.share_at_next_session = share
    if changed:
        report.feedback_by = trainer
        report.feedback_at = timezone.now()
    report.save(
        update_fields=["trainer_feedback", "share_at_next_session", "feedback_by", "feedback_at"]
    )
    if changed and report.trainer_feedback:
        _after_commit(tasks.email_author_about_feedback, report_id=report.pk)
    return report


def send_daily_digests(*, now=None) -> int:
    """Email each digest-choosing cohort's trainers the reports of the last day. Returns count."""
    now = now or timezone.now()
    since = now - timedelta(days=1)
    cohort_ids = set(
        TeachBackReport.objects.submitted()
        .filter(
            submitted_at__gte=since,
            submitted_at__lt=now,
            author__cohort__trainer_emails=TrainerEmails.DAILY_DIGEST,
        )
        .values_list("author__cohort_id", flat=True)
    )
    for cohort_id in cohort_ids:
        tasks.email_trainers_digest.enqueue(
            cohort_id=cohort_id, since=since.isoformat(), until=now.isoformat()
        )
    return len(cohort_ids)


