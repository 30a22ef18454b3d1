"""Every cohort URL × every kind of visitor → the status they get, and none of the data leaks.

A URL walker fails when a new project URL is neither in this matrix nor on the public list.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from cohorts.models import Membership
from cohorts.permissions import can_manage_cohort, role_in
from pulse.models import Pulse
from reports.models import Comment
from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "login"  # a redirect to the sign-in page
VISITORS = ["anonymous", "learner", "other_learner", "trainer", "other_trainer", "admin"]

ALL_404_BUT = {"other_learner": 404, "other_trainer": 404, "anonymous": LOGIN}

# URL pattern name → (path template, {visitor: expected status}[, method]).
# The report is by `learner`, shared with the cohort; the comment on it is by `learner` too.
MATRIX = {
    "report_feed": (
        "/cohorts/{pk}/reports/",
        {**ALL_404_BUT, "learner": 200, "trainer": 200, "admin": 200},
    ),
    "report_new": (
        "/cohorts/{pk}/reports/new/",
        {
            "anonymous": LOGIN,
            "learner": 200,
            "other_learner": 403,
            "trainer": 200,
            "other_trainer": 403,
            "admin": 403,
        },
    ),
    "report_back": (
        "/cohorts/{pk}/report-back/",
        {**ALL_404_BUT, "learner": 403, "trainer": 200, "admin": 200},
    ),
    "cohort_impact": (
        "/cohorts/{pk}/impact/",
        {**ALL_404_BUT, "learner": 403, "trainer": 200, "admin": 200},
    ),
    "reports_csv": (
        "/cohorts/{pk}/reports.csv",
        {**ALL_404_BUT, "learner": 403, "trainer": 200, "admin": 200},
    ),
    "report_detail": (
        "/reports/{report}/",
        {**ALL_404_BUT, "learner": 200, "trainer": 200, "admin": 200},
    ),
    # Only its person opens a pulse: to everyone else, admins included, it does not exist.
    "pulse_answer": (
        "/pulse/{pulse}/",
        {**ALL_404_BUT, "learner": 200, "trainer": 404, "admin": 404},
    ),
    "report_edit": (
        "/reports/{report}/edit/",
        {**ALL_404_BUT, "learner": 200, "trainer": 403, "admin": 403},
    ),
    "report_delete": (
        "/reports/{report}/delete/",
        {**ALL_404_BUT, "learner": 200, "trainer": 403, "admin": 403},
    ),
    "report_appreciate": (
        "/reports/{report}/appreciate/",
        {**ALL_404_BUT, "learner": 302, "trainer": 302, "admin": 302},
        "post",
    ),
    "report_feedback": (
        "/reports/{report}/feedback/",
        {**ALL_404_BUT, "learner": 403, "trainer": 302, "admin": 302},
        "post",
    ),
    "comment_add": (
        "/reports/{report}/comments/",
        {**ALL_404_BUT, "learner": 400, "trainer": 400, "admin": 400},
        "post",
    ),
    "comment_edit": (
        "/comments/{comment}/edit/",
        {**ALL_404_BUT, "learner": 200, "trainer": 403, "admin": 403},
    ),
    "comment_delete": (
        "/comments/{comment}/delete/",
        {**ALL_404_BUT, "learner": 302, "trainer": 403, "admin": 403},
        "post",
    ),
    "comment_hide": (
        "/comments/{comment}/hide/",
        {**ALL_404_BUT, "learner": 403, "trainer": 302, "admin": 302},
        "post",
    ),
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
    "trainer_home": (
        "/teach/",
        {
            "anonymous": LOGIN,
            "learner": 403,
            "other_learner": 403,
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
PUBLIC = {
    "healthz", "search", "enter_join_code", "wagtailadmin_login_redirect", "wagtail_serve",
    "unsubscribe",
}
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
    report = factories.report(
        membership=Membership.objects.get(user=people["learner"]),
        what_happened="Our cohort's private story",
    )
    comment = Comment.objects.create(report=report, author=people["learner"], body="Hi")
    today = timezone.localdate()
    Pulse.objects.create(
        cohort=cohort, membership=report.author, stage="baseline", due_on=today,
        closes_on=today + datetime.timedelta(days=21),
    )
    return cohort, people, report, comment


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_expected_answer_from_each_cohort_url(client, world, name, visitor):
    cohort, people, report, comment = world
    template, expected, *method = MATRIX[name]
    if visitor != "anonymous":
        client.force_login(people[visitor])
    url = template.format(
        pk=cohort.pk, code=cohort.join_code, report=report.pk, comment=comment.pk,
        pulse=Pulse.objects.get(membership=report.author).pk,
    )
    response = getattr(client, method[0] if method else "get")(url)
    assert outcome(response) == expected[visitor]
    if expected[visitor] in (403, 404, LOGIN):
        body = response.content.decode() if not response.streaming else ""
        assert "Our cohort" not in body
        assert "private story" not in body
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


# The cohort admin (Wagtail ModelViewSet) ------------------------------------------------------
# Every admin view of one cohort asks cohorts.permissions.can_manage_cohort. People without
# admin access get Ripple's "the admin is for trainers" page (403); a trainer opening another
# trainer's cohort is sent back to the admin home (Wagtail's permission-denied redirect).

DENIED = "denied"  # Wagtail's permission denied: a redirect to the admin home with a message
ADMIN_ONLY_TRAINERS = {
    "anonymous": LOGIN,
    "learner": 403,
    "other_learner": 403,
    "trainer": 200,
    "other_trainer": DENIED,
    "admin": 200,
}

# Route (as the URL walker sees it) → (path, {visitor: outcome}[, method]).
ADMIN_MATRIX = {
    "admin/cohorts/edit/<int:pk>/": ("/admin/cohorts/edit/{pk}/", ADMIN_ONLY_TRAINERS),
    "admin/cohorts/delete/<int:pk>/": ("/admin/cohorts/delete/{pk}/", ADMIN_ONLY_TRAINERS),
    "admin/cohorts/history/<int:pk>/": ("/admin/cohorts/history/{pk}/", ADMIN_ONLY_TRAINERS),
    "admin/cohorts/history-results/<int:pk>/": (
        "/admin/cohorts/history-results/{pk}/",
        ADMIN_ONLY_TRAINERS,
    ),
    "admin/cohorts/usage/<int:pk>/": ("/admin/cohorts/usage/{pk}/", ADMIN_ONLY_TRAINERS),
    "admin/cohorts/members/<int:pk>/": ("/admin/cohorts/members/{pk}/", ADMIN_ONLY_TRAINERS),
    "admin/cohorts/members/<int:pk>/rotate/": (
        "/admin/cohorts/members/{pk}/rotate/",
        {**ADMIN_ONLY_TRAINERS, "trainer": 302, "admin": 302},
        "post",
    ),
    # Lists and the new-cohort form show only what the visitor may see (tests/cohorts/test_admin).
    "admin/cohorts/": ("/admin/cohorts/", {**ADMIN_ONLY_TRAINERS, "other_trainer": 200}),
    "admin/cohorts/results/": (
        "/admin/cohorts/results/",
        {**ADMIN_ONLY_TRAINERS, "other_trainer": 200},
    ),
    "admin/cohorts/new/": ("/admin/cohorts/new/", {**ADMIN_ONLY_TRAINERS, "other_trainer": 200}),
}


def admin_outcome(response):
    if response.status_code == 302 and response["Location"].rstrip("/") == "/admin":
        return DENIED
    return outcome(response)


@pytest.mark.parametrize("route", sorted(ADMIN_MATRIX))
@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_expected_answer_from_each_cohort_admin_url(
    client, world, route, visitor
):
    cohort, people, _report, _comment = world
    template, expected, *method = ADMIN_MATRIX[route]
    if visitor != "anonymous":
        client.force_login(people[visitor])
    code = cohort.join_code
    response = getattr(client, method[0] if method else "get")(template.format(pk=cohort.pk))
    assert admin_outcome(response) == expected[visitor]
    if expected[visitor] != 200:
        assert "Our cohort" not in response.content.decode()
        assert client.get("/admin/").status_code in (200, 302, 403)  # no loop, no crash
    cohort.refresh_from_db()
    if expected[visitor] != 302:
        assert cohort.join_code == code


def test_a_denied_trainer_sees_nothing_of_another_trainers_cohort_after_the_redirect(
    client, world
):
    cohort, people, _report, _comment = world
    client.force_login(people["other_trainer"])
    for path in ("history", "usage", "edit", "delete"):
        page = client.get(f"/admin/cohorts/{path}/{cohort.pk}/", follow=True)
        assert "Our cohort" not in page.content.decode()
        assert "Sorry, you do not have permission" in page.content.decode()


def test_every_cohort_admin_url_is_in_the_admin_permission_matrix():
    unaccounted = sorted(
        route
        for route, _name in walk(get_resolver().url_patterns)
        if route.startswith("admin/cohorts/") and route not in ADMIN_MATRIX
        and not route.startswith("admin/cohorts/members/")  # MEMBERS_ADMIN_MATRIX
    )
    assert unaccounted == [], "Add these admin URLs to ADMIN_MATRIX in this file."


# --- The cohort members admin (members list, add, role, remove, invite, rotate) -------------
# Kept in its own block: the cohort create/edit/history/usage admin views have theirs.

NOT_FOR_LEARNERS = 403  # the styled "the admin is for trainers" page (issue 11.9)
ADMIN_DENIED = "denied"  # Wagtail's answer to PermissionDenied: back to the dashboard

MEMBERS_ADMIN_MATRIX = {
    # name → (path, {visitor: outcome}, method, data); {membership} is `learner`'s.
    "cohorts:members": ("/admin/cohorts/members/{pk}/", 200, "get", {}),
    "cohorts:members_add": ("/admin/cohorts/members/{pk}/add/", 400, "post", {}),
    "cohorts:members_role": (
        "/admin/cohorts/members/{pk}/role/",
        302,
        "post",
        {"membership": "{membership}", "role": "learner"},
    ),
    "cohorts:members_remove": (
        "/admin/cohorts/members/{pk}/remove/",
        200,
        "get",
        {"membership": "{membership}"},
    ),
    "cohorts:members_invite": ("/admin/cohorts/members/{pk}/invite/", 400, "post", {}),
    "cohorts:rotate": ("/admin/cohorts/members/{pk}/rotate/", 302, "post", {}),
}


def members_admin_expected(runs_it) -> dict:
    """Trainers of this cohort and admins get `runs_it`; nobody else gets in."""
    return {
        "anonymous": LOGIN,
        "learner": NOT_FOR_LEARNERS,
        "other_learner": NOT_FOR_LEARNERS,
        "trainer": runs_it,
        "other_trainer": ADMIN_DENIED,
        "admin": runs_it,
    }



@pytest.mark.parametrize("name", sorted(MEMBERS_ADMIN_MATRIX))
@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_expected_answer_from_each_members_admin_url(
    client, world, name, visitor
):
    cohort, people, report, comment = world
    template, runs_it, method, data = MEMBERS_ADMIN_MATRIX[name]
    expected = members_admin_expected(runs_it)[visitor]
    membership = Membership.objects.get(user=people["learner"])
    before = (cohort.join_code, list(Membership.objects.values_list("pk", "role", "ended_at")))
    if visitor != "anonymous":
        client.force_login(people[visitor])
    data = {key: value.format(membership=membership.pk) for key, value in data.items()}
    response = getattr(client, method)(template.format(pk=cohort.pk), data)
    assert admin_outcome(response) == expected
    if expected in (ADMIN_DENIED, LOGIN, 403, 404):
        if visitor != "learner":  # the learner's own name is in their own page header
            assert "Secret Sam" not in response.content.decode()
        cohort.refresh_from_db()
        after = (cohort.join_code, list(Membership.objects.values_list("pk", "role", "ended_at")))
        assert after == before


def test_every_members_admin_url_is_in_its_matrix():
    routes = {
        f"cohorts:{name}"
        for route, name in walk(get_resolver().url_patterns)
        if route.startswith("admin/cohorts/members/")
    }
    assert routes == set(MEMBERS_ADMIN_MATRIX)


def test_a_cohorts_trainers_and_admins_manage_it_and_nobody_else(world):
    cohort, people, _report, _comment = world
    for name, expected in [
        ("anonymous", False),
        ("learner", False),
        ("other_learner", False),
        ("trainer", True),
        ("other_trainer", False),
        ("admin", True),
    ]:
        person = people.get(name) or AnonymousUser()
        assert can_manage_cohort(person, cohort) is expected, name
        assert can_manage_cohort(person, cohort.pk) is expected, name
    assert role_in(people["learner"], cohort) == "learner"
    assert role_in(people["trainer"], cohort.pk) == "trainer"
    assert role_in(people["other_learner"], cohort) is None


def test_a_removed_trainer_manages_nothing_and_has_no_role(world):
    cohort, people, _report, _comment = world
    Membership.objects.filter(user=people["trainer"]).update(ended_at=timezone.now())
    assert role_in(people["trainer"], cohort) is None
    assert not can_manage_cohort(people["trainer"], cohort)


def test_learners_see_who_trains_their_cohort_marked_among_the_people(client, world):
    cohort, people, _report, _comment = world
    client.force_login(people["learner"])
    html = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert "(trainer)" in html
    assert html.count("badge--accent") >= 1
