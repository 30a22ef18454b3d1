"""Someone a learner teaches, in a real browser: no account, opens the book, downloads the PDF."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_anonymous_visitor_reads_the_web_book_and_downloads_the_pdf(page, site_url):
    factories.book(course=factories.course(modules=2))

    page.goto(site_url + "/courses/service/community-book/")
    expect(page.get_by_role("heading", level=1)).to_have_text(factories.BOOK_TITLE)
    expect(page.get_by_role("heading", name="Module 2")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(factories.COMMUNITY_TEXT)
    expect(page.get_by_role("main")).not_to_contain_text(factories.WORKPLACE_TEXT)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF (A4)").click()
    download = download_info.value
    assert download.suggested_filename == "community-book-a4.pdf"
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    assert reader.metadata.title == factories.BOOK_TITLE
    assert len(reader.pages) > 5

    page.get_by_text("What the options mean").click()
    expect(page.get_by_text("Large print: bigger type")).to_be_visible()


def test_the_web_book_fits_a_phone_and_has_no_serious_accessibility_violations(page, site_url):
    factories.book(course=factories.course(modules=1))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "/courses/service/community-book/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
