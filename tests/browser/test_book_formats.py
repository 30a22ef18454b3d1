"""A reader chooses chapters on the web book page, in a real browser; the page's download list
has no serious accessibility violations on a phone or a desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BOOK_PATH = "/courses/service/community-book/"


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_the_download_list_has_no_serious_accessibility_violations(page, site_url, width):
    factories.book(course=factories.course(modules=3))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + BOOK_PATH)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    expect(page.get_by_role("link", name="EPUB · e-book")).to_be_visible()
    expect(page.get_by_role("link", name="Module 2: Letter large print")).to_be_attached()
    assert serious_violations(page) == []


def test_a_reader_chooses_two_chapters_and_gets_one_pdf_or_a_clear_message(page, site_url):
    factories.book(course=factories.course(modules=3))
    page.goto(site_url + BOOK_PATH)
    form = page.get_by_role("form", name="Choose chapters")
    form.get_by_role("button", name="Make the PDF").click()
    expect(page.get_by_role("main")).to_contain_text("Choose at least one chapter to print.")

    page.goto(site_url + BOOK_PATH)
    form = page.get_by_role("form", name="Choose chapters")
    form.get_by_label("3. Module 3").check()
    form.get_by_label("1. Module 1").check()
    # The PDF opens in the browser (issue 13 item 10), as one file of the two chapters.
    with page.expect_response(lambda response: "/pdf/?" in response.url) as answer:
        form.get_by_role("button", name="Make the PDF").click()
    assert answer.value.status == 200
    assert answer.value.headers["content-type"] == "application/pdf"
    assert 'filename="community-book-2-chapters-a4.pdf"' in answer.value.headers[
        "content-disposition"
    ]
