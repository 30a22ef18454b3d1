"""Every change of a sign-in address is confirmed by the new address's owner before it counts."""

import re

import pytest
from django.core import mail

from accounts.models import User
from accounts.permissions import has_confirmed_email
from tests import factories
from tests.test_settings import PRODUCTION, manage

pytestmark = pytest.mark.django_db


def confirmation_path(message) -> str:
    return re.search(r"(/accounts/confirm-email/\S+/)", message.body).group(1)


def signs_in(client, email: str) -> bool:
    client.logout()
    client.post("/accounts/login/", {"login": email, "password": factories.PASSWORD})
    return "_auth_user_id" in client.session


def test_changing_email_keeps_the_old_address_for_sign_in_until_the_new_one_is_confirmed(
    client, learner, settings
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"  # the default wherever DEBUG is off
    client.force_login(learner)
    response = client.post("/accounts/email/", {"email": "lee.new@example.com", "action_add": ""})
    assert response.status_code == 302
    page = client.get("/accounts/email/").content.decode()
    assert "lee.new@example.com</strong>, which is still waiting to be verified" in page

    learner.refresh_from_db()
    assert learner.email == "lee@example.com"
    assert has_confirmed_email(learner)
    assert not signs_in(client, "lee.new@example.com")
    assert signs_in(client, "lee@example.com")

    message = next(m for m in mail.outbox if m.to == ["lee.new@example.com"])
    client.post(confirmation_path(message))
    learner.refresh_from_db()
    assert learner.email == "lee.new@example.com"
    assert has_confirmed_email(learner)
    assert signs_in(client, "lee.new@example.com")
    assert not signs_in(client, "lee@example.com")


def test_the_admin_account_page_has_no_email_field_and_links_to_the_confirmed_change(
    client, trainer
):
    client.force_login(trainer)
    page = client.get("/admin/account/").content.decode()
    assert 'name="name_email-email"' not in page
    assert 'href="/accounts/email/"' in page

    client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Theo",
            "name_email-last_name": "Trainer",
            "name_email-email": "someone.else@example.com",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    trainer.refresh_from_db()
    assert trainer.first_name == "Theo"
    assert trainer.email == "theo@example.com"


def test_an_admin_cannot_change_someone_elses_sign_in_address(client, admin_user, learner):
    client.force_login(admin_user)
    url = f"/admin/users/edit/{learner.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert re.search(r'<input[^>]*name="email"[^>]*disabled', page.content.decode())

    response = client.post(
        url,
        {
            "email": "not.lee@example.com",
            "first_name": "Lee",
            "last_name": "Learner",
            "is_active": "on",
            "groups": [g.pk for g in learner.groups.all()],
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.first_name == "Lee"
    assert learner.email == "lee@example.com"
    assert User.objects.filter(email="not.lee@example.com").count() == 0


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (PRODUCTION, "mandatory"),
        ({"DJANGO_DEBUG": "1"}, "optional"),
        ({**PRODUCTION, "ACCOUNT_EMAIL_VERIFICATION": "optional"}, "optional"),
        ({"DJANGO_DEBUG": "1", "ACCOUNT_EMAIL_VERIFICATION": "mandatory"}, "mandatory"),
    ],
)
def test_email_verification_is_mandatory_by_default_whenever_debug_is_off(env, expected):
    result = manage(
        "shell", "-c",
        "from django.conf import settings; print('MODE', settings.ACCOUNT_EMAIL_VERIFICATION)",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert f"MODE {expected}" in result.stdout


@pytest.mark.parametrize("value", ["none", "sometimes"])
def test_a_bad_verification_mode_stops_start_up_with_a_clear_message(value):
    result = manage("check", env={"DJANGO_DEBUG": "1", "ACCOUNT_EMAIL_VERIFICATION": value})
    assert result.returncode != 0
    assert f"ACCOUNT_EMAIL_VERIFICATION={value!r}: use optional or mandatory." in result.stderr
