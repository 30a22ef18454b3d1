"""A new employee's first day, in a real browser, and what their trainer sees."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NEW_PASSWORD = "teach-it-Forward-2026"


def test_an_invited_employee_joins_completes_a_module_and_the_trainer_sees_it(
    page, site_url, log_in
):
    course = factories.course(modules=3)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    cohort = factories.cohort(course=course, name="Harbour cohort", trainers=[trainer])

    page.goto(site_url + cohort.join_path)
    expect(page.get_by_role("heading", name="Harbour cohort")).to_be_visible()
    page.get_by_role("link", name="Sign up to join").click()
    page.get_by_label("Email").fill("newbie@example.com")
    page.get_by_label("Your name").fill("Nia Newbie")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label(re.compile(r"Password \(again\)")).fill(NEW_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign up").click()

    # Optional verification (the dev default): signed in, but joining waits for the address.
    expect(page.get_by_text("Confirm your email address first")).to_be_visible()
    expect(page.get_by_text("you join Harbour cohort automatically")).to_be_visible()
    link = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(site_url + link)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(site_url + "/my/")
    expect(page.get_by_text("Welcome to Harbour cohort")).to_be_visible()
    expect(page.get_by_text("0 of 3 modules")).to_be_visible()

    page.get_by_role("link", name="Start: Module 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Module 1")
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("You completed this module.")).to_be_visible()

    page.goto(site_url + "/my/")
    expect(page.get_by_text("1 of 3 modules")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("value", "1")

    log_in(trainer.email)
    page.goto(f"{site_url}/cohorts/{cohort.pk}/")
    row = page.get_by_role("row", name=re.compile("Nia Newbie"))
    expect(row).to_contain_text("1/3")
    expect(row.locator(".badge--done")).to_have_count(1)
