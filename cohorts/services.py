"""Business actions on cohorts and memberships. Views, commands and tests call these.

A person's progress is theirs, not a cohort's: its actions are in courses.progress.services.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.permissions import has_confirmed_email
from cohorts.models import Cohort, Membership, Role, new_join_code, normalise_join_code
from cohorts.permissions import can_be_given_membership
from cohorts.tasks import send_invitation

INVITATIONS_PER_DAY = 200
REMOVED_MESSAGE = gettext_lazy(
    "A trainer removed you from this cohort. Ask them to add you back."
)


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
    if existing and not existing.is_current:
        # The code is shared with the whole cohort: it must not undo a trainer's decision.
        raise JoinRefused(REMOVED_MESSAGE)
    if existing:
        return existing
    if not has_confirmed_email(user):
        raise EmailNotConfirmed(
            _(
                "Confirm your email address first: we sent a link to %(email)s. "
                "After you confirm, you join %(cohort)s automatically."
            )
            % {"email": user.email, "cohort": cohort.name}
        )
    if cohort.archived:
        raise JoinRefused(_("This cohort has finished and takes no new members."))
    if cohort.seat_limit is not None:
        taken = Membership.objects.current().filter(cohort=cohort, role=Role.LEARNER).count()
        if taken >= cohort.seat_limit:
            raise JoinRefused(
                _("This cohort is full. Ask your trainer whether a seat can be added.")
            )
    return Membership.objects.create(cohort=cohort, user=user, role=Role.LEARNER)


@transaction.atomic
def rotate_join_code(*, cohort: Cohort) -> str:
    """Give the cohort a new join code; links with the old one stop working at once."""
    cohort.join_code = new_join_code()
    cohort.save(update_fields=["join_code"])
    return cohort.join_code


def _leaves_no_trainer(membership: Membership) -> bool:
    """Whether ending this membership, or making it a learner's, leaves the cohort untrained."""
    return (
        membership.is_current
        and membership.role == Role.TRAINER
        and not Membership.objects.current()
        .filter(cohort_id=membership.cohort_id, role=Role.TRAINER)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def set_membership(*, cohort: Cohort, user, role: str) -> Membership:
    """Add a person to a cohort with a role, change their role there, or add back someone a
    trainer removed (the same row, current again, with their reports still theirs).

    Only people who confirmed their address may be added or made trainers: an unconfirmed
    address could belong to someone else (they can be invited instead).
    """
    if role not in Role.values:
        raise ValidationError(_("Unknown role %(role)r.") % {"role": role})
    membership = (
        Membership.objects.select_for_update().filter(cohort=cohort, user=user).first()
    )
    gains_rights = membership is None or not membership.is_current or role == Role.TRAINER
    if gains_rights and not can_be_given_membership(user):
        raise ValidationError(
            _(
                "%(person)s has not confirmed their email address yet, so they cannot be added "
                "to a cohort or made a trainer. Send them an invitation instead: they join once "
                "their address is confirmed."
            )
            % {"person": user.shown_name}
        )
    if membership is None:
        return Membership.objects.create(cohort=cohort, user=user, role=role)
    if role != Role.TRAINER and _leaves_no_trainer(membership):
        raise ValidationError(
            _("%(person)s is the cohort's only trainer. Make someone else a trainer first.")
            % {"person": user.shown_name}
        )
    membership.role, membership.ended_at, membership.ended_by = role, None, None
    membership.save(update_fields=["role", "ended_at", "ended_by"])
    return membership


def invitations_sent_today(*, user) -> int:
    """Invitations the person sent today (counted in the cache, like the other rate limits)."""
    return cache.get(_invitations_key(user), 0)


def _invitations_key(user) -> str:
    return f"invitations:{user.pk}:{timezone.now().date().isoformat()}"


def invite_by_email(*, cohort: Cohort, emails: list[str], invited_by) -> int:
    """Email each address the cohort's invite link, after the surrounding transaction commits.

    At most INVITATIONS_PER_DAY a day per person: over it, nothing is sent and the
    ValidationError says how many are left today.
    """
    key = _invitations_key(invited_by)
    cache.add(key, 0, timeout=24 * 60 * 60)
    total = cache.incr(key, len(emails))
    if total > INVITATIONS_PER_DAY:
        cache.decr(key, len(emails))
        left = max(INVITATIONS_PER_DAY - (total - len(emails)), 0)
        raise ValidationError(
            ngettext(
                "You can send %(limit)s invitations a day and have %(left)s left today, so this "
                "%(count)s was not sent. Send fewer, or try again tomorrow.",
                "You can send %(limit)s invitations a day and have %(left)s left today, so none "
                "of these %(count)s were sent. Send fewer, or try again tomorrow.",
                len(emails),
            )
            % {"limit": INVITATIONS_PER_DAY, "left": left, "count": len(emails)}
        )
    sender = invited_by.shown_name
    for email in emails:
        transaction.on_commit(
            lambda email=email: send_invitation.enqueue(
                cohort_id=cohort.pk, email=email, invited_by=sender
            )
        )
    return len(emails)


@transaction.atomic
def end_membership(*, membership: Membership, ended_by) -> Membership:
    """Take a person out of a cohort without deleting anything: the membership is ended (when,
    by whom) so their reports, the comments on them and the figures stay; their progress and
    reflections stay theirs. They lose access at once and can be added back later."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.is_current:
        raise ValidationError(
            _("%(person)s was already removed from this cohort.")
            % {"person": membership.user.shown_name}
        )
    if _leaves_no_trainer(membership):
        raise ValidationError(
            _("%(person)s is the cohort's only trainer. Make someone else a trainer first.")
            % {"person": membership.user.shown_name}
        )
    membership.ended_at, membership.ended_by = timezone.now(), ended_by
    membership.save(update_fields=["ended_at", "ended_by"])
    return membership
