"""A teach-back report's life in a real browser, from filing to the report-back session."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_report_is_filed_read_discussed_and_shown_at_the_session(page, site_url, log_in):
    course = factories.course(modules=2)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    author = factories.learner(email="ali@example.com", display_name="Ali Author")
    peer = factories.learner(email="pia@example.com", display_name="Pia Peer")
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[author, peer])

    log_in(author.email)
    page.goto(f"{site_url}/cohorts/{cohort.pk}/reports/new/")
    page.get_by_label("When did you teach?").fill("2026-09-20")
    page.get_by_label("Neighbours").check()
    page.get_by_label("How many people took part?").fill("6")
    page.get_by_label("Who was there?").fill("six neighbours at the street party")
    page.get_by_label("Module 1").check()
    page.get_by_label("What happened?").fill("We named the quiet helpers on our street.")
    page.get_by_role("button", name="Submit to my cohort").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Taught six neighbours at the street party"
    )
    expect(page.locator(".report-byline")).to_contain_text("by Ali Author")

    log_in(peer.email)
    page.goto(f"{site_url}/cohorts/{cohort.pk}/reports/")
    page.get_by_role("link", name="Taught six neighbours at the street party").click()
    page.get_by_label("Your comment").fill("What a lovely idea — stealing it!")
    page.get_by_role("button", name="Post comment").click()
    page.get_by_role("button", name="Appreciate").click()
    expect(page.get_by_text("1 person appreciates this")).to_be_visible()
    expect(page.get_by_role("button", name="Appreciated")).to_be_visible()

    log_in(author.email)
    page.goto(f"{site_url}/my/")
    expect(page.get_by_text("Reported 1 time")).to_be_visible()
    page.goto(f"{site_url}/cohorts/{cohort.pk}/reports/")
    page.get_by_role("link", name=re.compile("Taught six neighbours")).click()
    expect(page.get_by_text("What a lovely idea — stealing it!")).to_be_visible()
    expect(page.get_by_text("Pia Peer")).to_be_visible()

    from cohorts.models import Membership

    factories.report(
        membership=Membership.objects.get(user=peer), what_happened="Pia's choir story."
    )
    log_in(trainer.email)
    page.goto(f"{site_url}/cohorts/{cohort.pk}/reports/")
    page.get_by_role("link", name="Report-back session view").click()
    page.wait_for_load_state("load")  # the arrow keys work once report-back.js has run
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Taught six neighbours at the street party"
    )
    expect(page.locator(".report-byline")).to_have_text("by Ali Author")
    expect(page.get_by_text("We named the quiet helpers on our street.")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"\?n=2$"))
    expect(page.locator(".report-byline")).to_have_text("by Pia Peer")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".report-byline")).to_have_text("by Ali Author")


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_a_learner_fixes_a_mistake_from_the_error_summary_and_files_the_report(
    page, site_url, log_in, width
):
    page.set_viewport_size({"width": width, "height": 800})
    course = factories.course(modules=2)
    learner = factories.learner(email="ali@example.com", display_name="Ali Author")
    cohort = factories.cohort(course=course, learners=[learner])
    log_in(learner.email)
    page.goto(f"{site_url}/cohorts/{cohort.pk}/reports/new/")
    where = page.get_by_role("group", name="Where?")
    expect(where.get_by_role("radio")).to_have_count(9)
    for radio in where.get_by_role("radio").all():
        expect(radio).not_to_be_checked()

    page.get_by_label("When did you teach?").fill("2026-09-20")
    page.get_by_label("How many people took part?").fill("6")
    page.get_by_label("Who was there?").fill("six neighbours at the street party")
    page.get_by_label("Module 1").check()
    page.get_by_label("Give your report a short title").fill("Quiet helpers on our street")
    page.get_by_label("What happened?").fill("We named the quiet helpers on our street.")
    page.get_by_role("button", name="Submit to my cohort").click()

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert serious_violations(page) == []
    expect(page.get_by_label("Give your report a short title")).to_have_value(
        "Quiet helpers on our street"
    )
    expect(page.get_by_label("What happened?")).to_have_value(
        "We named the quiet helpers on our street."
    )
    summary.get_by_role("link", name="Choose where you taught.").click()
    expect(where.get_by_role("radio").first).to_be_focused()
    expect(page.locator("legend", has_text="Where?")).to_be_in_viewport()
    page.get_by_label("Neighbours").check()
    page.get_by_role("button", name="Submit to my cohort").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Quiet helpers on our street")
    expect(page.locator(".report-byline")).to_contain_text("by Ali Author")
    expect(page.get_by_text("Thank you — your report is shared.")).to_be_visible()
