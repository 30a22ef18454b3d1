"""Fixtures shared by the course and book tests."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo, seeded once for the test module that asks (rolled back after it)."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True, PASSWORD_HASHERS=fast):  # seed_demo refuses otherwise
            call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)
