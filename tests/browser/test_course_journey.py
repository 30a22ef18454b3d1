"""A module's life in a real browser: a trainer writes it, another approves, a learner takes it."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import CoursePage, ModulePage, ModuleProgress
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_trainer_writes_a_module_another_approves_and_a_learner_completes_it(
    page, site_url, log_in
):
    factories.course(modules=1)
    course = CoursePage.objects.get(slug="service")
    factories.trainer(email="author@example.com", display_name="Ana Author")
    factories.trainer(email="reviewer@example.com", display_name="Rex Reviewer")
    factories.learner(email="lena@example.com", display_name="Lena Learner")

    log_in("author@example.com")
    page.goto(f"{site_url}/admin/pages/add/courses/modulepage/{course.pk}/")
    page.locator("#id_title").fill("Kindness at the counter")
    page.locator("#id_summary").fill("Small acts of kindness and why they matter.")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Quote").click()
    page.locator("textarea[name$='-value-quote']").fill("Kindness is contagious.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Trainer review").click()
    expect(page.get_by_text("submitted for moderation")).to_be_visible()
    module = ModulePage.objects.get(slug="kindness-at-the-counter")
    assert not module.live

    log_in("reviewer@example.com")
    page.goto(f"{site_url}/admin/pages/{module.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    # With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT Wagtail labels it "Approve"; it still
    # publishes, as the last task of the review.
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    module.refresh_from_db()
    assert module.live

    log_in("lena@example.com")
    page.goto(site_url + "/courses/service/")
    expect(page.get_by_text("0 of 2 modules")).to_be_visible()
    page.get_by_role("link", name="Kindness at the counter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kindness at the counter")
    expect(page.get_by_text("Kindness is contagious.")).to_be_visible()
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("You completed this module.")).to_be_visible()
    page.goto(site_url + "/courses/service/")
    expect(page.get_by_text("1 of 2 modules")).to_be_visible()
    assert ModuleProgress.objects.filter(user__email="lena@example.com", module=module).exists()
