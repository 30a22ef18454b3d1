"""A trainer's morning in the admin, on a phone and on a desktop: the dashboard shows what waits
for them, they approve a module from it, then open a cohort's members page."""

import os
import pathlib
import re
import tempfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from courses.models import ModulePage
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = pathlib.Path(os.environ.get("RIPPLE_SHOTS", tempfile.gettempdir())) / "shots-admin"


def shoot(page, name, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"journey-{name}-{width}.png"))


def serious_violations(page, selector):
    results = Axe().run(page, context={"include": [[selector]]})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_a_trainer_approves_a_module_from_the_dashboard_then_opens_a_cohorts_members(
    page, site_url, log_in, width
):
    page.set_viewport_size({"width": width, "height": 900})
    course = factories.course(modules=1)
    trainer = factories.trainer(email="rex@example.com", display_name="Rex Reviewer")
    author = factories.trainer(email="ana@example.com", display_name="Ana Author")
    learner = factories.learner(email="lee@example.com", display_name="Lee Learner")
    cohort = factories.cohort(course=course, name="Autumn", trainers=[trainer], learners=[learner])
    factories.report(membership=cohort.memberships.get(user=learner), audience_size=5)
    module = ModulePage.objects.get(slug="module-1")
    module.title = "Kindness at the counter"
    module.save_revision(user=author)
    module.get_workflow().start(module, author)

    log_in("rex@example.com")
    page.goto(site_url + "/admin/")
    review = page.locator("#ripple-review-section")
    expect(review).to_contain_text("Kindness at the counter")
    expect(review).to_contain_text("submitted by Ana Author")
    cohorts = page.locator("#ripple-cohorts-section")
    expect(cohorts.get_by_label("Invite link")).to_have_value(re.compile(cohort.join_code))
    expect(page.locator("#ripple-reports-section")).to_contain_text("Lee Learner")
    shoot(page, "dashboard", width)
    for panel in ("#ripple-review-section", "#ripple-cohorts-section", "#ripple-reports-section"):
        assert serious_violations(page, panel) == []

    review.get_by_role("link", name="Kindness at the counter", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{module.pk}/edit/$"))
    expect(page.locator("#id_title")).to_have_value("Kindness at the counter")
    question = page.locator("textarea[name*='-value-questions-'][name$='-value']").first
    question.scroll_into_view_if_needed()
    expect(question).to_have_value(re.compile("Who served you well"))
    expect(page.get_by_label("Question").first).to_be_visible()
    shoot(page, "editor-question", width)
    page.go_back()
    with page.expect_popup() as popup:
        review.get_by_role("link", name="Preview Kindness at the counter").click()
    preview = popup.value
    expect(preview.get_by_role("heading", level=1)).to_have_text("Kindness at the counter")
    shoot(preview, "preview", width)
    preview.close()
    review.get_by_role("button", name="Approve Kindness at the counter").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    module = ModulePage.objects.get(pk=module.pk)
    assert module.live and module.title == "Kindness at the counter"

    expect(page.locator("#ripple-review-section")).to_contain_text("Nothing is waiting")
    page.locator("#ripple-cohorts-section").get_by_role(
        "link", name="Members and invitations of Autumn"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Members")
    expect(page.get_by_role("cell", name="Lee Learner", exact=True)).to_be_visible()
    shoot(page, "members", width)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_cohort_list_reads_on_a_phone_and_shows_every_column_on_a_desktop(
    page, site_url, log_in, width
):
    page.set_viewport_size({"width": width, "height": 900})
    course = factories.course(modules=1)
    trainer = factories.trainer(email="rex@example.com", display_name="Rex Reviewer")
    factories.cohort(course=course, name="Customer Focus — Autumn cohort", trainers=[trainer])

    log_in("rex@example.com")
    page.goto(site_url + "/admin/cohorts/")
    name = page.get_by_role("link", name="Customer Focus — Autumn cohort")
    status = page.locator(".listing .w-status").first
    expect(status).to_have_text(re.compile("Active", re.I))
    shoot(page, "cohort-list", width)
    assert status.bounding_box()["x"] + status.bounding_box()["width"] <= width
    # The name wraps between words, not letter by letter ("Custo / mer" before).
    assert name.bounding_box()["width"] >= 120
    course_header = page.get_by_role("columnheader", name="Course")
    if width == 375:
        expect(course_header).to_be_hidden()
    else:
        expect(course_header).to_be_visible()
        expect(page.get_by_role("cell", name=course.title)).to_be_visible()
    assert serious_violations(page, ".listing") == []
