"""`manage.py seed_demo` builds the demo once and changes nothing when run again."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


SEEDED_APPS = {"accounts", "account", "auth", "courses", "cohorts", "reports", "wagtailcore"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in SEEDED_APPS
    }


def test_seed_demo_creates_the_demo_sign_ins_and_is_idempotent(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    first = row_counts()
    call_command("seed_demo", stdout=StringIO())
    assert row_counts() == first

    assert User.objects.filter(email__startswith="learner").count() == 13
    assert User.objects.get(email="admin@example.com").is_superuser
    assert User.objects.get(email="trainer2@example.com").groups.filter(name="Trainers").exists()
    assert EmailAddress.objects.filter(verified=True).count() == User.objects.count()
    assert client.login(email="learner12@example.com", password="ripple-demo")


def test_seed_demo_refuses_to_set_demo_passwords_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DJANGO_DEBUG=1"):
        call_command("seed_demo")
    assert not User.objects.exists()
