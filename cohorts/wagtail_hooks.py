"""Admin registrations for cohorts."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cohorts.models import Cohort
from cohorts.viewsets import CohortPermissionPolicy, CohortViewSet, OrganisationViewSet

register_permission_policy(Cohort, CohortPermissionPolicy(Cohort))


@hooks.register("register_admin_viewset")
def register_cohort_viewsets():
    return [CohortViewSet("cohorts"), OrganisationViewSet("organisations")]
