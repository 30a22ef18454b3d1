"""Impact figures, charts and the reports CSV of a cohort; the organisation impact in the admin.

Every figure is checked against numbers worked out by hand from the reports built below.
"""

import csv
import datetime
import io
import uuid
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohorts.models import Membership, Role
from courses.models import ModulePage
from reports import charts
from reports.csv_export import CSV_HEADER
from reports.impact import (
    cohort_impact,
    cohorts_with_totals,
    organisation_impact,
    organisations_with_totals,
)
from reports.models import Appreciation, Comment, Setting, Status, TeachBackReport, Visibility
from tests import factories
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db

JOINED = datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)
FORMULA = '=HYPERLINK("http://evil.example","click")'
SCRIPT = "<script>alert('pwned')</script>"


def report(membership, *, taught_on, setting, audience, modules=(), principles=(),
           status=Status.SUBMITTED, visibility=Visibility.COHORT, **text):
    """A report made directly in the database, as the form would leave it."""
    made = TeachBackReport.objects.create(
        author=membership,
        form_token=uuid.uuid4(),
        taught_on=datetime.date.fromisoformat(taught_on),
        setting=setting,
        audience_size=audience,
        status=status,
        visibility=visibility,
        submitted_at=timezone.now() if status == Status.SUBMITTED else None,
        what_happened=text.pop("what_happened", "We talked about helping."),
        **text,
    )
    made.modules.set(modules)
    made.principles.set(principles)
    return made


@pytest.fixture
def world(db):
    """Two cohorts of Acme on one course; the autumn one has four learners and six reports.

    Autumn, all learners joined Tue 1 Sep 2026 (submitted unless marked):
      Lee   Thu  3 Sep  home        4   M1     compassion
      Lee   Thu 17 Sep  school     25   M1 M2  compassion, ownership   (trainers only)
      Lin   Tue  8 Sep  friends     6   M2     ownership
      Lin   Wed  9 Sep  online     10   -      -
      Lou   Mon  5 Oct  home        3   M1     compassion              (trainers only)
      Tara  Thu 10 Sep  volunteer  12   -      -                       (the trainer)
      Lia   Sat  5 Sep  club      100   M3     compassion              DRAFT
      Lin   Sun  6 Sep  online     50   M3     ownership               DRAFT
    Spring: Olga joined 1 Sep, taught Wed 2 Sep at home to 10 (M3, compassion), and a draft.
    """
    course = factories.course(modules=3)
    modules = list(ModulePage.objects.order_by("path"))
    compassion = factories.principle()
    ownership = factories.principle(slug="ownership", name="Ownership and responsibility")
    factories.principle(slug="contribution", name="Contribution")  # not in the course, untaught
    tara = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    lee, lin, lou, lia = (
        factories.learner(email=f"{name.lower()}@example.com", display_name=f"{name} Learner")
        for name in ("Lee", "Lin", "Lou", "Lia")
    )
    autumn = factories.cohort(course=course, trainers=[tara], learners=[lee, lin, lou, lia])
    otto = factories.trainer(email="otto@example.com", display_name="Otto Trainer")
    olga = factories.learner(email="olga@example.com", display_name="Olga Learner")
    spring = factories.cohort(course=course, name="Spring cohort", trainers=[otto], learners=[olga])
    Membership.objects.update(joined_at=JOINED)
    member = {m.user.email.split("@")[0]: m for m in Membership.objects.select_related("user")}
    m1, m2, m3 = modules
    first = report(
        member["lee"], taught_on="2026-09-03", setting=Setting.HOME, audience=4,
        modules=[m1], principles=[compassion],
        what_happened=FORMULA, what_resonated=SCRIPT, audience_description="-1 cousin",
    )
    report(member["lee"], taught_on="2026-09-17", setting=Setting.SCHOOL, audience=25,
           modules=[m1, m2], principles=[compassion, ownership],
           visibility=Visibility.TRAINERS)
    report(member["lin"], taught_on="2026-09-08", setting=Setting.FRIENDS, audience=6,
           modules=[m2], principles=[ownership])
    report(member["lin"], taught_on="2026-09-09", setting=Setting.ONLINE, audience=10)
    report(member["lou"], taught_on="2026-10-05", setting=Setting.HOME, audience=3,
           modules=[m1], principles=[compassion], visibility=Visibility.TRAINERS)
    report(member["tara"], taught_on="2026-09-10", setting=Setting.VOLUNTEER, audience=12)
    report(member["lia"], taught_on="2026-09-05", setting=Setting.CLUB, audience=100,
           modules=[m3], principles=[compassion], status=Status.DRAFT)
    report(member["lin"], taught_on="2026-09-06", setting=Setting.ONLINE, audience=50,
           modules=[m3], principles=[ownership], status=Status.DRAFT)
    report(member["olga"], taught_on="2026-09-02", setting=Setting.HOME, audience=10,
           modules=[m3], principles=[compassion])
    report(member["olga"], taught_on="2026-09-03", setting=Setting.SCHOOL, audience=30,
           status=Status.DRAFT)
    Comment.objects.create(report=first, author=tara, body="Lovely.")
    Comment.objects.create(report=first, author=lin, body="Thanks!")
    Comment.objects.create(report=first, author=lou, body="Spam", hidden=True)
    Appreciation.objects.create(report=first, user=tara)
    Appreciation.objects.create(report=first, user=lin)
    return {
        "course": course, "autumn": autumn, "spring": spring, "modules": modules,
        "tara": tara, "otto": otto, "lee": lee, "olga": olga, "first": first,
        "compassion": compassion,
    }


