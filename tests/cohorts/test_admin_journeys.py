"""The cohorts admin as a trainer uses it: a readable status column, a new cohort leading to its
members page, and a members page whose header stays short on a phone."""

import datetime

import pytest
from django.utils import timezone

from cohorts.models import Cohort
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = factories.course(modules=1)
    mine = factories.trainer(email="mine@example.com", display_name="Mina Trainer")
    return {"course": course, "mine": mine,
            "cohort": factories.cohort(course=course, name="Mine", trainers=[mine])}


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def cohort_list(client, user) -> str:
    client.force_login(user)
    return client.get("/admin/cohorts/").content.decode()


def test_the_cohort_list_shows_each_cohorts_status_in_words(client, world):
    course, mine = world["course"], world["mine"]
    Cohort.objects.filter(pk=world["cohort"].pk).update(starts_on=days(-10), ends_on=None)
    factories.cohort(course=course, name="Old", trainers=[mine], starts_on=days(-60),
                     ends_on=days(-5))
    factories.cohort(course=course, name="Shelved", trainers=[mine], starts_on=days(-60),
                     archived=True)
    soon = days(400)
    factories.cohort(course=course, name="Later", trainers=[mine], starts_on=soon)
    html = cohort_list(client, mine)
    assert "Archived: False" not in html and ">False<" not in html
    assert ">Status<" in html or "Status\n" in html
    for status in ("Active", "Ended", "Archived", f"Starts {soon.day} {soon:%b %Y}"):
        assert status in html


def test_a_new_cohort_takes_the_trainer_to_its_members_and_invite_page(client, world):
    client.force_login(world["mine"])
    response = client.post(
        "/admin/cohorts/new/",
        {"name": "Winter cohort", "course": world["course"].pk,
         "organisation": world["cohort"].organisation.pk, "starts_on": "2026-12-01",
         "default_language": "en"},
    )
    cohort = Cohort.objects.get(name="Winter cohort")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/cohorts/members/{cohort.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert cohort.join_path in html


def test_the_members_page_header_is_short_and_the_details_are_in_the_body(client, world):
    cohort = world["cohort"]
    client.force_login(world["mine"])
    html = client.get(f"/admin/cohorts/members/{cohort.pk}/").content.decode()
    header = html[html.index("<h1"):html.index("</h1>")]
    assert "Members" in header and header.count(cohort.name) == 1
    assert cohort.course.title not in header and cohort.organisation.name not in header
    body = html[html.index("</h1>"):]
    assert f"{cohort.course.title} · {cohort.organisation.name}" in body
