"""The cohort roster as CSV, streamed row by row so 10,000 learners stay flat in memory.

Written by cohorts.csv_export.SpreadsheetCsv (quoted cells, formulas neutralised, a byte
order mark), like every export.
"""

from itertools import groupby

from cohorts.csv_export import SpreadsheetCsv
from cohorts.models import Membership, Role
from courses.models import ModuleProgress
from courses.selectors import modules_by_course
from dashboard.selectors import with_teach_back


def cohort_csv_rows(*, cohort):
    """Yield CSV lines: a header, then one per current learner (two ordered streams merged)."""
    writer = SpreadsheetCsv()
    modules = modules_by_course([cohort.course_id])[cohort.course_id]
    module_index = {module.pk: n for n, module in enumerate(modules)}
    # The header stays English in every language: it is a data format that scripts read.
    yield writer.row(
        ["name", "email", "joined", "modules completed"]
        + [f"completed: {module.title}" for module in modules]
        + ["reports filed", "people reached"]
    )
    current_learners = Membership.objects.current().filter(cohort=cohort, role=Role.LEARNER)
    learners = (
        with_teach_back(current_learners)
        .order_by("user_id")
        .values_list(
            "user_id", "user__display_name", "user__email", "joined_at",
            "reports_submitted", "people_reached",
        )
        .iterator(chunk_size=2000)
    )
    progress = groupby(
        ModuleProgress.objects.filter(
            user__in=current_learners.values("user_id"),
            module_id__in=list(module_index),
        )
        .order_by("user_id")
        .values_list("user_id", "module_id", "completed_at")
        .iterator(chunk_size=2000),
        key=lambda row: row[0],
    )
    pending = next(progress, None)
    for user_id, name, email, joined_at, reports_filed, people_reached in learners:
        dates = [""] * len(modules)
        while pending is not None and pending[0] < user_id:
            pending = next(progress, None)
        if pending is not None and pending[0] == user_id:
            for _, module_id, completed_at in pending[1]:
                dates[module_index[module_id]] = completed_at.date().isoformat()
            pending = next(progress, None)
        done = sum(1 for date in dates if date)
        yield writer.row(
            [name, email, joined_at.date().isoformat(), done]
            + dates
            + [reports_filed, people_reached or 0]
        )
