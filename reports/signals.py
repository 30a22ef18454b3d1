"""Raise the cohort generation (caching.generations) when one of its reports changes, so its
cached progress matrix (teach-back column) and impact figures are rebuilt. Connected in apps.py.
Comments and appreciations are not cached anywhere, so they raise nothing."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from cohorts.models import Membership
from cohorts.signals import bump_cohorts
from reports.models import TeachBackReport


def report_changed(sender, instance, action="post_save", **kwargs):
    if not isinstance(instance, TeachBackReport) or action.startswith("pre_"):
        return  # m2m_changed from the other side (a module or principle), or before the change
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
    for through in (TeachBackReport.modules.through, TeachBackReport.principles.through):
        m2m_changed.connect(report_changed, sender=through, dispatch_uid=f"report-m2m-{through}")
