"""`SpreadsheetCsv`, the one CSV writer of every export (dashboard.csv_export for a cohort's
roster, reports.csv_export for its reports): a spreadsheet opens these files, so they are
written for Excel first. Here, low in the layers, so every app above can use it.
"""

import csv
import re

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
