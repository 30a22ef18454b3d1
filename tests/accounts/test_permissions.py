"""What an account may do because of what it is and what it has proved."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from accounts.permissions import has_confirmed_email, is_admin, users_with_confirmed_email
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    confirmed = factories.learner(email="conf@example.com")
    other_confirmed = factories.learner(email="main@example.com")
    EmailAddress.objects.filter(user=other_confirmed).update(verified=False)
    EmailAddress.objects.create(
        user=other_confirmed, email="second@example.com", verified=True, primary=False
    )
    no_address = User.objects.create_user("bare@example.com", factories.PASSWORD)
    shouting = factories.learner(email="loud@example.com")
    EmailAddress.objects.filter(user=shouting).update(email="LOUD@Example.com")
    return {
        "confirmed": confirmed,
        "unconfirmed sign-in address, another confirmed": other_confirmed,
        "no EmailAddress row": no_address,
        "confirmed in other letter case": shouting,
    }


def test_the_confirmed_email_list_and_check_agree_on_each_person(people):
    listed = set(users_with_confirmed_email(User.objects.all()))
    for label, person in people.items():
        assert has_confirmed_email(person) == (person in listed), label


def test_only_the_address_a_person_signs_in_with_counts_as_confirmed(people):
    assert has_confirmed_email(people["confirmed"])
    assert has_confirmed_email(people["confirmed in other letter case"])
    assert not has_confirmed_email(people["unconfirmed sign-in address, another confirmed"])
    assert not has_confirmed_email(people["no EmailAddress row"])
    assert not has_confirmed_email(AnonymousUser())


def test_only_superusers_are_admins(people):
    admin = factories.admin(email="root@example.com")
    assert is_admin(admin)
    assert not is_admin(people["confirmed"])
    assert not is_admin(AnonymousUser())
