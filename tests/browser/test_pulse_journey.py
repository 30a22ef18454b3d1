"""The engagement pulse on a 375 px phone: from the card on /my/ to the thank-you in a few
taps, big touch targets, nothing wider than the screen, no serious accessibility problems."""

import datetime
import os
import pathlib
import tempfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from cohorts.models import Membership
from pulse.models import DEFAULT_STATEMENTS, Pulse
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = pathlib.Path(os.environ.get("RIPPLE_SHOTS", tempfile.gettempdir())) / "shots-pulse"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"pulse-{name}.png"), full_page=True)


def serious_violations(page):
    results = Axe().run(page, context={"include": [["main"]]})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_a_learner_answers_the_pulse_on_a_phone_in_a_few_taps(page, site_url, log_in):
    page.set_viewport_size({"width": 375, "height": 740})
    learner = factories.learner(email="lee@example.com", display_name="Lee Learner")
    today = timezone.localdate()
    cohort = factories.cohort(course=factories.course(modules=1), learners=[learner],
                              starts_on=today)
    Pulse.objects.create(
        cohort=cohort, membership=Membership.objects.get(user=learner), stage="baseline",
        due_on=today, closes_on=today + datetime.timedelta(days=21),
    )

    log_in("lee@example.com")
    page.goto(site_url + "/my/")
    shoot(page, "card")
    page.get_by_role("link", name="Answer (1 minute)").click()
    expect(page.get_by_role("heading", name="How are things going?")).to_be_visible()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    statements = page.locator("fieldset.pulse-statement")
    expect(statements).to_have_count(len(DEFAULT_STATEMENTS))
    first = statements.nth(0).locator(".pulse-scale__option").nth(0).bounding_box()
    assert first["width"] >= 44 and first["height"] >= 44  # a thumb's target

    # Send with one statement left out: told which, and nothing tapped is lost.
    for n in range(len(DEFAULT_STATEMENTS) - 1):
        statements.nth(n).get_by_role("radio", name="Agree", exact=True).check()
    page.get_by_label("Anything you would like to add?").fill("More time per customer.")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Choose an answer for this statement.").first).to_be_visible()
    shoot(page, "error")
    expect(statements.nth(0).get_by_role("radio", name="Agree", exact=True)).to_be_checked()
    expect(page.get_by_label("Anything you would like to add?")).to_have_value(
        "More time per customer."
    )

    statements.nth(len(DEFAULT_STATEMENTS) - 1).get_by_role("radio", name="Strongly agree").check()
    shoot(page, "filled")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you: your answers are in")).to_be_visible()
    shoot(page, "thanks")
    pulse = Pulse.objects.get()
    assert pulse.is_answered and pulse.mean_score == pytest.approx(4.2)
    assert not pulse.share_comment
