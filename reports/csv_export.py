"""A cohort's submitted teach-back reports as CSV for its trainers, streamed row by row.

Same approach as cohorts.csv_export, and written by its SpreadsheetCsv (quoted cells, formulas
neutralised, a byte order mark for Excel): ordered streams merged as they go, so 50,000
reports stay flat in memory and take three queries.
"""

from itertools import groupby

from django.db.models import F
from django.utils import timezone, translation

from cohorts.csv_export import SpreadsheetCsv
from cohorts.models import Cohort
from reports.models import Setting, TeachBackReport, Visibility, title_from_audience
from reports.selectors import with_counts
from reports.services import REPORT_FIELDS

# The header stays in English whatever the reader's language: it is a data format, and scripts
# and spreadsheets that read it find their columns by these names. The cells (settings,
# visibility) are words for people, in the language of the person who downloads the file;
# "language" holds the code of the language taught in (en, es, pl...).
CSV_HEADER = [
    "submitted",
    "taught on",
    "author",
    "author email",
    "title",
    "setting",
    "language",
    "audience size",
    "audience",
    "modules",
    "principles",
    "visibility",
    "what happened",
    "what resonated",
    "what was hard",
    "what I learned",
    "comments",
    "appreciations",
]


def report_csv_rows(*, cohort: Cohort):
    """CSV lines: a header, then one line per submitted report, oldest first.

    Three ordered streams (reports, their modules, their principles) are merged as they go,
    so memory stays flat and the query count stays at three whatever the number of reports.
    The file is streamed after the view returns: its cells keep the language of the request
    that asked for it (taken now, not when the first line is written).
    """
    return _in_language(translation.get_language(), _rows(cohort))


def _in_language(language: str | None, lines):
    with translation.override(language):
        yield from lines


def _rows(cohort: Cohort):
    writer = SpreadsheetCsv()
    yield writer.row(CSV_HEADER)
    reports = TeachBackReport.objects.submitted().filter(author__cohort=cohort)
    rows = (
        with_counts(reports)
        .order_by(F("submitted_at").asc(nulls_first=True), "pk")
        .values(
            "pk",
            "submitted_at",
            *REPORT_FIELDS,
            "comment_count",
            "appreciation_count",
            display_name=F("author__user__display_name"),
            first_name=F("author__user__first_name"),
            last_name=F("author__user__last_name"),
            email=F("author__user__email"),
        )
        .iterator(chunk_size=2000)
    )
    # Modules in course order (tree path), principles alphabetically: the same on every database.
    modules = _NamesByReport(
        TeachBackReport.modules.through, "modulepage__title", reports, order="modulepage__path"
    )
    principles = _NamesByReport(
        TeachBackReport.principles.through, "principle__name", reports, order="principle__name"
    )
    settings, visibilities = dict(Setting.choices), dict(Visibility.choices)
    for row in rows:
        key = (row["submitted_at"], row["pk"])
        yield writer.row(
            [
                _local_date(row["submitted_at"]),
                row["taught_on"].isoformat(),
                _shown_name(row),
                row["email"],
                row["title"] or title_from_audience(
                    row["audience_description"], row["audience_size"], row["language"]
                ),
                settings.get(row["setting"], row["setting"]),
                row["language"],
                row["audience_size"],
                row["audience_description"],
                "; ".join(modules.names_for(key)),
                "; ".join(principles.names_for(key)),
                visibilities.get(row["visibility"], row["visibility"]),
                row["what_happened"],
                row["what_resonated"],
                row["what_was_hard"],
                row["what_i_learned"],
                row["comment_count"],
                row["appreciation_count"],
            ]
        )


def _local_date(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def _shown_name(row) -> str:
    """As accounts.User.shown_name, from the values of one row (no User object per report)."""
    full_name = f"{row['first_name']} {row['last_name']}".strip()
    return row["display_name"] or full_name or row["email"].split("@")[0]


class _NamesByReport:
    """The names linked to each report, read from a stream in the same order as the reports."""

    def __init__(self, through, name_path: str, reports, *, order: str):
        stream = (
            through.objects.filter(teachbackreport__in=reports.values("pk"))
            .order_by(
                F("teachbackreport__submitted_at").asc(nulls_first=True),
                "teachbackreport_id",
                order,
                "pk",
            )
            .values_list("teachbackreport__submitted_at", "teachbackreport_id", name_path)
            .iterator(chunk_size=2000)
        )
        self._groups = groupby(stream, key=lambda row: (row[0], row[1]))
        self._pending = next(self._groups, None)

    def names_for(self, key) -> list[str]:
        while self._pending is not None and _sort_key(self._pending[0]) < _sort_key(key):
            self._pending = next(self._groups, None)
        if self._pending is None or self._pending[0] != key:
            return []
        names = [row[2] for row in self._pending[1]]
        self._pending = next(self._groups, None)
        return names


def _sort_key(key):
    submitted_at, pk = key
    # Submitted reports always have a time; both streams put a missing one first.
    return (0, pk) if submitted_at is None else (1, submitted_at, pk)
