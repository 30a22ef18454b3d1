"""Business actions on cohorts and progress. Views, commands and tests call these."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.permissions import has_confirmed_email
from cohorts.models import (
    MAX_REFLECTION_LENGTH,
    Cohort,
    Membership,
    ModuleProgress,
    Reflection,
    Role,
    new_join_code,
    normalise_join_code,
)
from courses.permissions import can_view_page


def _require_module_access(*, user, module) -> None:
    if not user.is_authenticated or not can_view_page(user, module):
        raise PermissionDenied("You cannot open this module.")


@transaction.atomic
def complete_module(*, user, module) -> ModuleProgress:
    """Mark a module complete for a person. Completing it again changes nothing."""
    _require_module_access(user=user, module=module)
    progress, _ = ModuleProgress.objects.get_or_create(
        user=user, module=module, defaults={"completed_at": timezone.now()}
    )
    return progress


@transaction.atomic
def uncomplete_module(*, user, module) -> None:
    """Undo a completion (a person clicked “mark as complete” by mistake)."""
    _require_module_access(user=user, module=module)
    ModuleProgress.objects.filter(user=user, module=module).delete()


@transaction.atomic
def save_reflection(*, user, module, question_key: str, answer: str) -> Reflection | None:
    """Save a learner's private answer to one question; an empty answer deletes it."""
    _require_module_access(user=user, module=module)
    questions = dict(module.reflection_questions())
    if question_key not in questions:
        raise ValidationError("This question is no longer part of the module.")
    answer = answer.strip()
    if len(answer) > MAX_REFLECTION_LENGTH:
        raise ValidationError(
            f"Your answer is {len(answer):,} characters; the limit is "
            f"{MAX_REFLECTION_LENGTH:,}. Shorten it and save again."
        )
    if not answer:
        Reflection.objects.filter(user=user, module=module, question_key=question_key).delete()
        return None
    reflection, _ = Reflection.objects.update_or_create(
        user=user,
        module=module,
        question_key=question_key,
        defaults={"answer": answer, "question": questions[question_key][:300]},
    )
    return reflection


class JoinRefused(Exception):
    """A cohort that exists but takes no new members; the message is shown to the person."""


class EmailNotConfirmed(JoinRefused):
    """The person has not confirmed their address yet, so no cohort takes them (accounts/
    permissions.py); they join once they follow the link in their confirmation email."""


def cohort_for_code(code: str) -> Cohort:
    """The cohort a join code opens (any case, with or without the dash), or DoesNotExist."""
    return Cohort.objects.select_related("course", "organisation").get(
        join_code=normalise_join_code(code)
    )


@transaction.atomic
def join_cohort(*, code: str, user) -> Membership:
    """Make a person a learner of the cohort a code opens. Joining again changes nothing.

    Only a confirmed address joins: an unconfirmed one could belong to someone else.

    The cohort row is locked while seats are counted, so two people taking the last seat at
    once cannot both get it (PostgreSQL row lock; SQLite's write transactions queue).
    """
    cohort = Cohort.objects.select_for_update().get(join_code=normalise_join_code(code))
    existing = Membership.objects.filter(cohort=cohort, user=user).first()
    if existing:
        return existing
    if not has_confirmed_email(user):
        raise EmailNotConfirmed(
            f"Confirm your email address first: we sent a link to {user.email}. "
            f"After you confirm, you join {cohort.name} automatically."
        )
    if cohort.archived:
        raise JoinRefused("This cohort has finished and takes no new members.")
    if cohort.seat_limit is not None:
        taken = Membership.objects.filter(cohort=cohort, role=Role.LEARNER).count()
        if taken >= cohort.seat_limit:
            raise JoinRefused(
                "This cohort is full. Ask your trainer whether a seat can be added."
            )
    return Membership.objects.create(cohort=cohort, user=user, role=Role.LEARNER)


@transaction.atomic
def rotate_join_code(*, cohort: Cohort) -> str:
    """Give the cohort a new join code; links with the old one stop working at once."""
    cohort.join_code = new_join_code()
    cohort.save(update_fields=["join_code"])
    return cohort.join_code


@transaction.atomic
def set_membership(*, cohort: Cohort, user, role: str) -> Membership:
    """Add a person to a cohort with a role, or change their role there."""
    if role not in Role.values:
        raise ValidationError(f"Unknown role {role!r}.")
    membership, _ = Membership.objects.update_or_create(
        cohort=cohort, user=user, defaults={"role": role}
    )
    return membership


def invite_by_email(*, cohort: Cohort, emails: list[str], invited_by) -> int:
    """Email each address the cohort's invite link, after the surrounding transaction commits."""
    from cohorts.tasks import send_invitation

    sender = invited_by.shown_name
    for email in emails:
        transaction.on_commit(
            lambda email=email: send_invitation.enqueue(
                cohort_id=cohort.pk, email=email, invited_by=sender
            )
        )
    return len(emails)


@transaction.atomic
def remove_member(*, membership: Membership) -> None:
    """Take a person out of a cohort. Their own progress and reflections stay theirs."""
    membership.delete()
