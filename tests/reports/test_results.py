"""Results beside behaviour on the impact pages: the pulse by stage next to teach-backs, the
engagement groups next to teaching, and (organisation) the months with the customer series and
its correlation with the pulse. Figures are worked out by hand in tests/reports/results_world.py.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from PIL import ImageFont

from accounts.models import User
from cohorts.models import Membership
from outcomes.models import CustomerImport, CustomerPoint
from tests import factories
from tests.pulse import world
from tests.pulse.world import answer, learners_of
from tests.reports import results_world
from tests.reports.test_impact import tables_of

pytestmark = pytest.mark.django_db

STAGES_TABLE = [
    ["Stage", "Pulse (1–5)", "People who answered", "Teaching in", "Reports", "People reached"],
    ["Baseline", "3.0", "12", "—", "—", "—"],
    ["After the course", "3.5", "12", "Until the course ended", "1", "4"],
    ["30 days after", "not enough answers yet", "Days 1–30 after", "1", "6"],
    ["60 days after", "not enough answers yet", "Days 31–60 after", "1", "10"],
    ["90 days after", "3.7", "10", "Days 61–90 after", "1", "3"],
]


@pytest.fixture
def results(db):
    cache.clear()
    return results_world.build()


def cohort_page(client, results):
    client.force_login(results["tara"])
    response = client.get(f"/cohorts/{results['pilot'].pk}/impact/")
    assert response.status_code == 200
    return response.content.decode()


def organisation_page(client, results):
    admin = User.objects.filter(email="ada@example.com").first()
    client.force_login(admin or factories.admin(email="ada@example.com"))
    response = client.get(f"/admin/impact/organisations/{results['organisation'].pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_cohort_page_shows_the_pulse_by_stage_beside_each_periods_teach_backs(client, results):
    html = cohort_page(client, results)
    assert tables_of(html)["table-pulse-stages"] == STAGES_TABLE


def test_the_cohort_page_shows_what_each_engagement_group_did(client, results):
    html = cohort_page(client, results)
    # p0, p1 of five taught (4 + 3 + 6 people); p5, p6 of seven (10 + 2): reach to the 10.
    assert tables_of(html)["table-pulse-groups"][1:] == [
        ["More engaged (4 or more of 5)", "5", "40%", "10"],
        ["Less engaged (under 4 of 5)", "7", "29%", "10"],
    ]
    assert "pulse-groups-empty" not in html


def test_the_pulse_charts_are_accessible_svg_with_a_gap_where_answers_are_too_few(
    client, results
):
    html = cohort_page(client, results)
    assert 'id="pulse-stage-pulse-title">Engagement pulse by stage' in html
    assert ("Baseline: 3.0; After the course: 3.5; 30 days after: not enough answers yet; "
            "60 days after: not enough answers yet; 90 days after: 3.7.") in html
    chart = html[html.index('aria-labelledby="pulse-stage-pulse-title'):]
    chart = chart[: chart.index("</svg>")]
    assert chart.count("<circle") == 3
    assert chart.count("<path") == 1  # baseline → after the course; 90 days stands alone
    assert 'role="img"' in html


def test_a_cohort_without_enough_answers_on_each_side_shows_no_groups(client, db):
    course = factories.course(modules=1)
    tara = factories.trainer(email="tara@example.com")
    small = world.cohort(course=course, learners=9, trainers=[tara])
    for n, member in enumerate(learners_of(small)):
        answer(member, "baseline", [5, 5, 5] if n < 5 else [1, 1, 1])  # 5 engaged, 4 less
    client.force_login(tara)
    html = client.get(f"/cohorts/{small.pk}/impact/").content.decode()
    assert 'id="pulse-groups-empty"' in html
    assert "Not enough answers yet." in html
    assert "table-pulse-groups" not in html
    assert tables_of(html)["table-pulse-stages"][1][:3] == ["Baseline", "3.2", "9"]


def test_groups_where_everyone_or_nobody_taught_are_not_shown_as_that_would_tell_who_is_who(
    client, db
):
    """Everyone more engaged taught: a trainer, who knows who taught, would then know that
    each person who did not teach is less engaged."""
    course = factories.course(modules=1)
    tara = factories.trainer(email="tara@example.com")
    cohort = world.cohort(course=course, learners=10, trainers=[tara])
    members = learners_of(cohort)
    for n, member in enumerate(members):
        answer(member, "baseline", [5, 5, 5] if n < 5 else [1, 1, 1])
    for member in members[:6]:  # all five engaged, one less engaged
        factories.report(membership=member)
    client.force_login(tara)
    html = client.get(f"/cohorts/{cohort.pk}/impact/").content.decode()
    assert 'id="pulse-groups-hidden"' in html
    assert "table-pulse-groups" not in html and "100%" not in html
    factories.report(membership=members[4])  # nothing changes who taught: still hidden
    cache.clear()
    html = client.get(f"/cohorts/{cohort.pk}/impact/").content.decode()
    assert 'id="pulse-groups-hidden"' in html


def test_no_page_lets_one_persons_answer_be_worked_out_by_comparing_two_groups(client, results):
    """The organisation is the pilot plus Solo, whose one person answered the baseline 1,1,1:
    the organisation's pulse figures must equal the pilot's, not differ by Solo's answer."""
    cohort_tables = tables_of(cohort_page(client, results))
    org_tables = tables_of(organisation_page(client, results))
    assert org_tables["org-pulse-stages"] == STAGES_TABLE
    assert [row[:3] for row in org_tables["org-pulse-stages"]] == [
        row[:3] for row in cohort_tables["table-pulse-stages"]
    ]
    # Three more Solo people answering makes a group of four: still no difference anywhere.
    for member in (factories.learner(email=f"solo{n}@example.com") for n in range(3)):
        membership = Membership.objects.create(cohort=results["solo"], user=member, role="learner")
        answer(membership, "baseline", [1, 1, 1])
    cache.clear()
    assert tables_of(organisation_page(client, results))["org-pulse-stages"] == STAGES_TABLE


