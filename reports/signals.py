"""Raise the cohort generation (caching.generations) when one of its reports changes, so its
cached progress matrix (teach-back column) and impact figures are rebuilt. Connected in apps.py.
Comments and appreciations raise nothing: the feed's cached cards carry their counts in their
keys. A report's modules and principles are only ever set by reports.services.save_report, in
the same transaction as the report's save, whose raise covers them (one raise per change)."""

from django.db.models.signals import post_delete, post_save

from cohorts.models import Membership
from cohorts.signals import bump_cohorts
from reports.models import TeachBackReport


def report_changed(sender, instance, **kwargs):
    cached = TeachBackReport.author.field.get_cached_value(instance, default=None)
    if cached is not None:
        bump_cohorts(cached.cohort_id)
    else:
        bump_cohorts(
            *Membership.objects.filter(pk=instance.author_id).values_list("cohort_id", flat=True)
        )


def connect():
    post_save.connect(report_changed, sender=TeachBackReport, dispatch_uid="report-saved")
    post_delete.connect(report_changed, sender=TeachBackReport, dispatch_uid="report-deleted")
