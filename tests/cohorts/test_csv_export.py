"""Both CSV exports (the roster and the reports) open safely in a spreadsheet: every cell
quoted, no cell a formula however the spreadsheet splits the line, accents intact in Excel."""

import codecs
import csv
import io

import pytest

from cohorts.csv_export import safe_cell
from cohorts.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NAME = "Chloé Gómez"
MULTILINE = "First line\n=1+1\n-2+3 in the next\r\n@SUM(A1)"


@pytest.fixture
def world(db):
    course = factories.course(modules=1)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    chloe = factories.learner(email="chloe@example.com", display_name=NAME)
    semi = factories.learner(email="semi@example.com", display_name="Sam ;=1+1")
    comma = factories.learner(email="comma@example.com", display_name="Kim ,=1+1")
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[chloe, semi, comma])
    factories.report(
        membership=Membership.objects.get(user=chloe),
        audience_description="neighbours;=1+1",
        what_happened=MULTILINE,
        what_resonated="thanks,=1+1",
        what_was_hard="a; +cmd|' /C calc'!A0",
        what_i_learned="\t=1+1",
    )
    return {"cohort": cohort, "trainer": trainer}


def download(client, world, path: str) -> bytes:
    client.force_login(world["trainer"])
    response = client.get(f"/cohorts/{world['cohort'].pk}/{path}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("path", ["export.csv", "reports.csv"])
def test_no_cell_of_either_export_starts_a_formula_when_split_on_commas_or_semicolons(
    client, world, path
):
    body = download(client, world, path)
    text = body.decode("utf-8-sig")
    assert "=1+1" in text  # the values are in the file, only made harmless
    for delimiter in (",", ";"):
        cells = [
            cell
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            for cell in row
        ]
        dangerous = [cell for cell in cells if cell.lstrip(" ").startswith(FORMULA_STARTS)]
        assert dangerous == [], delimiter
    # Lines split by a spreadsheet that ignores quotes entirely start no formula either.
    for line in text.splitlines():
        for part in line.replace(";", ",").replace("\t", ",").split(","):
            assert not part.strip(' "').startswith(FORMULA_STARTS), part


@pytest.mark.parametrize("path", ["export.csv", "reports.csv"])
def test_both_exports_start_with_a_byte_order_mark_and_keep_accented_names(client, world, path):
    body = download(client, world, path)
    assert body.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0][0] in {"name", "submitted"}  # the mark is not part of the first header
    assert NAME in {cell for row in rows for cell in row}


@pytest.mark.parametrize("path", ["export.csv", "reports.csv"])
def test_every_cell_is_quoted(client, world, path):
    lines = download(client, world, path).decode("utf-8-sig").split("\r\n")
    header = lines[0]
    assert header.startswith('"name","email","joined"') or header.startswith(
        '"submitted","taught on","author"'
    )
    assert lines[1].startswith('"') and lines[-2].endswith('"')


def test_a_multiline_answer_round_trips_with_each_formula_line_neutralised(client, world):
    body = download(client, world, "reports.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body, newline="")))
    header, report = rows[0], rows[1]
    assert report[header.index("what happened")] == (
        "First line\n'=1+1\n'-2+3 in the next\r\n'@SUM(A1)"
    )
    assert report[header.index("audience")] == "neighbours;'=1+1"
    assert report[header.index("what I learned")] == "'\t'=1+1"


@pytest.mark.parametrize(
    "value, safe",
    [
        ("Chloé Gómez", "Chloé Gómez"),
        ("well-being, self-care", "well-being, self-care"),
        ("=1+1", "'=1+1"),
        ("a;=1+1", "a;'=1+1"),
        ("a,  -1", "a,  '-1"),
        (None, ""),
        (7, "7"),
    ],
)
def test_safe_cell_marks_only_formula_starts(value, safe):
    assert safe_cell(value) == safe
