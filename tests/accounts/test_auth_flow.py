"""Sign-up, email verification, log in and log out, as a visitor meets them."""

import re

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "teach-it-Forward-2026"


def sign_up(client, **overrides):
    data = {
        "email": "new.person@example.com",
        "display_name": "New Person",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return client.post("/accounts/signup/", {**data, **overrides})


def confirmation_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_visitor_signs_up_verifies_logs_out_and_logs_back_in(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"

    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.com")
    assert user.display_name == "New Person"
    assert user.groups.filter(name="Learners").exists()
    assert len(mail.outbox) == 1
    assert "_auth_user_id" not in client.session  # mandatory: not signed in before verifying

    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.emailaddress_set.get().verified

    assert client.get("/accounts/logout/").status_code == 200  # a confirmation page, no log-out
    assert "_auth_user_id" in client.session
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session

    response = client.post(
        "/accounts/login/", {"login": "New.Person@example.com", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_with_optional_verification_a_new_person_is_signed_in_at_once_and_still_emailed(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert "confirm-email" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "taken@example.com"}, "A user is already registered with this email address."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"password1": "short", "password2": "short"}, "This password is too short."),
        ({"password1": "12345678901", "password2": "12345678901"}, "entirely numeric"),
        ({"password2": "something-Else-2026"}, "You must type the same password each time."),
    ],
)
def test_bad_sign_up_shows_the_form_again_with_a_message_and_creates_nothing(
    client, overrides, message
):
    from tests import factories

    factories.learner(email="taken@example.com")
    before = User.objects.count()
    response = sign_up(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == before
    assert not mail.outbox


def test_a_wrong_password_shows_the_form_again(client, learner):
    response = client.post("/accounts/login/", {"login": learner.email, "password": "wrong"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_repeated_wrong_passwords_are_rate_limited_with_a_clear_message(client, learner):
    for _ in range(5):
        client.post("/accounts/login/", {"login": learner.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"login": learner.email, "password": PASSWORD})
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client, learner):
    client.post("/accounts/password/reset/", {"email": learner.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.login(email=learner.email, password=NEW_PASSWORD)


def test_a_signed_in_person_can_add_and_verify_another_email(client, learner):
    client.force_login(learner)
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "lee.new@example.com"}
    )
    assert response.status_code == 302
    assert learner.emailaddress_set.filter(email="lee.new@example.com", verified=False).exists()
    assert "confirm-email" in mail.outbox[-1].body
