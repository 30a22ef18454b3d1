"""Reading a customer-results CSV into checked rows, or into one clear message per bad line.

Nothing here touches the database: outcomes.services imports the rows only when the whole file
is good. Columns: date, measure, value and, optionally, site, named in a header line (any
order, any case). Commas separate values; a file saved by a spreadsheet set to Spanish or
another language that uses semicolons works too, and then a decimal comma is read as well.
"""

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from outcomes.models import MEASURE_LENGTH, SITE_LENGTH

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
MAX_ERRORS_SHOWN = 20
LARGEST_VALUE = 1_000_000
REQUIRED = ("date", "measure", "value")
OPTIONAL = ("site",)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class CustomerRow:
    """One good line of the file."""

    line: int
    measured_on: date
    measure: str
    value: float
    site: str = ""


class CustomerCsvError(Exception):
    """The file cannot be imported; `messages` says why, one per problem (per line where a
    line is at fault), ready to show."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def read_customer_csv(raw: bytes) -> list[CustomerRow]:
    """The rows of a customer-results file, or CustomerCsvError listing every bad line."""
    if len(raw) > MAX_BYTES:
        raise CustomerCsvError([
            _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
            % {"size": f"{len(raw) / 1024 / 1024:.1f}", "limit": MAX_BYTES // 1024 // 1024}
        ])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CustomerCsvError([
            _("The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and "
              "try again.")
        ]) from None
    if not text.strip():
        raise CustomerCsvError([_("The file is empty.")])
    first_line = text.lstrip().splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = _columns(next(reader))
    rows: list[CustomerRow] = []
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            raise CustomerCsvError([
                _("The file has more than %(limit)s lines of data. Split it into smaller files.")
                % {"limit": f"{MAX_ROWS:,}"}
            ])
        line = reader.line_num
        try:
            row = _row(line, values, columns, decimal_comma=delimiter == ";")
        except ValueError as problem:
            errors.append(str(problem))
            continue
        key = (row.measured_on, row.measure, row.site)
        if key in seen:
            errors.append(
                _("Line %(line)s: %(point)s is already on line %(first)s.")
                % {"line": line, "point": _describe(row), "first": seen[key]}
            )
            continue
        seen[key] = line
        rows.append(row)
    if errors:
        raise CustomerCsvError(_shortened(errors))
    if not rows:
        raise CustomerCsvError([_("The file has a header line but no data.")])
    return rows


def _columns(header: list[str]) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    expected = _("The first line must name the columns: date, measure, value and, optionally, "
                 "site.")
    unknown = [name for name in names if name not in REQUIRED + OPTIONAL]
    missing = [name for name in REQUIRED if name not in names]
    problems = []
    if unknown:
        problems.append(
            _("Unknown column %(names)s.") % {"names": ", ".join(f"“{n}”" for n in unknown)}
        )
    if missing:
        problems.append(
            _("Missing column %(names)s.") % {"names": ", ".join(f"“{n}”" for n in missing)}
        )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        problems.append(
            _("Column %(names)s appears twice.") % {"names": ", ".join(f"“{n}”" for n in repeated)}
        )
    if problems:
        raise CustomerCsvError([" ".join([expected, *problems])])
    return {name: names.index(name) for name in names}


def _row(line: int, values: list[str], columns: dict[str, int], *, decimal_comma: bool):
    if len(values) != len(columns):
        raise ValueError(
            ngettext(
                "Line %(line)s: expected %(expected)s value, found %(found)s.",
                "Line %(line)s: expected %(expected)s values, found %(found)s.",
                len(columns),
            )
            % {"line": line, "expected": len(columns), "found": len(values)}
        )
    cell = {name: values[index].strip() for name, index in columns.items()}
    problems = []
    measured_on = _date(cell["date"])
    if measured_on is None:
        problems.append(
            _("“%(value)s” is not a date; use YYYY-MM-DD") % {"value": cell["date"][:40]}
        )
    measure = " ".join(cell["measure"].split())
    if not measure:
        problems.append(_("the measure is empty"))
    elif len(measure) > MEASURE_LENGTH:
        problems.append(
            _("the measure is longer than %(limit)s characters") % {"limit": MEASURE_LENGTH}
        )
    value = _number(cell["value"], decimal_comma=decimal_comma)
    if value is None:
        problems.append(_("“%(value)s” is not a number") % {"value": cell["value"][:40]})
    site = " ".join(cell.get("site", "").split())
    if len(site) > SITE_LENGTH:
        problems.append(_("the site is longer than %(limit)s characters") % {"limit": SITE_LENGTH})
    if problems:
        raise ValueError(
            _("Line %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
        )
    return CustomerRow(line=line, measured_on=measured_on, measure=measure, value=value, site=site)


def _date(text: str) -> date | None:
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _number(text: str, *, decimal_comma: bool) -> float | None:
    text = text.removesuffix("%").strip()  # “87%” is the 87 a CSAT score means
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number) or abs(number) > LARGEST_VALUE:
        return None
    return number


def _describe(row: CustomerRow) -> str:
    if row.site:
        return _("%(date)s, %(measure)s at %(site)s") % {
            "date": row.measured_on.isoformat(), "measure": row.measure, "site": row.site
        }
    return f"{row.measured_on.isoformat()}, {row.measure}"


def _shortened(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS_SHOWN:
        return errors
    more = len(errors) - MAX_ERRORS_SHOWN
    return errors[:MAX_ERRORS_SHOWN] + [
        ngettext(
            "…and %(count)s more line with a problem.",
            "…and %(count)s more lines with problems.",
            more,
        ) % {"count": more}
    ]
