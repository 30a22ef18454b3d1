"""Background work for cohorts (django-tasks): invitation emails."""

from django.utils.translation import gettext as _
from django_tasks import task

from accounts.mail import absolute_url, language_for_address, send_email
from cohorts.models import Cohort


@task()
def send_invitation(*, cohort_id: int, email: str, invited_by: str) -> None:
    """Email one person the cohort's invite link (plain text and HTML), in their language
    when the address already has an account that chose one."""
    cohort = Cohort.objects.select_related("course", "organisation").get(pk=cohort_id)
    context = {
        "cohort": cohort,
        "invited_by": invited_by,
        "link": absolute_url(cohort.join_path),
    }
    send_email(
        to=email,
        language=language_for_address(email),
        subject=lambda: _("%(person)s invites you to %(cohort)s")
        % {"person": invited_by, "cohort": cohort.name},
        template="cohorts/email/invitation",
        context=context,
    )
