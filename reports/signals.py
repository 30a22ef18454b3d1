"""Raise the cohort generation (caching.generations) when one of its reports changes, so its
cached progress matrix (teach-back column) and impact figures are rebuilt. Connected in apps.py.
Comments and appreciations raise nothing: the feed's cached cards carry their counts in their
keys. A report's modules and principles are only ever set by reports.services.save_report, in
the same transaction as the report's save, whose raise covers them (one raise per change).
The cohort is read through the report's author: no query when the writer loaded or set it (as
reports.services does), one otherwise. A report's author is protected, so it is always there."""

from django.db.models.signals import post_delete, post_save

from cohorts.signals import bump_cohorts
from reports.models import TeachBackReport


def report_changed(sender, instance, **kwargs):
    """Raise the generation of the cohort the report was filed in."""
    bump_cohorts(instance.author.cohort_id)


def connect():
    """Called from ReportsConfig.ready()."""
    post_save.connect(report_changed, sender=TeachBackReport, dispatch_uid="report-saved")
    post_delete.connect(report_changed, sender=TeachBackReport, dispatch_uid="report-deleted")
