"""The cohort roster as CSV, streamed row by row so 10,000 learners stay flat in memory.

Also home of `SpreadsheetCsv`, the one CSV writer of every export (reports.csv_export uses it):
a spreadsheet opens these files, so they are written for Excel first.
"""

import csv
import re
from itertools import groupby

from cohorts.models import Membership, ModuleProgress, Role
from cohorts.selectors import modules_by_course, with_teach_back

BOM = "\ufeff"

# A formula may start where a spreadsheet starts a cell: at the start of the value, or after a
# character it may split on (Excel splits on ";" in many locales, whatever the file says),
# allowing for spaces before it. A "'" there makes Excel and LibreOffice show the rest as text.
_FORMULA_START = re.compile(r"(?:^|(?<=[,;\t\r\n]))( *)(?=[=+\-@\t\r])")


def safe_cell(value) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection), however it splits the line:
    a "'" goes before each = + - @ tab or CR that starts the value or follows , ; tab or a
    line break (spaces between are kept). Readers of the file see that "'"; it is the price of
    never running a formula someone typed into a name or a report."""
    text = "" if value is None else str(value)
    return _FORMULA_START.sub(r"\1'", text)


class _Echo:
    def write(self, value):
        return value


class SpreadsheetCsv:
    """Lines of CSV for a streaming response, safe to open in Excel: a UTF-8 byte order mark
    first (without it Excel on Windows reads "Chloé" as "ChloÃ©"), every cell quoted and passed
    through `safe_cell`."""

    def __init__(self):
        self._writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL)
        self._started = False

    def row(self, cells) -> str:
        line = self._writer.writerow([safe_cell(cell) for cell in cells])
        if not self._started:
            self._started = True
            return BOM + line
        return line


def cohort_csv_rows(*, cohort):
    """Yield CSV lines: a header, then one per current learner (two ordered streams merged)."""
    writer = SpreadsheetCsv()
    modules = modules_by_course([cohort.course_id])[cohort.course_id]
    module_index = {module.pk: n for n, module in enumerate(modules)}
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
