"""The sponsor's one-page summary PDF: one page on A4 and on US Letter, with the figures of the
impact page, and only for those who may see the organisation (admins)."""

import io

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from cohorts.models import Organisation
from outcomes.models import CustomerImport, CustomerPoint
from tests import factories
from tests.reports import results_world

pytestmark = pytest.mark.django_db

POINTS_PER_INCH = 72
MM = POINTS_PER_INCH / 25.4


@pytest.fixture
def results(db):
    cache.clear()
    return results_world.build()


def summary(client, organisation, paper):
    response = client.get(f"/admin/impact/organisations/{organisation.pk}/summary.pdf",
                          {"paper": paper})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="acme-summary-')
    return PdfReader(io.BytesIO(response.content))


def text_of(pdf) -> str:
    return " ".join(pdf.pages[0].extract_text().split())


@pytest.mark.parametrize(("paper", "size_mm"), [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_the_summary_is_exactly_one_page_of_the_paper_asked_for_with_the_figures(
    client, results, paper, size_mm
):
    client.force_login(factories.admin(email="ada@example.com"))
    pdf = summary(client, results["organisation"], paper)
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == tuple(
        round(side) for side in size_mm
    )
    text = text_of(pdf)
    assert "Acme" in text
    assert "Learners who have taught 4 of 13" in text  # p0, p1, p5, p6 of 12 + Solo's one
    assert "People reached 25" in text
    assert "Teach-back reports 5" in text
    assert "3.0 → 3.7" in text  # the baseline and 90 days after
    assert "Pearson r = 0.82, n = 3 months" in text
    assert "does not show that the course" in text


def test_a_busy_organisation_still_fits_one_page(client, results):
    """A long name, seven customer measures over three years and many sites: still one page."""
    organisation = results["organisation"]
    organisation.name = "The Very Long Name of an Organisation " * 3
    organisation.save()
    source = CustomerImport.objects.create(organisation=organisation, file_name="big.csv", rows=1)
    CustomerPoint.objects.bulk_create(
        CustomerPoint(organisation=organisation, source=source, measure=f"Measure {m}",
                      measured_on=f"{2024 + month // 12}-{month % 12 + 1:02}-01",
                      site=f"Site {site}", value=50 + month + site)
        for m in range(5) for month in range(36) for site in range(3)
    )
    client.force_login(factories.admin(email="ada@example.com"))
    for paper in ("a4", "letter"):
        response = client.get(f"/admin/impact/organisations/{organisation.pk}/summary.pdf",
                              {"paper": paper})
        pdf = PdfReader(io.BytesIO(response.content))
        assert len(pdf.pages) == 1
        assert "4 more customer measures are on the impact page" in text_of(pdf)


def test_the_summary_of_an_organisation_without_data_says_so_on_one_page(client, db):
    organisation = Organisation.objects.create(name="Empty Ltd")
    client.force_login(factories.admin(email="ada@example.com"))
    response = client.get(f"/admin/impact/organisations/{organisation.pk}/summary.pdf")
    pdf = PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) == 1
    assert "Nothing to show by month yet" in text_of(pdf)


def test_the_summary_is_refused_to_trainers_and_learners_and_an_unknown_paper_is_refused(
    client, results
):
    url = f"/admin/impact/organisations/{results['organisation'].pk}/summary.pdf"
    learner = results["learners"][0].user
    for person in (results["tara"], learner):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert response.get("Content-Type") != "application/pdf"
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(factories.admin(email="ada@example.com"))
    response = client.get(url, {"paper": "a3"})
    assert response.status_code == 400
    assert b"a4 or letter" in response.content


def test_the_organisation_page_links_the_summary_in_both_sizes(client, results):
    client.force_login(factories.admin(email="ada@example.com"))
    html = client.get(f"/admin/impact/organisations/{results['organisation'].pk}/").content
    pk = results["organisation"].pk
    assert f'href="/admin/impact/organisations/{pk}/summary.pdf?paper=a4"'.encode() in html
    assert f'href="/admin/impact/organisations/{pk}/summary.pdf?paper=letter"'.encode() in html
