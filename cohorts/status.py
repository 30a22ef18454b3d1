"""A cohort's status in words (“Active”, “Starts 3 Mar”, “Ended”, “Archived”), for lists."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

ACTIVE = "active"


def cohort_state(cohort, *, today: datetime.date | None = None) -> str:
    """archived, upcoming, ended or active: the status as a key, the same in every language."""
    today = today or timezone.localdate()
    if cohort.archived:
        return "archived"
    if cohort.starts_on > today:
        return "upcoming"
    if cohort.ends_on and cohort.ends_on < today:
        return "ended"
    return ACTIVE


def cohort_status(cohort, *, today: datetime.date | None = None) -> str:
    """What a trainer wants to know at a glance: archived, not started yet (and when), ended,
    or running. Words in the active language; dates follow its formats (config/formats)."""
    today = today or timezone.localdate()
    state = cohort_state(cohort, today=today)
    if state == "upcoming":
        same_year = cohort.starts_on.year == today.year
        starts = date_format(cohort.starts_on, "MONTH_DAY_FORMAT" if same_year else "DATE_FORMAT")
        return _("Starts %(date)s") % {"date": starts}
    return {"archived": _("Archived"), "ended": _("Ended")}.get(state, _("Active"))
