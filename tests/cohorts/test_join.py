"""Joining a cohort with an invite link or code."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection

from cohorts.models import JOIN_CODE_ALPHABET, Cohort, Membership, Role
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "teach-it-Forward-2026"


@pytest.fixture
def cohort(db):
    return factories.cohort(course=factories.course(modules=2))


def test_an_anonymous_visitor_signs_up_verifies_and_joins(client, cohort, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    page = client.get(cohort.join_path)
    assert page.status_code == 200
    assert "Sign up to join" in page.content.decode()

    client.post(
        f"/accounts/signup/?next={cohort.join_path}",
        {"email": "nia@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    link = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    response = client.post(link)
    assert response["Location"] == cohort.join_path

    response = client.get(cohort.join_path)  # they asked to join by signing up: no second click
    assert response["Location"] == "/my/"
    membership = Membership.objects.get(cohort=cohort, user__email="nia@example.com")
    assert membership.role == Role.LEARNER
    assert "Course service" in client.get("/my/").content.decode()


def test_an_existing_user_logs_in_from_the_invite_and_comes_back_to_it(client, cohort, learner):
    client.get(cohort.join_path)
    response = client.post(
        "/accounts/login/", {"login": learner.email, "password": factories.PASSWORD}
    )
    assert response["Location"] == cohort.join_path


def test_joining_twice_makes_one_membership(client, cohort, learner):
    client.force_login(learner)
    client.post(cohort.join_path)
    client.post(cohort.join_path)
    assert Membership.objects.filter(cohort=cohort, user=learner).count() == 1


def test_codes_are_case_insensitive_and_forgive_the_dash(client, cohort, learner):
    client.force_login(learner)
    typed = f"/join/{cohort.display_code.lower()}/"
    assert client.post(typed)["Location"] == "/my/"
    assert Membership.objects.filter(cohort=cohort, user=learner).exists()


def test_codes_are_unguessable_and_easy_to_type():
    codes = {factories_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 10
        assert set(code) <= set(JOIN_CODE_ALPHABET)
        assert not set(code) & set("0O1lIL")
    assert 10 * __import__("math").log2(len(JOIN_CODE_ALPHABET)) >= 40


def factories_code():
    from cohorts.models import new_join_code

    return new_join_code()


def test_an_unknown_code_gets_a_friendly_404(client):
    response = client.get("/join/NOPE-NOPE/")
    assert response.status_code == 404
    assert "Ask your trainer for a new link" in response.content.decode()


def test_rotating_the_code_kills_the_old_link(client, cohort, learner):
    from cohorts.services import rotate_join_code

    old_path = cohort.join_path
    rotate_join_code(cohort=cohort)
    client.force_login(learner)
    assert client.post(old_path).status_code == 404
    assert not Membership.objects.filter(user=learner).exists()
    assert client.post(Cohort.objects.get().join_path).status_code == 302


def test_an_archived_cohort_refuses_with_a_clear_message(client, cohort, learner):
    Cohort.objects.filter(pk=cohort.pk).update(archived=True)
    client.force_login(learner)
    response = client.post(cohort.join_path)
    assert response.status_code == 409
    assert "has finished and takes no new members" in response.content.decode()
    assert not Membership.objects.filter(user=learner).exists()


def test_a_full_cohort_refuses_with_a_clear_message(client, cohort, learner):
    Cohort.objects.filter(pk=cohort.pk).update(seat_limit=1)
    Membership.objects.create(
        cohort=cohort, user=factories.learner(email="first@example.com"), role=Role.LEARNER
    )
    client.force_login(learner)
    response = client.post(cohort.join_path)
    assert response.status_code == 409
    assert "This cohort is full" in response.content.decode()
    assert Membership.objects.filter(cohort=cohort).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_seat_at_once_never_overfill_the_cohort():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; CI runs this test there (.ci/run).")
    from django.test import Client

    group = factories.cohort(course=factories.course(modules=1), seat_limit=3)
    people = [factories.learner(email=f"racer{n}@example.com") for n in range(8)]
    barrier = threading.Barrier(len(people))
    results = []

    def join(person):
        client = Client()
        client.force_login(person)
        barrier.wait()
        results.append(client.post(group.join_path).status_code)
        connection.close()

    threads = [threading.Thread(target=join, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Membership.objects.filter(cohort=group, role=Role.LEARNER).count() == 3
    assert sorted(results) == [302] * 3 + [409] * 5


# Joining waits for a confirmed address ------------------------------------------------------


def confirmation_path(message) -> str:
    return re.search(r"(/accounts/confirm-email/\S+/)", message.body).group(1)


@pytest.fixture
def unconfirmed(db):
    from allauth.account.models import EmailAddress

    person = factories.learner(email="una@example.com", display_name="Una Unconfirmed")
    EmailAddress.objects.filter(user=person).update(verified=False)
    return person


WAITING = (
    "Confirm your email address first: we sent a link to <strong>una@example.com</strong>. "
    "After you confirm, you join Autumn cohort automatically."
)


def test_an_unconfirmed_person_who_opens_a_join_link_waits_and_joins_after_confirming(
    client, cohort, unconfirmed
):
    client.force_login(unconfirmed)
    page = client.get(cohort.join_path)
    assert page.status_code == 200
    assert WAITING in page.content.decode()
    assert "Send the link again" in page.content.decode()
    assert not Membership.objects.filter(user=unconfirmed).exists()

    response = client.post("/accounts/email/", {"email": unconfirmed.email, "action_send": ""})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["una@example.com"]]
    response = client.post(confirmation_path(mail.outbox[0]))
    assert response["Location"] == cohort.join_path
    assert not Membership.objects.filter(user=unconfirmed).exists()

    response = client.get(cohort.join_path)
    assert response["Location"] == "/my/"
    assert Membership.objects.get(cohort=cohort, user=unconfirmed).role == Role.LEARNER
    assert "Welcome to Autumn cohort" in client.get("/my/").content.decode()


def test_an_unconfirmed_person_posting_the_join_form_is_not_joined(client, cohort, unconfirmed):
    client.force_login(unconfirmed)
    response = client.post(cohort.join_path)
    assert response.status_code == 409
    assert WAITING in response.content.decode()
    assert not Membership.objects.filter(user=unconfirmed).exists()


def test_join_cohort_itself_refuses_an_unconfirmed_address(cohort, unconfirmed):
    from cohorts.services import JoinRefused, join_cohort

    with pytest.raises(JoinRefused, match="Confirm your email address first"):
        join_cohort(code=cohort.join_code, user=unconfirmed)
    assert not Membership.objects.filter(user=unconfirmed).exists()


def test_with_optional_verification_sign_up_from_an_invite_waits_for_the_confirmation(
    client, cohort, settings
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    client.get(cohort.join_path)
    response = client.post(
        f"/accounts/signup/?next={cohort.join_path}",
        {"email": "nia@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == cohort.join_path
    page = client.get(cohort.join_path).content.decode()
    assert "we sent a link to <strong>nia@example.com</strong>" in page
    assert "you join Autumn cohort automatically" in page
    assert not Membership.objects.filter(cohort=cohort).exists()

    response = client.post(confirmation_path(mail.outbox[-1]))
    assert response["Location"] == cohort.join_path
    assert client.get(cohort.join_path)["Location"] == "/my/"
    assert Membership.objects.filter(cohort=cohort, user__email="nia@example.com").exists()


def test_with_mandatory_verification_the_check_your_inbox_page_names_the_cohort(
    client, cohort, settings
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    client.get(cohort.join_path)
    response = client.post(
        f"/accounts/signup/?next={cohort.join_path}",
        {"email": "nia@example.com", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    page = response.content.decode()
    assert "Check your email" in page
    assert "After you confirm, you join Autumn cohort automatically." in page


def test_a_confirmed_person_who_logs_in_from_an_invite_still_clicks_join(
    client, cohort, learner
):
    client.get(cohort.join_path)
    client.post("/accounts/login/", {"login": learner.email, "password": factories.PASSWORD})
    page = client.get(cohort.join_path)
    assert page.status_code == 200
    assert "Join Autumn cohort" in page.content.decode()
    assert not Membership.objects.filter(user=learner).exists()



def test_guessing_join_codes_is_stopped_per_address_and_per_person(client, cohort, learner):
    client.force_login(learner)
    for n in range(21):  # 20 an hour are allowed; the one past the limit is the last answered
        assert client.get(f"/join/NOPE{n:06d}/").status_code == 404
    assert client.get("/join/NOPE999999/").status_code == 429
    # Even a real code waits now, and nothing joins.
    assert client.post(cohort.join_path).status_code == 429
    assert not cohort.memberships.filter(user=learner).exists()
    client.logout()  # the same address, signed out: still refused
    assert client.get("/join/NOPE999998/").status_code == 429
