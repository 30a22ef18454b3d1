"""A newcomer's first visit, in a real browser: sign up, verify, log out, log in."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "teach-it-Forward-2026"


def test_a_visitor_signs_up_verifies_logs_out_and_logs_in(page, site_url, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    page.goto(site_url + "/")
    page.get_by_role("link", name="Sign up").first.click()

    page.get_by_label("Email").fill("rosa@example.com")
    page.get_by_label("Your name").fill("Rosa Parks-Lee")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile("Password \\(again\\)")).fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(site_url + "/accounts/" + link.split("/accounts/", 1)[1])
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("banner")).to_contain_text("Rosa Parks-Lee")

    page.get_by_role("button", name="Log out").first.click()
    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()

    page.get_by_role("banner").get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill("rosa@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role(
        "button", name=re.compile(r"^(sign|log) in$", re.I)
    ).click()
    expect(page.get_by_role("banner")).to_contain_text("Rosa Parks-Lee")


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_have_no_serious_accessibility_violations(page, site_url, path):
    page.goto(site_url + path)
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
