"""The pulse beside teaching and the customer-results import, in a real browser."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.test_report_journey import serious_violations
from tests.reports import results_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("width", [375, 1280])
def test_a_trainer_reads_the_pulse_beside_teaching_on_a_phone_and_a_desk(
    page, site_url, log_in, width
):
    world = results_world.build()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(world["tara"].email)
    page.goto(f"{site_url}/cohorts/{world['pilot'].pk}/impact/")
    section = page.locator("#pulse")
    expect(section.get_by_role("heading", name="Engagement pulse beside teaching")).to_be_visible()
    expect(section.get_by_role("img", name="Engagement pulse by stage")).to_be_visible()
    expect(section.locator("#table-pulse-stages")).to_contain_text("not enough answers yet")
    expect(section.locator("#table-pulse-groups")).to_contain_text("More engaged")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_violations(page) == []


def test_an_admin_fixes_a_bad_csv_imports_it_and_undoes_it(page, site_url, log_in, tmp_path):
    from cohorts.models import Organisation

    acme = Organisation.objects.create(name="Acme")
    admin = factories.admin(email="ada@example.com")
    log_in(admin.email)
    page.goto(f"{site_url}/admin/customer-results/{acme.pk}/")
    bad = tmp_path / "results.csv"
    bad.write_text("date,measure,value\n2026-01-01,CSAT,81\n2026-13-01,CSAT,83\n")
    page.get_by_label("CSV file", exact=True).set_input_files(str(bad))
    page.get_by_role("button", name="Import", exact=True).click()
    alert = page.get_by_role("alert").filter(has_text="Nothing was imported")
    expect(alert).to_contain_text("Line 3: “2026-13-01” is not a date; use YYYY-MM-DD.")
    expect(page.locator("#imports")).to_contain_text("Nothing imported yet.")

    bad.write_text("date,measure,value\n2026-01-01,CSAT,81\n2026-02-01,CSAT,83\n")
    page.get_by_label("CSV file", exact=True).set_input_files(str(bad))
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Imported 2 points from results.csv.")).to_be_visible()
    expect(page.locator("#series-1")).to_contain_text("Feb 2026")

    page.locator("#imports").get_by_role("link", name="Undo").click()
    leaving = "The 2 values imported from results.csv leave the series."
    expect(page.get_by_text(leaving)).to_be_visible()
    page.get_by_role("button", name="Undo the import").click()
    expect(page.get_by_text("No customer results yet.")).to_be_visible()
    expect(page.locator("#imports")).to_contain_text("Undone on")
