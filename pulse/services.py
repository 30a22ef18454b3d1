"""Business actions of the pulse: asking when a pulse is due, inviting and reminding by
email, and taking a person's answer. Clock-controlled: each takes `today` or `now`, so the
daily command (`send_pulses --today`) and tests decide what day it is."""

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.models import Membership, Role
from courses.models import ModuleProgress
from courses.selectors import modules_by_course
from pulse import emails, schedule
from pulse.models import MAX_COMMENT, SCORES, Pulse, PulseScore, Stage
from pulse.permissions import can_answer_pulse
from pulse.selectors import statements_for

# After the last pulse (90 days after the end) closes, a membership is never asked again.
_LAST_CUT_OFF = timedelta(days=90) + schedule.WINDOW


def _due_dates(memberships: list[Membership], *, today: date) -> dict[tuple[int, str], date]:
    """Each (membership pk, stage) whose pulse is due by `today` (three queries)."""
    due: dict[tuple[int, str], date] = {}
    for membership in memberships:
        due[membership.pk, Stage.BASELINE] = timezone.localdate(membership.joined_at)
        for stage in schedule.DAYS_AFTER_END:
            if (on := schedule.cohort_due_on(membership.cohort, stage)) is not None:
                due[membership.pk, stage] = on
    modules = modules_by_course({m.cohort.course_id for m in memberships})
    module_ids = {module.pk for course in modules.values() for module in course}
    completions: dict[int, dict[int, datetime]] = {}
    for user_id, module_id, completed_at in ModuleProgress.objects.filter(
        user__in=[m.user_id for m in memberships], module__in=module_ids
    ).values_list("user_id", "module_id", "completed_at"):
        completions.setdefault(user_id, {})[module_id] = completed_at
    for membership in memberships:
        course = modules[membership.cohort.course_id]
        done = completions.get(membership.user_id, {})
        if course and all(module.pk in done for module in course):
            last = max(done[module.pk] for module in course)
            due[membership.pk, Stage.AFTER_COURSE] = timezone.localdate(last)
    return {key: on for key, on in due.items() if on <= today}


@transaction.atomic
def schedule_pulses(*, today: date) -> list[Pulse]:
    """Ask every current learner the pulses due by `today` whose window is still open, once
    each; a new pulse closes the person's earlier unanswered one. Trainers, ended memberships
    and finished cohorts are skipped. Running it twice on a day asks nothing twice."""
    memberships = list(
        Membership.objects.current()
        .filter(role=Role.LEARNER)
        .exclude(cohort__ends_on__lt=today - _LAST_CUT_OFF)
        .select_related("cohort")
    )
    by_pk = {membership.pk: membership for membership in memberships}
    asked = set(
        Pulse.objects.filter(membership__in=memberships).values_list("membership_id", "stage")
    )
    new = []
    for (membership_pk, stage), due in sorted(_due_dates(memberships, today=today).items()):
        cohort = by_pk[membership_pk].cohort
        closes = schedule.closes_on(cohort, stage, due)
        if (membership_pk, stage) in asked or closes is None or closes <= today:
            continue
        new.append(
            Pulse(cohort=cohort, membership_id=membership_pk, stage=stage, due_on=due,
                  closes_on=closes)
        )
    _close_earlier_pulses(new)
    _close_at_cut_off(today=today)
    return Pulse.objects.bulk_create(new)


def _close_earlier_pulses(new: list[Pulse]) -> None:
    """A person's unanswered pulse closes when their next one is due (a baseline still open
    when they finish the course is not asked beside the after-course pulse)."""
    if not new:
        return
    next_due = {}
    for pulse in new:
        next_due[pulse.membership_id] = min(pulse.due_on, next_due.get(pulse.membership_id,
                                                                       pulse.due_on))
    earlier = Pulse.objects.filter(membership__in=next_due, answered_at__isnull=True)
    changed = []
    for pulse in earlier:
        closes = max(next_due[pulse.membership_id], pulse.due_on + timedelta(days=1))
        if closes < pulse.closes_on:
            pulse.closes_on = closes
            changed.append(pulse)
    Pulse.objects.bulk_update(changed, ["closes_on"])


