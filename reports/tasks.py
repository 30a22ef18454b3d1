"""Emails about reports, sent by django-tasks (enqueued after commit by reports.services)."""

from django.urls import reverse
from django_tasks import task

from accounts.mail import absolute_url, in_language_of, language_of, send_email
from accounts.unsubscribe import unsubscribe_url
from cohorts.models import Cohort, Membership, Role
from reports.email_subjects import (
    comment_subject,
    digest_subject,
    feedback_subject,
    new_report_subject,
)
from reports.models import Comment, TeachBackReport


def _send(*, to, subject, template: str, context: dict, kind: str) -> None:
    """Plain text and HTML from one pair of templates, with a one-click unsubscribe, in the
    recipient's language. Callers compute `subject` inside `in_language_of(to)` (or pass a
    lazy string) so that it is in that language too."""
    context = {**context, "unsubscribe": unsubscribe_url(user=to, kind=kind)}
    send_email(
        to=to.email,
        language=language_of(to),
        subject=subject,
        template=f"reports/email/{template}",
        context=context,
        headers={"List-Unsubscribe": f"<{context['unsubscribe']}>"},
    )


def _report(report_id):
    return TeachBackReport.objects.select_related("author__user", "author__cohort").get(
        pk=report_id
    )


def _trainers_wanting_report_emails(cohort):
    """The cohort's current trainers who asked to hear about new reports, with their users."""
    return Membership.objects.current().filter(
        cohort=cohort, role=Role.TRAINER, user__email_on_new_reports=True
    ).select_related("user")


@task()
def email_trainers_about_report(*, report_id: int) -> None:
    report = _report(report_id)
    for membership in _trainers_wanting_report_emails(report.author.cohort):
        with in_language_of(membership.user):
            _send(
                to=membership.user,
                subject=new_report_subject(report),
                template="new_report",
                context={
                    "report": report,
                    "link": absolute_url(reverse("report_detail", args=[report.pk])),
                },
                kind="new_reports",
            )


@task()
def email_trainers_digest(*, cohort_id: int, since: str, until: str) -> None:
    cohort = Cohort.objects.get(pk=cohort_id)
    reports = list(
        TeachBackReport.objects.submitted()
        .filter(author__cohort=cohort, submitted_at__gte=since, submitted_at__lt=until)
        .select_related("author__user")
    )
    if not reports:
        return
    for membership in _trainers_wanting_report_emails(cohort):
        with in_language_of(membership.user):
            _send(
                to=membership.user,
                subject=digest_subject(count=len(reports), cohort=cohort),
                template="digest",
                context={
                    "cohort": cohort,
                    "reports": [
                        (r, absolute_url(reverse("report_detail", args=[r.pk]))) for r in reports
                    ],
                    "feed": absolute_url(reverse("report_feed", args=[cohort.pk])),
                },
                kind="new_reports",
            )


@task()
def email_author_about_comment(*, comment_id: int) -> None:
    comment = Comment.objects.select_related("author", "report__author__user").get(pk=comment_id)
    author = comment.report.author.user
    if not author.email_on_replies or not comment.report.author.is_current:
        return  # a former member could not open the link
    with in_language_of(author):
        _send(
            to=author,
            subject=comment_subject(comment),
            template="comment",
            context={
                "comment": comment,
                "link": absolute_url(reverse("report_detail", args=[comment.report_id])),
            },
            kind="replies",
        )


@task()
def email_author_about_feedback(*, report_id: int) -> None:
    report = _report(report_id)
    if not report.author.user.email_on_replies or not report.author.is_current:
        return  # a former member could not open the link
    with in_language_of(report.author.user):
        _send(
            to=report.author.user,
            subject=feedback_subject(),
            template="feedback",
            context={
                "report": report,
                "link": absolute_url(reverse("report_detail", args=[report.pk])),
            },
            kind="replies",
        )
