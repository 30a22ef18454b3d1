"""Sign-in lockout after wrong passwords is per account: one office behind one address is not
locked out by one person's typos, while the address keeps a ceiling against spraying."""

import pytest

from accounts.models import User
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.7"
LOCKED = "Too many failed login attempts. Try again later."


def sign_in(client, email: str, password: str, address: str = OFFICE):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def colleagues(db):
    return (
        factories.learner(email="a@example.com", display_name="Ann"),
        factories.learner(email="b@example.com", display_name="Ben"),
    )


def test_five_wrong_passwords_lock_that_account_but_not_a_colleague_at_the_same_address(
    client, colleagues
):
    ann, ben = colleagues
    for _ in range(5):
        response = sign_in(client, ann.email, "wrong")
        assert "_auth_user_id" not in client.session
    assert LOCKED not in response.content.decode()

    response = sign_in(client, ben.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ben.pk)

    client.logout()
    response = sign_in(client, ann.email, PASSWORD)
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_spraying_many_accounts_is_stopped_at_its_ceiling(client, colleagues):
    _, ben = colleagues
    for n in range(100):
        sign_in(client, f"guess{n}@example.com", "wrong")
    response = sign_in(client, ben.email, PASSWORD)
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Ben, from home, is not locked out by the office's sprayer.
    response = sign_in(client, ben.email, PASSWORD, address="198.51.100.20")
    assert response.status_code == 302
    assert User.objects.get(pk=client.session["_auth_user_id"]) == ben


def test_a_room_of_people_signing_in_at_once_is_not_turned_away(client, db):
    people = [factories.learner(email=f"p{n}@example.com") for n in range(40)]
    for person in people:
        assert sign_in(client, person.email, PASSWORD).status_code == 302
        client.logout()


def test_over_an_address_limit_the_page_says_what_happened_in_the_sites_design(client, db):
    for n in range(20):
        client.post("/accounts/signup/", {"email": f"x{n}@example.com"}, REMOTE_ADDR=OFFICE)
    response = client.post("/accounts/signup/", {"email": "y@example.com"}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts from here" in html
    assert "Please wait a few minutes and try again." in html
    assert "site-nav" in html  # the site's header, not a bare error page