def _close_at_cut_off(*, today: date) -> None:
    """An open pulse never outlives its cohort's cut-off, even when a trainer moved the
    cohort's dates after it was asked (its answers could otherwise change a published
    figure)."""
    changed = []
    for pulse in Pulse.objects.filter(answered_at__isnull=True, closes_on__gt=today).select_related(
        "cohort"
    ):
        last = schedule.cut_off(pulse.cohort, pulse.stage)
        if last is not None and last < pulse.closes_on:
            pulse.closes_on = max(last, pulse.due_on + timedelta(days=1))
            changed.append(pulse)
    Pulse.objects.bulk_update(changed, ["closes_on"])


def send_pulse_invitations(*, today: date) -> int:
    """Email each person one open pulse (one never emailed first, then the one closing soonest)
    unless a pulse email went to them in the past 7 days, they answered it, or they turned
    pulse emails off. Returns how many were sent. Each email is recorded once it has gone, so
    a failure is retried next day."""
    week_ago = today - schedule.REMINDER_GAP
    recently_emailed = set(
        Pulse.objects.filter(last_emailed_on__gt=week_ago).values_list(
            "membership__user_id", flat=True
        )
    )
    waiting = (
        Pulse.objects.open_on(today)
        .filter(membership__role=Role.LEARNER, membership__user__is_active=True,
                membership__user__email_on_pulse=True)
        .exclude(membership__user__in=recently_emailed)
        .select_related("membership__user", "cohort")
        .order_by("emails_sent", "closes_on", "pk")
    )
    sent = 0
    for pulse in waiting:
        user = pulse.membership.user
        if user.pk in recently_emailed:
            continue
        emails.send_invitation(pulse=pulse, user=user, reminder=pulse.emails_sent > 0)
        Pulse.objects.filter(pk=pulse.pk).update(
            last_emailed_on=today, emails_sent=pulse.emails_sent + 1
        )
        recently_emailed.add(user.pk)
        sent += 1
    return sent


def is_open(pulse: Pulse, *, today: date) -> bool:
    """Whether the pulse may still be answered on `today` (its window and its cohort's)."""
    last = schedule.cut_off(pulse.cohort, pulse.stage)
    return pulse.due_on <= today < pulse.closes_on and (last is None or today < last)


@transaction.atomic
def answer_pulse(
    *, pulse: Pulse, user, scores: dict[str, int], comment: str = "",
    share_comment: bool = False, now: datetime,
) -> Pulse:
    """Take a person's answer to their pulse: a score from 1 to 5 for every statement of
    their organisation, and an optional comment they may share anonymously with trainers.
    Final once sent. A ValidationError says what is missing or wrong; then nothing is saved.
    """
    if not can_answer_pulse(user, pulse):
        raise PermissionDenied("This pulse is someone else's.")
    pulse = Pulse.objects.select_for_update().select_related("cohort__organisation").get(
        pk=pulse.pk
    )
    if pulse.is_answered:
        raise ValidationError(_("You already sent this pulse. Answers are final once sent."))
    if not is_open(pulse, today=timezone.localdate(now)):
        raise ValidationError(_("This pulse has closed; it can no longer be answered."))
    statements = statements_for(organisation=pulse.cohort.organisation)
    errors = {
        key: _("Choose an answer from 1 to 5.")
        for key, _text in statements
        if scores.get(key) not in SCORES
    }
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        errors["comment"] = _(
            "Your comment is %(length)s characters; the limit is %(limit)s. Shorten it and "
            "send again."
        ) % {"length": len(comment), "limit": MAX_COMMENT}
    if errors:
        raise ValidationError(errors)
    PulseScore.objects.bulk_create(
        PulseScore(pulse=pulse, statement_key=key, statement_text=text, score=scores[key])
        for key, text in statements
    )
    pulse.answered_at = now
    pulse.mean_score = sum(scores[key] for key, _text in statements) / len(statements)
    pulse.comment = comment
    pulse.share_comment = bool(comment) and share_comment
    pulse.save(update_fields=["answered_at", "mean_score", "comment", "share_comment"])
    return pulse

