"""Background work for cohorts (django-tasks): invitation emails."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from accounts.mail import email_subject
from cohorts.models import Cohort


@task()
def send_invitation(*, cohort_id: int, email: str, invited_by: str) -> None:
    """Email one person the cohort's invite link (plain text and HTML)."""
    cohort = Cohort.objects.select_related("course", "organisation").get(pk=cohort_id)
    context = {
        "cohort": cohort,
        "invited_by": invited_by,
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + cohort.join_path,
    }
    message = EmailMultiAlternatives(
        subject=email_subject(f"{invited_by} invites you to {cohort.name}"),
        body=render_to_string("cohorts/email/invitation.txt", context),
        to=[email],
    )
    html = render_to_string("cohorts/email/invitation.html", context)
    message.attach_alternative(html, "text/html")
    message.send()
