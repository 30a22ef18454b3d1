"""Error pages in Ripple's design, as a visitor meets them with DEBUG off."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template import loader
from django.urls import path

from config import urls as project_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.test_error_pages")]


def refuses(request):
    raise PermissionDenied("Not yours.")


def is_missing(request):
    raise Http404("Gone.")


def breaks(request):
    raise RuntimeError("Something broke.")


urlpatterns = [
    path("refuses/", refuses),
    path("missing/", is_missing),
    path("breaks/", breaks),
    *project_urls.urlpatterns,
]


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


def test_a_refusal_gets_the_styled_403_page(client, learner):
    client.force_login(learner)
    response = client.get("/refuses/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "This page isn’t open to you" in page
    assert "css/ripple.css" in page
    assert 'href="/my/"' in page


@pytest.mark.parametrize("path", ["/missing/", "/no/such/page/"])
def test_a_missing_page_gets_the_styled_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    page = response.content.decode()
    assert "We can’t find that page" in page
    assert "css/ripple.css" in page


def test_a_crash_gets_the_styled_500_page(client):
    client.raise_request_exception = False
    response = client.get("/breaks/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, something went wrong on our side" in page
    assert "css/ripple.css" in page
    assert "Something broke" not in page


def test_the_500_page_renders_without_a_request_or_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        page = loader.get_template("500.html").render({})
    assert "Sorry, something went wrong on our side" in page
    assert 'href="/static/css/ripple.css"' in page
