"""Each role's journey from sign-in to the main action, at phone and desktop widths, with axe
checks on every page visited. Screenshots of each step go to RIPPLE_SHOTS (if set)."""

import io
import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from cohorts.models import Membership
from courses.models import ModulePage, ModuleProgress
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

VIEWPORTS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport(request, page):
    page.set_viewport_size(VIEWPORTS[request.param])
    return VIEWPORTS[request.param]


def check(page, step: str) -> None:
    """No serious or critical axe violations here; a screenshot when RIPPLE_SHOTS is set."""
    folder = os.environ.get("RIPPLE_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=os.path.join(folder, f"{width}-{step}.png"), full_page=True)
    violations = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']}: {v['help']} ({[node['target'] for node in v['nodes']]})"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{step}: {serious}"


def sign_in(page, site_url, email):
    page.context.clear_cookies()
    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()


def test_a_learner_lands_on_my_learning_continues_completes_and_goes_on(
    page, site_url, viewport
):
    course = factories.course(modules=3)
    trainer = factories.trainer(email="tara@example.com")
    learner = factories.learner(email="lena@example.com", display_name="Lena Learner")
    factories.cohort(course=course, trainers=[trainer], learners=[learner])
    first, second, third = ModulePage.objects.order_by("path")
    ModuleProgress.objects.create(user=learner, module=first, completed_at=first.first_published_at)

    sign_in(page, site_url, "lena@example.com")
    expect(page).to_have_url(site_url + "/my/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Lena Learner")
    check(page, "learner-1-my")

    page.get_by_role("link", name=course.title).click()
    continue_button = page.get_by_role("link", name="Continue: Module 2")
    expect(continue_button).to_be_visible()
    assert continue_button.bounding_box()["y"] < viewport["height"]
    check(page, "learner-2-course")

    continue_button.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Module 2")
    check(page, "learner-3-module")
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("Well done — “Module 2” is complete.")).to_be_attached()
    offered = page.get_by_role("link", name="Continue: Module 3")
    expect(offered).to_be_in_viewport()
    check(page, "learner-4-completed")
    assert ModuleProgress.objects.filter(user=learner, module=second).exists()

    offered.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Module 3")
    page.get_by_role("button", name="Mark as complete").click()
    page.get_by_role("link", name="File your teach-back report").click()
    expect(page).to_have_url(site_url + "/my/")
    expect(page.get_by_text("3 of 3 modules")).to_be_visible()
    assert ModuleProgress.objects.filter(user=learner, module=third).exists()


def test_a_trainer_lands_on_the_trainer_home_reads_the_matrix_and_gives_feedback(
    page, site_url, viewport
):
    course = factories.course(modules=2)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    learner = factories.learner(email="lena@example.com", display_name="Lena Learner")
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[learner])
    module = ModulePage.objects.order_by("path").first()
    ModuleProgress.objects.create(
        user=learner, module=module, completed_at=module.first_published_at
    )
    report = factories.report(
        membership=Membership.objects.get(user=learner), audience_size=6, setting="neighbours"
    )

    sign_in(page, site_url, "tara@example.com")
    expect(page).to_have_url(site_url + "/teach/")
    cohorts = page.get_by_role("region", name="Your cohorts")
    expect(cohorts).to_contain_text(cohort.name)
    expect(cohorts).to_contain_text("50%")
    invite = page.get_by_role("textbox", name=f"Invite link for {cohort.name}")
    expect(invite).to_have_value(re.compile(re.escape(cohort.join_path) + "$"))
    waiting = page.get_by_role("region", name="Reports waiting for feedback")
    expect(waiting.get_by_role("link", name="Taught 6 people")).to_be_visible()
    expect(waiting).to_contain_text("by Lena Learner")
    check(page, "trainer-1-home")

    page.get_by_role("link", name="Open progress matrix").click()
    expect(page).to_have_url(f"{site_url}/cohorts/{cohort.pk}/")
    expect(page.get_by_role("table")).to_contain_text("Lena Learner")
    expect(page.get_by_role("table")).to_contain_text("1/2")
    check(page, "trainer-2-matrix")

    page.go_back()
    waiting.get_by_role("link", name="Taught 6 people").click()
    expect(page).to_have_url(f"{site_url}/reports/{report.pk}/")
    check(page, "trainer-3-report")
    page.get_by_label("Feedback for the author").fill("Lovely way to start, Lena.")
    page.get_by_role("button", name="Save feedback").click()
    given = page.get_by_role("region", name=re.compile("Feedback from Tara Trainer"))
    expect(given).to_contain_text("Lovely way to start, Lena.")
    check(page, "trainer-4-feedback-given")
    report.refresh_from_db()
    assert report.trainer_feedback == "Lovely way to start, Lena."


def test_an_anonymous_visitor_finds_the_community_book_and_downloads_the_pdf(
    page, site_url, viewport
):
    factories.book(course=factories.course(modules=2))

    page.goto(site_url + "/")
    books = page.get_by_role("region", name="Read the community book")
    expect(books.get_by_role("link", name=factories.BOOK_TITLE, exact=True)).to_be_visible()
    check(page, "visitor-1-home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Courses").click()
    expect(page.get_by_role("heading", name="Courses are for signed-in learners")).to_be_visible()
    expect(page.get_by_role("link", name="Log in", exact=True).last).to_be_visible()
    check(page, "visitor-2-courses")

    page.get_by_role("main").get_by_role("link", name=factories.BOOK_TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(factories.BOOK_TITLE)
    check(page, "visitor-3-book")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF (A4)").click()
    download = download_info.value
    with open(download.path(), "rb") as pdf:
        data = pdf.read()
    assert data.startswith(b"%PDF")
    assert PdfReader(io.BytesIO(data)).metadata.title == factories.BOOK_TITLE
    response = page.request.get(page.url + "pdf/")
    assert response.headers["content-type"] == "application/pdf"

    page.goto(site_url + "/courses/service/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    expect(page.get_by_text("Courses are for signed-in learners.")).to_be_visible()
    check(page, "visitor-4-login-from-course")
