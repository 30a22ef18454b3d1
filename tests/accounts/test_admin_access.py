"""Who reaches the Wagtail admin, and how the admin signs people in."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_trainer_reaches_the_admin(client, trainer):
    client.force_login(trainer)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Ripple" in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/cohorts/new/"])
def test_a_signed_in_learner_gets_one_page_saying_the_admin_is_for_trainers(
    client, learner, path
):
    client.force_login(learner)
    response = client.get(path)
    assert response.status_code == 403
    page = response.content.decode()
    assert "The admin area is for trainers" in page
    assert 'href="/my/"' in page
    assert "ripple.css" in page
    assert "You do not have permission" not in page


def test_a_learner_sent_to_the_admin_after_signing_in_is_not_bounced_or_nagged(client, learner):
    response = client.post(
        "/accounts/login/?next=/admin/", {"login": learner.email, "password": PASSWORD}
    )
    assert response["Location"] == "/admin/"
    for _ in range(3):  # today's loop: /admin/ → sign-in → /admin/ → …, one message per bounce
        response = client.get("/admin/")
        assert response.status_code == 403
    page = client.get("/my/").content.decode()
    assert "You do not have permission to access the admin" not in page


def test_an_anonymous_visitor_is_sent_to_the_allauth_login(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/pages/")


def test_the_admin_login_form_cannot_be_posted_to_directly(client, trainer):
    response = client.post("/admin/login/", {"username": trainer.email, "password": PASSWORD})
    assert response.status_code in (302, 405)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/login/?next=/admin/")["Location"] == (
        "/accounts/login/?next=/admin/"
    )


def test_a_trainer_signs_in_through_allauth_and_lands_in_the_admin(client, trainer):
    response = client.post(
        "/accounts/login/?next=/admin/", {"login": trainer.email, "password": PASSWORD}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