# The figures, from the selectors --------------------------------------------------------


def test_a_cohorts_figures_count_only_submitted_reports(world):
    figures = cohort_impact(cohort=world["autumn"])
    assert figures.learners == 4
    assert figures.learners_who_taught == 3  # Lee, Lin, Lou; Lia has only a draft
    assert figures.taught_share == 75
    assert figures.reports == 6  # the trainer's report counts; the two drafts do not
    assert figures.people_reached == 4 + 25 + 6 + 10 + 3 + 12


def test_days_to_first_teach_back_run_from_joining_to_the_first_day_taught(world):
    figures = cohort_impact(cohort=world["autumn"])
    assert figures.days_to_first == [2, 7, 34]  # Lee 3 Sep, Lin 8 Sep, Lou 5 Oct
    assert figures.median_days_to_first == 7
    assert figures.average_days_to_first == 14.3


def test_every_setting_is_listed_in_form_order_even_at_zero(world):
    figures = cohort_impact(cohort=world["autumn"])
    assert [(row.label, row.reports, row.people) for row in figures.settings] == [
        ("Family or home", 2, 7),
        ("Friends", 1, 6),
        ("Neighbours", 0, 0),
        ("Faith community", 0, 0),
        ("School", 1, 25),
        ("Club or team", 0, 0),
        ("Volunteer group", 1, 12),
        ("Online", 1, 10),
        ("Other", 0, 0),
    ]


def test_modules_are_in_course_order_and_principles_most_taught_first(world):
    figures = cohort_impact(cohort=world["autumn"])
    assert [(row.label, row.reports) for row in figures.modules] == [
        ("Module 1", 3), ("Module 2", 2), ("Module 3", 0),
    ]
    # Contribution is neither in the course's modules nor taught, so it is not listed.
    assert [(row.label, row.reports) for row in figures.principles] == [
        ("Compassion", 3), ("Ownership and responsibility", 2),
    ]


def test_weeks_run_from_the_first_to_the_last_with_empty_weeks_at_zero(world):
    figures = cohort_impact(cohort=world["autumn"])
    assert [(row.key.isoformat(), row.reports, row.people) for row in figures.weeks] == [
        ("2026-08-31", 1, 4),
        ("2026-09-07", 3, 28),
        ("2026-09-14", 1, 25),
        ("2026-09-21", 0, 0),
        ("2026-09-28", 0, 0),
        ("2026-10-05", 1, 3),
    ]


def test_a_cohort_without_reports_has_zeros_and_no_weeks(world):
    figures = cohort_impact(cohort=factories.cohort(course=world["course"], name="Empty"))
    assert (figures.learners, figures.learners_who_taught, figures.taught_share) == (0, 0, 0)
    assert (figures.reports, figures.people_reached, figures.weeks) == (0, 0, [])
    assert figures.median_days_to_first is None
    assert all(row.reports == 0 for row in figures.settings)


