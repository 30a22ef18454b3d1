"""Searching modules by title, summary and body text, limited to what the visitor may open."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_search_finds_modules_by_body_text_for_a_signed_in_learner(client, learner):
    factories.course(modules=2)
    client.force_login(learner)
    response = client.get("/search/", {"q": "terminal"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 modules match" in html
    assert "/courses/service/module-1/" in html


def test_search_finds_modules_by_title_and_summary(client, learner):
    factories.course(modules=2)
    client.force_login(learner)
    assert (
        "/courses/service/module-2/" in client.get("/search/", {"q": "Summary 2"}).content.decode()
    )


def test_anonymous_visitors_find_only_public_courses_modules(client):
    factories.course(modules=1, slug="private")
    factories.course(modules=1, slug="open", public=True)
    html = client.get("/search/", {"q": "terminal"}).content.decode()
    assert "/courses/open/module-1/" in html
    assert "/courses/private/" not in html


def test_an_empty_or_overlong_query_shows_the_form_without_error(client, learner):
    client.force_login(learner)
    assert client.get("/search/").status_code == 200
    response = client.get("/search/", {"q": "x" * 500})
    assert response.status_code == 200
    assert "No modules match" not in response.content.decode()



@pytest.mark.parametrize(
    "query",
    ['"terminal', 'terminal"', '"terminal"', "terminal*", "(terminal", "terminal)", "-terminal",
     "^terminal", "{terminal}", "terminal:", "+terminal", "'terminal'", "terminal\\"],
)
def test_search_syntax_characters_around_a_word_still_find_it(client, learner, query):
    factories.course(modules=1)
    client.force_login(learner)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "/courses/service/module-1/" in response.content.decode()


@pytest.mark.parametrize(
    "query", ['"', '""', "*", "(", ")", "-", "^", ":", "'", "\\", "+", "{}", '" OR "', "*-^"]
)
def test_a_query_of_search_syntax_characters_alone_calmly_matches_nothing(client, learner, query):
    factories.course(modules=1)
    client.force_login(learner)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "No modules match" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["NEAR", "NEAR(terminal driver)", "terminal OR", "AND", "NOT terminal",
              "terminal NEAR/2 driver", 'terminal" OR "x', "terminal:driver"]
)
def test_search_operator_words_are_searched_as_words_without_error(client, learner, query):
    factories.course(modules=1)
    client.force_login(learner)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No modules match" in html or "/courses/service/module-1/" in html


def test_a_quoted_phrase_finds_the_modules_with_those_words(client, learner):
    factories.course(modules=2)
    client.force_login(learner)
    html = client.get("/search/", {"q": '"drove me"'}).content.decode()
    assert "2 modules match" in html
    assert "No modules match" in client.get("/search/", {"q": '"zebra"'}).content.decode()
