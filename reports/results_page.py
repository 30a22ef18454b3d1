"""What an organisation's impact page (admin) and its sponsor summary show of results: the
pulse by stage beside teaching, the engagement groups, and the months with the customer series.
"""

from dataclasses import dataclass
from datetime import date

from cohorts.models import Cohort
from outcomes.selectors import latest_customer_import
from reports.results import PulseBeside, organisation_pulse, report_days
from reports.results_charts import pulse_charts, timeline_charts
from reports.results_timeline import Timeline, organisation_timeline


@dataclass(frozen=True)
class OrganisationResults:
    """The organisation's pulse, timeline, their charts, and the latest customer import."""

    pulse: PulseBeside
    pulse_charts: dict
    timeline: Timeline
    timeline_charts: dict
    latest_import: object | None


def organisation_results(*, organisation, today: date | None = None) -> OrganisationResults:
    """Everything of results for one organisation (a fixed number of queries, whatever the
    number of its cohorts, reports and pulse answers)."""
    cohorts = list(Cohort.objects.filter(organisation=organisation).order_by("pk"))
    days = report_days([cohort.pk for cohort in cohorts])
    pulse = organisation_pulse(cohorts=cohorts, today=today, days=days)
    timeline = organisation_timeline(
        organisation=organisation, cohorts=cohorts, today=today, days=days
    )
    return OrganisationResults(
        pulse=pulse,
        pulse_charts=pulse_charts(pulse, prefix="org-pulse"),
        timeline=timeline,
        timeline_charts=timeline_charts(timeline, prefix="org-months"),
        latest_import=latest_customer_import(organisation=organisation),
    )
