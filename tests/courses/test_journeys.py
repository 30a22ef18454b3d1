"""What anonymous visitors are told, what follows a completed module, and search wording."""

import pytest

from courses.models import ModulePage, ModuleProgress
from tests import factories

pytestmark = pytest.mark.django_db


def test_visitors_find_the_public_community_book_from_the_home_page_and_the_catalogue(client):
    factories.book(course=factories.course(modules=1))
    for url in ("/", "/courses/"):
        html = client.get(url).content.decode()
        assert factories.BOOK_TITLE in html
        assert 'href="/courses/service/community-book/"' in html
        assert 'href="/courses/service/community-book/pdf/"' in html


def test_a_book_kept_private_is_not_linked_for_visitors(client):
    from courses.services import restrict_to_signed_in

    book = factories.book(course=factories.course(modules=1))
    restrict_to_signed_in(page=book)
    for url in ("/", "/courses/"):
        assert factories.BOOK_TITLE not in client.get(url).content.decode()


def test_the_catalogue_tells_visitors_why_courses_need_an_account_and_what_to_do(client):
    factories.course(modules=1)
    html = client.get("/courses/").content.decode()
    assert "Courses are for signed-in learners" in html
    assert "/accounts/login/?next=/courses/" in html
    assert "invite link" in html


def test_the_sign_in_page_a_course_sent_someone_to_says_why(client):
    factories.course(modules=1)
    response = client.get("/courses/service/module-1/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    assert "Courses are for signed-in learners." in html
    assert "Courses are for signed-in learners." not in client.get(
        "/accounts/login/"
    ).content.decode()


def test_completing_a_module_offers_the_next_one_then_the_teach_back(client, learner):
    factories.course(modules=2)
    first, second = ModulePage.objects.order_by("path")
    client.force_login(learner)
    response = client.post(f"{first.url}complete/")
    assert response["Location"] == f"{first.url}#completion"
    html = client.get(first.url).content.decode()
    assert "Up next: “Module 2”" in html
    assert f'href="{second.url}">Continue: Module 2' in html
    client.post(f"{second.url}complete/")
    html = client.get(second.url).content.decode()
    assert "every module of the course is done" in html
    assert 'href="/my/">File your teach-back report' in html
    assert ModuleProgress.objects.filter(user=learner).count() == 2


def test_search_says_one_module_matches(client, learner):
    factories.course(modules=1)
    client.force_login(learner)
    html = client.get("/search/", {"q": "terminal"}).content.decode()
    assert "1 module matches" in html
    assert "module-list--unnumbered" in html


def test_an_anonymous_search_says_to_sign_in_instead_of_no_match(client):
    factories.course(modules=5)
    html = client.get("/search/", {"q": "terminal"}).content.decode()
    assert "No modules match" not in html
    assert "Log in to search the courses" in html
    assert "/accounts/login/?next=/search/%3Fq%3Dterminal" in html


def test_the_header_has_a_search_form_on_every_page(client):
    html = client.get("/courses/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
