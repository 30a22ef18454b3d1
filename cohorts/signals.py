"""Raise a cohort's generation (caching.generations) when what its cached pages show changes:
the cohort itself, its organisation, its memberships, its people's names and their module progress.
Reports raise it too (reports/signals.py). Connected in apps.py."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from caching import generations
from cohorts.models import Cohort, Membership, Organisation
from courses.models import ModuleProgress

QUIET_USER_FIELDS = {"last_login", "password"}


def bump_cohorts(*cohort_ids) -> None:
    generations.bump(*(generations.cohort_generation(pk) for pk in cohort_ids))


def bump_cohorts_of_user(user_id) -> None:
    bump_cohorts(*Membership.objects.filter(user_id=user_id).values_list("cohort_id", flat=True))


def cohort_changed(sender, instance, **kwargs):
    bump_cohorts(instance.pk)


def organisation_changed(sender, instance, **kwargs):
    bump_cohorts(*Cohort.objects.filter(organisation=instance).values_list("pk", flat=True))


def membership_changed(sender, instance, **kwargs):
    bump_cohorts(instance.cohort_id)


def progress_changed(sender, instance, **kwargs):
    bump_cohorts_of_user(instance.user_id)


def user_changed(sender, instance, created=False, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= QUIET_USER_FIELDS):
        return
    bump_cohorts_of_user(instance.pk)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(cohort_changed, sender=Cohort, dispatch_uid=f"cohort-{id(signal)}")
        signal.connect(membership_changed, sender=Membership, dispatch_uid=f"member-{id(signal)}")
        signal.connect(progress_changed, sender=ModuleProgress, dispatch_uid=f"prog-{id(signal)}")
    post_save.connect(organisation_changed, sender=Organisation, dispatch_uid="cohort-org-changed")
    post_save.connect(user_changed, sender=get_user_model(), dispatch_uid="cohort-user-changed")
