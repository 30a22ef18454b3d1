"""Reach by language: how many submitted reports, and people reached, per language taught in.

Kept apart from reports.impact (the rest of the impact page) so each grows on its own. One
grouped query whatever the number of reports; names come from cohorts.languages, in the
reader's language.
"""

from django.db.models import Count, Sum
from django.utils.translation import gettext

from cohorts.languages import language_name
from cohorts.models import Cohort, Organisation
from reports.charts import Chart, bar_chart
from reports.impact import Tally
from reports.models import TeachBackReport


def reach_by_language(reports) -> list[Tally]:
    """The languages of `reports` (submitted ones), most people reached first (one query).

    Only languages someone taught in are listed: a table of ninety zeros says nothing.
    """
    rows = (
        reports.order_by()
        .values("language")
        .annotate(reports=Count("pk"), people=Sum("audience_size"))
        .values_list("language", "reports", "people")
    )
    tallies = [
        Tally(label=language_name(code), key=code, reports=count, people=people or 0)
        for code, count, people in rows
    ]
    return sorted(tallies, key=lambda row: (-row.people, -row.reports, row.label))


def cohort_reach_by_language(*, cohort: Cohort) -> list[Tally]:
    """Reach by language of one cohort's submitted reports (one query)."""
    return reach_by_language(TeachBackReport.objects.submitted().in_cohort(cohort))


def organisation_reach_by_language(*, organisation: Organisation) -> list[Tally]:
    """Reach by language of the submitted reports of all an organisation's cohorts (one
    query, whatever the number of cohorts and reports)."""
    return reach_by_language(TeachBackReport.objects.submitted().in_organisation(organisation))


def language_chart(tallies: list[Tally], *, prefix: str = "chart") -> Chart:
    """Bars of people reached per language, in the order of the table beside them."""
    return bar_chart(
        [(tally.label, tally.people) for tally in tallies],
        id=f"{prefix}-languages",
        title=gettext("People reached by language"),
        unit=gettext("people reached"),
    )
