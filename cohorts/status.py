"""A cohort's status in words (“Active”, “Starts 3 Mar”, “Ended”, “Archived”), for lists."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format


def cohort_status(cohort, *, today: datetime.date | None = None) -> str:
    """What a trainer wants to know at a glance: archived, not started yet (and when), ended,
    or running. Dates follow the active locale's formats (config/formats)."""
    today = today or timezone.localdate()
    if cohort.archived:
        return "Archived"
    if cohort.starts_on > today:
        same_year = cohort.starts_on.year == today.year
        starts = date_format(cohort.starts_on, "MONTH_DAY_FORMAT" if same_year else "DATE_FORMAT")
        return f"Starts {starts}"
    if cohort.ends_on and cohort.ends_on < today:
        return "Ended"
    return "Active"
