"""With the Content-Security-Policy and Permissions-Policy on, in a real browser: Ripple's main
pages and the Wagtail admin load without a single policy violation or console error, and what
their scripts do (the report-back arrow keys, the admin's editor and the userbar) still works."""

import re

import pytest
from playwright.sync_api import expect

from cohorts.models import Membership
from courses.models import ModulePage
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.rippleViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `in ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def problems(page):
    """Every policy violation, console error and uncaught script error, as text."""
    found: list[str] = []
    page.expose_function("rippleViolation", lambda text: found.append(f"CSP violation: {text}"))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: found.append(f"console error: {message.text} ({message.location})")
        if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: found.append(f"script error: {error}"))
    return found


def assert_none(problems: list[str], where: str):
    assert problems == [], f"{where}:\n" + "\n".join(problems)


def test_the_policy_is_enforced_and_the_watch_sees_a_violation(page, site_url, problems):
    page.goto(site_url + "/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.ran") is None  # the inline script never ran
    assert any(text.startswith("CSP violation: script-src-elem") for text in problems), problems


def test_ripple_pages_work_with_the_policies_on(page, site_url, log_in, problems):
    course = factories.course(modules=1)
    factories.book(course=course)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    learner = factories.learner(email="lena@example.com", display_name="Lena Learner")
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[learner])
    module = ModulePage.objects.get(slug="module-1")

    log_in(learner.email)
    page.goto(site_url + "/")
    page.goto(site_url + "/courses/service/")
    expect(page.get_by_text("0 of 1 module")).to_be_visible()
    page.goto(site_url + module.url)
    reflection = page.locator("section.reflection").first
    reflection.locator("textarea").first.fill("The bus driver who waited for me.")
    reflection.locator("button[type=submit]").first.click()
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()  # the POST landed
    page.reload()
    expect(page.locator("section.reflection textarea").first).to_have_value(
        "The bus driver who waited for me."
    )
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("You completed this module.")).to_be_visible()
    page.goto(f"{site_url}/cohorts/{cohort.pk}/reports/new/")
    page.get_by_label("When did you teach?").fill("2026-09-20")
    page.get_by_label("Neighbours").check()
    page.get_by_label("How many people took part?").fill("6")
    page.get_by_label("Module 1").check()
    page.get_by_label("What happened?").fill("We named the quiet helpers on our street.")
    page.get_by_role("button", name="Submit to my cohort").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Taught 6 people")
    assert_none(problems, "learner pages")

    for text in ("First story.", "Second story."):
        factories.report(
            membership=Membership.objects.get(user=learner),
            what_happened=text, share_at_next_session=True,
        )
    log_in(trainer.email)
    page.goto(f"{site_url}/cohorts/{cohort.pk}/")
    page.goto(f"{site_url}/cohorts/{cohort.pk}/impact/")
    page.goto(f"{site_url}/cohorts/{cohort.pk}/report-back/")
    expect(page.locator(".report-back__meta")).to_contain_text("report 1 of")
    page.keyboard.press("ArrowRight")  # static/js/report-back.js follows the Next link
    expect(page).to_have_url(re.compile(r"\?n=2$"))
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"\?n=1$"))
    assert_none(problems, "trainer pages")

    page.context.clear_cookies()
    page.goto(site_url + "/courses/service/community-book/")
    expect(page.get_by_role("heading", level=1)).to_have_text(factories.BOOK_TITLE)
    page.get_by_text("What the options mean").click()
    expect(page.get_by_text("Large print: bigger type")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF (A4)").click()
    assert download.value.suggested_filename == "community-book-a4.pdf"
    page.goto(site_url + "/accounts/signup/")
    assert_none(problems, "the book and sign-up")


def test_the_wagtail_admin_works_with_its_policy(page, site_url, log_in, problems):
    course = factories.course(modules=1)
    factories.admin(email="ada@example.com")
    cohort = factories.cohort(course=course)
    module = ModulePage.objects.get(slug="module-1")
    principle = module.principles.first()

    log_in("ada@example.com")
    page.goto(site_url + module.url)  # Wagtail's userbar, on a Ripple page
    page.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    userbar = page.locator("wagtail-userbar")
    expect(userbar.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    page.goto(site_url + "/admin/")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    page.goto(f"{site_url}/admin/pages/{module.pk}/edit/")
    page.get_by_role("button", name="Insert a block").first.click()
    expect(page.get_by_role("option", name="Quote")).to_be_visible()
    page.keyboard.press("Escape")
    page.goto(f"{site_url}/admin/snippets/courses/principle/edit/{principle.pk}/")
    expect(page.locator("#id_name")).to_have_value(principle.name)
    page.goto(f"{site_url}/admin/cohorts/")
    expect(page.get_by_role("link", name=cohort.name)).to_be_visible()
    page.goto(f"{site_url}/admin/cohorts/members/{cohort.pk}/")
    expect(page.get_by_role("heading", name="Invite link")).to_be_visible()
    page.get_by_label("Invite link").click()  # Wagtail's w-action#select, not an onclick
    assert page.evaluate("() => document.activeElement.selectionEnd") > 10
    assert_none(problems, "the Wagtail admin")
