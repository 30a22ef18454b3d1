"""Fixtures shared by every test: a clean cache (rate limits), a fresh media folder and the
people of a test world."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests import factories


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_between_tests():
    """LocaleMiddleware leaves a request's language active in the thread; each test starts
    (and leaves) in the default language, so a Spanish request can't leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Production hashing costs half a second per user; tests create hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files and rendered PDFs go to a fresh folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def learner(db):
    return factories.learner(email="lee@example.com", display_name="Lee Learner")


@pytest.fixture
def trainer(db):
    return factories.trainer(email="theo@example.com", display_name="Theo Trainer")


@pytest.fixture
def admin_user(db):
    return factories.admin(email="ada@example.com")


@pytest.fixture(autouse=True)
def migration_made_data(request):
    """Transactional tests end with a flush, which also wipes what the data migrations made
    (the page tree, groups, the Trainer review workflow). Remake it, with the migrations' own
    functions, before a transactional test that finds it missing."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from tests.migration_data import restore_migration_data

    restore_migration_data()
