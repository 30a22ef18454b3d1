"""Fixtures shared by every test: a clean cache (rate limits) and the people of a test world."""

import pytest
from django.core.cache import cache

from tests import factories


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def learner(db):
    return factories.learner(email="lee@example.com", display_name="Lee Learner")


@pytest.fixture
def trainer(db):
    return factories.trainer(email="theo@example.com", display_name="Theo Trainer")


@pytest.fixture
def admin_user(db):
    return factories.admin(email="ada@example.com")
