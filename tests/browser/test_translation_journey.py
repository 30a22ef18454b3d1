"""Issue 15 in a real browser: a trainer translates a module into Spanish and another trainer
approves it; a Spanish-speaking learner sees the site in Spanish and downloads the Spanish
book, whose contents page is exact and whose editions rules hold."""

import io
import os
import pathlib
import re
import tempfile

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from courses.models import ModulePage
from tests import factories
from tests.courses.pdf_reading import chapter_start, contents_number, page_texts
from tests.courses.translating import publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = pathlib.Path(os.environ.get("RIPPLE_SHOTS", tempfile.gettempdir())) / "shots-i18n"
SPANISH_BOOK = "/es/courses/service/community-book/"


def in_spanish(text: str) -> str:
    """The stand-in Spanish a translator types in this test (slugs stay)."""
    if re.fullmatch(r"[a-z0-9-]+", text):
        return text
    return {
        "Module 1": "Vecinos que ayudan",
        f"<p>{factories.COMMUNITY_TEXT}</p>": "Nota solo para la comunidad sobre tus vecinos",
        factories.COMMUNITY_TEXT: "Nota solo para la comunidad sobre tus vecinos",
        factories.WORKPLACE_TEXT: "Nota solo para el trabajo sobre tu mostrador",
    }.get(text, f"ES {text}")


def test_a_module_is_translated_approved_and_read_in_spanish(page, site_url, log_in):
    course = factories.course(modules=2, public=True)
    factories.trainer(email="ana@example.com", display_name="Ana Author")
    factories.trainer(email="rex@example.com", display_name="Rex Reviewer")
    factories.learner(email="lucia@example.com", display_name="Lucía")
    book = factories.book(course=course)
    publish_translation(book, "es", title="Enséñalo a otros", subtitle="Lecciones para casa")
    module = ModulePage.objects.get(slug="module-1")

    # Ana starts a Spanish translation of module 1 from the admin.
    log_in("ana@example.com")
    page.goto(f"{site_url}/admin/localize/submit/page/{module.pk}/")
    page.get_by_label("Español").check()
    page.get_by_role("button", name=re.compile("Submit")).click()
    expect(page.get_by_text("Module 1").first).to_be_visible()
    draft = module.get_translation(module.get_translations().get().locale)
    assert "/edit/" in page.url and str(draft.pk) in page.url

    # She types each text's translation; the editor saves each through this same API.
    from wagtail_localize.models import StringSegment, Translation

    translation = Translation.objects.get(source__object_id=module.translation_key)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string"
    ):
        response = page.request.put(
            site_url + reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
            ),
            form={"value": in_spanish(segment.string.data)},
            headers={"X-CSRFToken": token, "Referer": site_url + "/admin/"},
        )
        assert response.ok, response.text()[:300]

    # From the dashboard, she sends the finished translation to Trainer review.
    page.goto(site_url + "/admin/")
    panel = page.locator("#ripple-translations-section")
    expect(panel).to_contain_text("Translated: ready to submit for review.")
    panel.get_by_role("button", name="Submit for review Module 1").click()
    expect(page.get_by_text("was submitted for review")).to_be_visible()
    assert not ModulePage.objects.get(pk=draft.pk).live

    # Rex approves it from his dashboard: it goes live in the Spanish tree.
    log_in("rex@example.com")
    page.goto(site_url + "/admin/")
    review = page.locator("#ripple-review-section")
    expect(review).to_contain_text("Vecinos que ayudan")
    review.get_by_role("button", name="Approve Vecinos que ayudan").click()
    expect(page.locator("#ripple-review-section")).not_to_contain_text("Vecinos que ayudan")
    assert ModulePage.objects.get(pk=draft.pk).live

    # Lucía's browser speaks Spanish: the English book's address brings her to the Spanish one.
    context = page.context.browser.new_context(locale="es-ES", accept_downloads=True)
    reader = context.new_page()
    reader.goto(site_url + "/courses/service/community-book/")
    assert reader.url == site_url + SPANISH_BOOK
    expect(reader.get_by_role("heading", level=1)).to_have_text("Enséñalo a otros")
    main = reader.get_by_role("main")
    expect(main).to_contain_text("Nota solo para la comunidad sobre tus vecinos")
    expect(main).not_to_contain_text("Nota solo para el trabajo")
    expect(main).to_contain_text("Este capítulo aún no está traducido.")  # module 2
    expect(reader.locator(".book-languages")).to_contain_text("Idiomas")
    SHOTS.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=str(SHOTS / "spanish-book.png"), full_page=False)

    with reader.expect_download() as download_info:
        reader.locator("a.button--secondary[download]").first.click()
    download = download_info.value
    assert download.suggested_filename == "community-book-es-a4.pdf"
    with open(download.path(), "rb") as handle:
        pdf = handle.read()
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "es"
    pages = page_texts(pdf)
    for number, heading in ((1, "Vecinos que ayudan"), (2, "Module 2")):
        assert contents_number(pages, heading, "es") == chapter_start(
            pages, number, heading, "es"
        ), heading
    text = " ".join(" ".join(text.split()) for text in pages)
    assert "Nota solo para la comunidad sobre tus vecinos" in text
    assert "Nota solo para el trabajo" not in text and factories.WORKPLACE_TEXT not in text
    context.close()
