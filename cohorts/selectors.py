"""Reads of cohorts for their pages; each runs a fixed number of queries.

Pages that read across apps (the learner home, the cohort page, the CSV) are in
dashboard.selectors.
"""

from cohorts import work
from cohorts.models import Cohort, Membership
from courses.models import ModuleProgress
from courses.selectors import modules_by_course


def cohort_ids_of(*, organisation) -> list[int]:
    """The pks of the organisation's cohorts, archived ones too (one query)."""
    return list(
        Cohort.objects.filter(organisation=organisation).order_by("pk").values_list("pk", flat=True)
    )


def members_of(*, cohort):
    """The cohort's current members, for its members page (one query)."""
    return Membership.objects.current().filter(cohort=cohort).select_related("user")


def former_members_of(*, cohort):
    """Whom a trainer removed from the cohort, when and by whom, latest first (one query)."""
    return (
        Membership.objects.ended()
        .filter(cohort=cohort)
        .select_related("user", "ended_by")
        .order_by("-ended_at")
    )


class CohortWork(dict):
    """What people made in a cohort that deleting the cohort would destroy, by kind: the
    members with progress on its course (`members_with_progress`, counted here) and whatever
    the apps above count in cohorts.work (reports: `reports`, drafts included, and their
    `comments`; pulse: `pulse_answers`)."""

    @property
    def exists(self) -> bool:
        return any(self.values())


def cohort_work(*, cohort) -> CohortWork:
    """Work registered in cohorts.work (reports and pulse: one query each) and members with
    progress on the cohort's course (one query)."""
    made = work.in_cohort(cohort=cohort)
    modules = modules_by_course([cohort.course_id])[cohort.course_id]
    with_progress = Membership.objects.filter(
        cohort=cohort,
        user__in=ModuleProgress.objects.filter(module__in=[m.pk for m in modules]).values(
            "user_id"
        ),
    ).count()
    return CohortWork(**made, members_with_progress=with_progress)
