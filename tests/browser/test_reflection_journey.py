"""Reflection answers in a real browser: one save keeps every answer typed on the page."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import ModulePage, Reflection
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_answers_typed_in_two_questions_are_both_kept_by_one_save(page, site_url, log_in):
    factories.course(modules=1)
    factories.learner(email="lena@example.com", display_name="Lena Learner")
    module = ModulePage.objects.get(slug="module-1")
    (first_key, first), (second_key, second), *_ = module.reflection_questions()

    log_in("lena@example.com")
    page.goto(f"{site_url}/courses/service/module-1/")
    page.get_by_label(first).fill("The bus driver who waited for me.")
    page.get_by_label(second).fill("Seen, and a little lighter.")
    question = page.locator(f"#q-{second_key}")
    question.get_by_role("button", name="Save answers").click()

    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    assert page.url.endswith(f"/courses/service/module-1/#q-{second_key}")
    page.reload()
    expect(page.get_by_label(first)).to_have_value("The bus driver who waited for me.")
    expect(page.get_by_label(second)).to_have_value("Seen, and a little lighter.")
    expect(question.get_by_text(re.compile("^Saved$"))).to_be_visible()
    assert Reflection.objects.filter(question_key__in=[first_key, second_key]).count() == 2
