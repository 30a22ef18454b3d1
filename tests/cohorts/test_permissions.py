"""Every cohort URL × every kind of visitor → the status they get, and none of the data leaks.

A URL walker fails when a new project URL is neither in this matrix nor on the public list.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "login"  # a redirect to the sign-in page
VISITORS = ["anonymous", "learner", "other_learner", "trainer", "other_trainer", "admin"]

# URL pattern name → (path template, {visitor: expected status}).
MATRIX = {
    "cohort_detail": (
        "/cohorts/{pk}/",
        {
            "anonymous": LOGIN,
            "learner": 200,
            "other_learner": 404,
            "trainer": 200,
            "other_trainer": 404,
            "admin": 200,
        },
    ),
    "cohort_export": (
        "/cohorts/{pk}/export.csv",
        {
            "anonymous": LOGIN,
            "learner": 404,
            "other_learner": 404,
            "trainer": 200,
            "other_trainer": 404,
            "admin": 200,
        },
    ),
    "my_home": (
        "/my/",
        {
            "anonymous": LOGIN,
            "learner": 200,
            "other_learner": 200,
            "trainer": 200,
            "other_trainer": 200,
            "admin": 200,
        },
    ),
    "join_cohort": (
        "/join/{code}/",
        {
            "anonymous": 200,
            "learner": 200,
            "other_learner": 200,
            "trainer": 200,
            "other_trainer": 200,
            "admin": 200,
        },
    ),
}

# Named URLs anyone may open, and URL prefixes owned by Wagtail or allauth (tested elsewhere).
PUBLIC = {"healthz", "search", "wagtailadmin_login_redirect", "wagtail_serve"}
FOREIGN_PREFIXES = ("admin/", "accounts/", "documents/", "static/", "media/", "_util/")


@pytest.fixture
def world(db):
    course = factories.course(modules=2)
    people = {
        "learner": factories.learner(email="learner@example.com", display_name="Secret Sam"),
        "other_learner": factories.learner(email="other.learner@example.com"),
        "trainer": factories.trainer(email="trainer@example.com"),
        "other_trainer": factories.trainer(email="other.trainer@example.com"),
        "admin": factories.admin(email="admin@example.com"),
    }
    cohort = factories.cohort(
        course=course,
        name="Our cohort",
        trainers=[people["trainer"]],
        learners=[people["learner"]],
    )
    factories.cohort(
        course=course,
        name="Their cohort",
        trainers=[people["other_trainer"]],
        learners=[people["other_learner"]],
    )
    return cohort, people


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_expected_answer_from_each_cohort_url(client, world, name, visitor):
    cohort, people = world
    template, expected = MATRIX[name]
    if visitor != "anonymous":
        client.force_login(people[visitor])
    response = client.get(template.format(pk=cohort.pk, code=cohort.join_code))
    assert outcome(response) == expected[visitor]
    if expected[visitor] in (403, 404, LOGIN):
        body = response.content.decode() if not response.streaming else ""
        assert "Our cohort" not in body
        if visitor != "learner":  # their own name is in their own page header
            assert "Secret Sam" not in body


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def test_every_project_url_is_in_the_permission_matrix_or_declared_public():
    unaccounted = sorted(
        f"{route} ({name})"
        for route, name in walk(get_resolver().url_patterns)
        if not route.lstrip("^").startswith(FOREIGN_PREFIXES)
        and name not in MATRIX
        and name not in PUBLIC
    )
    assert unaccounted == [], "Add these URLs to MATRIX (or PUBLIC) in this file."