def test_the_organisation_page_puts_pulse_customers_and_teaching_on_one_time_axis(
    client, results
):
    html = organisation_page(client, results)
    months = tables_of(html)["org-months"]
    assert months[0] == ["Month", "Pulse (1–5)", "CSAT", "NPS", "Teach-back reports",
                         "People reached"]
    assert months[1:] == [
        ["Jan 2026", "3.0", "80.0", "20.0", "0", "0"],
        ["Feb 2026", "3.5", "86.0", "25.0", "1", "4"],
        ["Mar 2026", "—", "83.0", "—", "1", "6"],
        ["Apr 2026", "—", "—", "—", "1", "10"],
        ["May 2026", "3.7", "84.0", "—", "1", "3"],
        ["Jun 2026", "—", "88.0", "—", "0", "0"],
        ["Jul 2026", "—", "—", "—", "0", "0"],
        ["Aug 2026", "—", "—", "—", "0", "0"],
        ["Sep 2026", "—", "—", "—", "1", "2"],
    ]
    for chart in ("org-months-month-pulse", "org-months-customer-0", "org-months-customer-1",
                  "org-months-month-reports"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html


def test_month_labels_under_the_charts_stay_inside_them_never_touch_and_name_each_year(
    client, results
):
    """22 months (Dec 2024 to Sep 2026): before, the first label was pushed right into the
    second ("Dec 2025Mar 2026") and cut at the chart's left edge. Widths are measured in the
    face the charts name, Source Sans 3, as the admin now loads it (static/css/fonts.css)."""
    organisation = results["organisation"]
    source = CustomerImport.objects.create(organisation=organisation, file_name="old.csv", rows=13)
    CustomerPoint.objects.bulk_create(
        CustomerPoint(organisation=organisation, source=source, measure="CSAT",
                      measured_on=datetime.date(2024 + (month > 0), month or 12, 1), value=80)
        for month in range(13)  # Dec 2024, then Jan to Dec 2025
    )
    html = organisation_page(client, results)
    font_file = Path(settings.BASE_DIR) / "static/fonts/source-sans-3-latin-400-normal.woff"
    for chart in ("org-months-month-pulse", "org-months-customer-0", "org-months-month-reports"):
        svg = re.search(rf'<svg [^>]*aria-labelledby="{chart}-title.*?</svg>', html, re.S).group()
        assert "font-family=\"'Source Sans 3', " in svg  # quoted: unquoted, "3" voids the list
        width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
        ticks = re.findall(
            r'class="chart__tick" x="([\d.]+)" y="[\d.]+" text-anchor="middle" '
            r'font-size="(\d+)"[^>]*>([^<]+)</text>', svg
        )
        assert len(ticks) >= 4, (chart, ticks)
        end = 0.0
        for x, size, label in ticks:
            half = ImageFont.truetype(str(font_file), int(size)).getlength(label) / 2
            assert float(x) - half >= end, (chart, label, "touches the label before it")
            assert float(x) + half <= width, (chart, label, "runs past the chart")
            end = float(x) + half
        years = [re.search(r"\d{4}", label) for _, _, label in ticks]
        assert [year.group() for year in years if year] == ["2024", "2025", "2026"], ticks
        assert years[0], "the first label names its year"


def test_the_correlation_is_worded_as_correlation_with_its_sample_size(client, results):
    text = " ".join(organisation_page(client, results).split())
    # Pulse 3.0, 3.5, 3.7 against CSAT 80, 86, 84 (January, February, May): r = 0.82.
    assert ("CSAT: over 3 months with both figures, the monthly pulse and CSAT show a strong "
            "positive correlation (Pearson r = 0.82, n = 3 months).") in text
    assert "With so few months, a figure like this can easily arise by chance." in text
    assert ("NPS: only 2 months have both a pulse figure and a customer figure; a correlation "
            "needs at least 3.") in text
    assert "It does not show that the course, the teaching or engagement caused" in text
    assert "r = " not in text.split("NPS:")[1].split("</li>")[0]


def test_the_pulse_section_reads_in_spanish(client, results):
    client.force_login(results["tara"])
    html = client.get(f"/cohorts/{results['pilot'].pk}/impact/",
                      HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Pulso de compromiso junto a la enseñanza" in html
    assert "aún no hay suficientes respuestas" in html
    assert "Más comprometidos (4 o más de 5)" in html


def test_a_cohort_without_pulse_figures_says_so_instead_of_empty_charts(client, db):
    course = factories.course(modules=1)
    tara = factories.trainer(email="tara@example.com")
    cohort = world.cohort(course=course, learners=6, trainers=[tara])
    for member in learners_of(cohort)[:4]:
        answer(member, "baseline", [5, 5, 5])  # four answers: never a figure
    client.force_login(tara)
    html = client.get(f"/cohorts/{cohort.pk}/impact/").content.decode()
    assert 'id="pulse-empty"' in html
    assert "pulse-stage-pulse" not in html and "table-pulse-stages" not in html