def test_an_organisations_figures_add_up_its_cohorts(world):
    figures = organisation_impact(organisation=world["autumn"].organisation)
    assert figures.cohorts == 2
    assert (figures.learners, figures.learners_who_taught, figures.taught_share) == (5, 4, 80)
    assert (figures.reports, figures.people_reached) == (7, 70)
    assert figures.days_to_first == [1, 2, 7, 34]
    assert figures.median_days_to_first == 4.5
    assert figures.average_days_to_first == 11.0
    assert [(row.label, row.reports) for row in figures.modules] == [
        ("Module 1", 3), ("Module 2", 2), ("Module 3", 1),
    ]
    assert figures.settings[0].reports == 3 and figures.settings[0].people == 17


def test_organisation_and_cohort_totals_are_one_query_each(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        (acme,) = list(organisations_with_totals())
    assert (acme.cohort_count, acme.learner_count, acme.learners_who_taught) == (2, 5, 4)
    assert (acme.report_count, acme.people_reached) == (7, 70)
    with django_assert_num_queries(1):
        rows = {
            c.name: (c.learner_count, c.learners_who_taught, c.report_count, c.people_reached)
            for c in cohorts_with_totals(organisation=acme)
        }
    assert rows == {"Autumn cohort": (4, 3, 6, 60), "Spring cohort": (1, 1, 1, 10)}


# Chart geometry -------------------------------------------------------------------------


def test_bar_geometry_scales_the_largest_bar_to_the_room_and_keeps_small_ones_visible():
    chart = charts.bar_chart([("A", 200), ("B", 1), ("C", 0)], id="c", title="T")
    big, small, zero = chart.bars
    assert big.width == charts.WIDTH - charts.VALUE_ROOM
    assert small.width == charts.MIN_BAR
    assert zero.width == 0
    assert small.y > big.y and small.label_y < small.y
    assert big.value_x > big.width
    assert chart.height == 3 * charts.ROW
    assert "A: 200; B: 1; C: 0" in chart.description


def test_column_geometry_stands_on_the_baseline_and_thins_out_labels():
    rows = [(f"{n} Sep 2026", n % 3) for n in range(1, 31)]
    chart = charts.column_chart(rows, id="w", title="T")
    tallest = max(chart.bars, key=lambda bar: bar.value)
    assert tallest.height == charts.PLOT_HEIGHT
    assert all(round(bar.y + bar.height, 1) == chart.baseline for bar in chart.bars)
    assert sum(bar.show_label for bar in chart.bars) <= charts.MAX_TICK_LABELS
    assert not any(bar.show_value for bar in chart.bars)  # 30 columns: numbers would collide
    assert chart.scale_value == 2  # so a line marks the largest value instead
    assert chart.bars[0].label == "1 Sep"
    few = charts.column_chart(rows[:6], id="w", title="T")
    assert [bar.show_value for bar in few.bars] == [True, True, False, True, True, False]
    assert few.scale_value == 0


# The page -------------------------------------------------------------------------------


class _Tables(HTMLParser):
    """The text of each cell of each table with an id, as lists of rows."""

    def __init__(self):
        super().__init__()
        self.tables, self._table, self._row, self._cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def tables_of(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def test_the_impact_page_shows_the_hand_counted_figures_in_its_tables(client, world):
    client.force_login(world["tara"])
    response = client.get(f"/cohorts/{world['autumn'].pk}/impact/")
    assert response.status_code == 200
    html = response.content.decode()
    tables = tables_of(html)
    assert tables["table-settings"][1:3] == [["Family or home", "2", "7"], ["Friends", "1", "6"]]
    assert ["Neighbours", "0", "0"] in tables["table-settings"]
    assert tables["table-settings"][-1] == ["All settings", "6", "60"]
    assert tables["table-weeks"][1:] == [
        ["31 Aug 2026", "1", "4"], ["7 Sep 2026", "3", "28"],
        ["14 Sep 2026", "1", "25"], ["21 Sep 2026", "0", "0"],
        ["28 Sep 2026", "0", "0"], ["5 Oct 2026", "1", "3"],
    ]
    assert tables["table-principles"][1:] == [
        ["Compassion", "3"], ["Ownership and responsibility", "2"],
    ]
    assert tables["table-modules"][1:] == [["Module 1", "3"], ["Module 2", "2"], ["Module 3", "0"]]
    text = " ".join(html.split())
    assert "3 <span class=\"impact-figure__of\">of 4</span>" in text
    assert "75% of the cohort’s current learners" in text
    assert "average 14.3 days, over 3 learners" in text
    assert f'href="/cohorts/{world["autumn"].pk}/"' in html
    assert f'href="/cohorts/{world["autumn"].pk}/reports.csv"' in html


def test_the_charts_are_accessible_svg_paired_with_tables(client, world):
    client.force_login(world["tara"])
    html = client.get(f"/cohorts/{world['autumn'].pk}/impact/").content.decode()
    assert html.count('<svg class="chart"') == 5
    assert html.count('role="img"') == 5
    for name in ("settings", "languages", "weeks", "principles", "modules"):
        assert f'aria-labelledby="chart-{name}-title chart-{name}-desc"' in html
        assert f'<title id="chart-{name}-title">' in html
        assert f'id="table-{name}"' in html
    assert "Reports by setting, reports each. Family or home: 2; Friends: 1;" in html


def test_names_on_the_impact_page_are_escaped(client, world):
    world["autumn"].name = SCRIPT
    world["autumn"].save()
    principle = world["compassion"]
    principle.name = '<img src=x onerror="alert(1)">'
    principle.save()
    client.force_login(world["tara"])
    html = client.get(f"/cohorts/{world['autumn'].pk}/impact/").content.decode()
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_an_empty_cohort_page_says_there_is_nothing_yet(client, world):
    cohort = factories.cohort(course=world["course"], name="Empty", trainers=[world["otto"]])
    client.force_login(world["otto"])
    html = client.get(f"/cohorts/{cohort.pk}/impact/").content.decode()
    assert "No submitted reports yet" in html and '<svg class="chart"' not in html


# Who may see it -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["impact/", "reports.csv"])
def test_anonymous_visitors_are_sent_to_log_in(client, world, path):
    response = client.get(f"/cohorts/{world['autumn'].pk}/{path}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", ["impact/", "reports.csv"])
@pytest.mark.parametrize(
    "who, status",
    [("lee", 403), ("olga", 404), ("otto", 404), ("tara", 200), ("admin", 200)],
)
def test_only_the_cohorts_trainers_and_admins_see_impact_and_csv(client, world, path, who, status):
    person = factories.admin(email="ada@example.com") if who == "admin" else world[who]
    client.force_login(person)
    response = client.get(f"/cohorts/{world['autumn'].pk}/{path}")
    assert response.status_code == status
    if status != 200:
        assert b"Family or home" not in response.content


# The CSV --------------------------------------------------------------------------------


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_csv_has_one_row_per_submitted_report(client, world):
    client.force_login(world["tara"])
    response = client.get(f"/cohorts/{world['autumn'].pk}/reports.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="autumn-cohort-reports.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == CSV_HEADER
    assert len(rows) == 1 + 6
    assert sorted(row[1] for row in rows[1:]) == [
        "2026-09-03", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-17", "2026-10-05",
    ]
    assert rows[0][5:8] == ["setting", "language", "audience size"]
    school = next(row for row in rows if row[5] == "School")
    assert school[2:4] == ["Lee Learner", "lee@example.com"]
    assert school[4] == "Taught 25 people"  # no title given: who was there, as on the page
    assert school[6] == "en"
    assert school[7] == "25"
    assert school[9] == "Module 1; Module 2"
    assert sorted(school[10].split("; ")) == ["Compassion", "Ownership and responsibility"]
    assert school[11] == "Trainers only"
    assert school[0] == timezone.localdate().isoformat()


def test_csv_text_is_neutralised_against_formulas_and_left_raw_otherwise(client, world):
    client.force_login(world["tara"])
    rows = csv_rows(client.get(f"/cohorts/{world['autumn'].pk}/reports.csv"))
    first = next(row for row in rows if row[1] == "2026-09-03")
    header = rows[0]
    assert first[header.index("what happened")] == "'" + FORMULA
    assert first[header.index("audience")] == "'-1 cousin"
    assert first[header.index("what resonated")] == SCRIPT  # CSV is not HTML: kept as written
    assert first[header.index("comments")] == "2"  # the hidden comment is not counted
    assert first[header.index("appreciations")] == "2"
    assert first[header.index("modules")] == "Module 1"


# Query budgets --------------------------------------------------------------------------


def _many_reports(cohort, count: int, modules, principle):
    learners = Membership.objects.filter(cohort=cohort, role=Role.LEARNER)
    authors = list(learners)
    settings = [value for value, _ in Setting.choices]
    start = datetime.date(2026, 9, 1)
    made = TeachBackReport.objects.bulk_create(
        TeachBackReport(
            author=authors[n % len(authors)],
            form_token=uuid.uuid4(),
            taught_on=start + datetime.timedelta(days=n % 120),
            setting=settings[n % len(settings)],
            audience_size=1 + n % 30,
            what_happened=f"Report {n}",
            status=Status.SUBMITTED if n % 10 else Status.DRAFT,
            submitted_at=timezone.now(),
        )
        for n in range(count)
    )
    TeachBackReport.modules.through.objects.bulk_create(
        TeachBackReport.modules.through(teachbackreport=r, modulepage=modules[n % len(modules)])
        for n, r in enumerate(made)
    )
    TeachBackReport.principles.through.objects.bulk_create(
        TeachBackReport.principles.through(teachbackreport=r, principle=principle) for r in made
    )


def test_impact_and_csv_run_the_same_queries_for_5_or_5000_reports(
    client, django_assert_max_num_queries
):
    course = factories.course(modules=4, blocks=2)
    modules = list(ModulePage.objects.order_by("path"))
    principle = factories.principle()
    trainer = factories.trainer(email="tara@example.com")
    cohorts = []
    for name, count in (("Small", 5), ("Big", 5000)):
        learners = [factories.learner(email=f"{name}{n}@example.com") for n in range(5)]
        cohort = factories.cohort(course=course, name=name, trainers=[trainer], learners=learners)
        _many_reports(cohort, count, modules, principle)
        cohorts.append(cohort)
    small, big = cohorts
    client.force_login(trainer)
    small_count = queries_for(client, f"/cohorts/{small.pk}/impact/")
    big_count = queries_for(client, f"/cohorts/{big.pk}/impact/")
    assert small_count == big_count
    with django_assert_max_num_queries(small_count):
        client.get(f"/cohorts/{big.pk}/impact/")
    assert cohort_impact(cohort=big).reports == 4500

    with CaptureQueriesContext(connection) as small_csv:
        csv_rows(client.get(f"/cohorts/{small.pk}/reports.csv"))
    with django_assert_max_num_queries(len(small_csv)):
        rows = csv_rows(client.get(f"/cohorts/{big.pk}/reports.csv"))
    assert len(rows) == 1 + 4500
    assert len(small_csv) <= 8


# The organisation impact in the admin ---------------------------------------------------


def test_the_admin_shows_an_organisation_with_its_two_cohorts_added_up(client, world):
    client.force_login(factories.admin(email="ada@example.com"))
    organisation = world["autumn"].organisation
    index = client.get("/admin/impact/organisations/")
    assert index.status_code == 200
    text = " ".join(index.content.decode().split())
    assert f'<a href="/admin/impact/organisations/{organisation.pk}/">Acme</a>' in text
    assert "<td>2</td> <td>5</td> <td>4</td> <td>7</td> <td>70</td>" in text

    page = client.get(f"/admin/impact/organisations/{organisation.pk}/")
    assert page.status_code == 200
    tables = tables_of(page.content.decode())
    assert ["Learners who have taught", "4 of 5 (80%)"] in tables["totals"]
    assert ["People reached", "70"] in tables["totals"]
    assert ["Teach-back reports", "7"] in tables["totals"]
    assert tables["cohorts"][1:] == [
        ["Autumn cohort", "Course service", "4", "3", "6", "60"],
        ["Spring cohort", "Course service", "1", "1", "1", "10"],
    ]
    assert ["Family or home", "3", "17"] in tables["settings"]
    assert ["Module 3", "1"] in tables["modules"]


def test_the_admin_impact_is_refused_to_a_trainer_and_hidden_from_their_menu(client, world):
    client.force_login(world["tara"])
    organisation = world["autumn"].organisation
    for url in ("/admin/impact/organisations/", f"/admin/impact/organisations/{organisation.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    home = client.get("/admin/")
    assert home.status_code == 200
    assert "/admin/impact/organisations/" not in home.content.decode()


def test_the_admin_menu_shows_impact_to_admins(client, world):
    client.force_login(factories.admin(email="ada@example.com"))
    assert "/admin/impact/organisations/" in client.get("/admin/").content.decode()
