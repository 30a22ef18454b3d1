"""Who may see what about course pages, beyond Wagtail page privacy (tested in test_book_pages)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from courses.permissions import can_see_pdf_failure_details
from tests import factories

pytestmark = pytest.mark.django_db

DETAIL = "The render took longer than 120 seconds."


def failure_page(user) -> str:
    book = factories.book(course=factories.course(modules=1))
    request = RequestFactory().get("/")
    request.user = user
    context = {"page": book, "state": "failed", "message": DETAIL, "pdf_url": "/"}
    return render_to_string("courses/book_pdf_status.html", context, request=request)


def test_only_staff_read_why_a_book_pdf_could_not_be_prepared():
    admin = factories.admin(email="root@example.com")
    trainer = factories.trainer(email="tara@example.com")
    assert can_see_pdf_failure_details(admin)
    assert not can_see_pdf_failure_details(trainer)
    assert not can_see_pdf_failure_details(AnonymousUser())
    assert DETAIL in failure_page(admin)


@pytest.mark.parametrize("who", ["anonymous", "trainer"])
def test_readers_and_trainers_only_learn_that_the_pdf_failed(who):
    user = AnonymousUser() if who == "anonymous" else factories.trainer(email="t@example.com")
    html = failure_page(user)
    assert "could not be prepared just now" in html
    assert DETAIL not in html
