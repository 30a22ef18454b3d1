"""Migration tests on a copy of the demo: migrate the test database back, write rows as the
old models had them, and forward again."""

from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets):
    """Migrate the test database to `targets`; the models as they were there."""
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def latest():
    """Every app's newest migration."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@contextmanager
def demo_migrated_back_to(targets):
    """The demo (`seed_demo`), then the database at `targets`: yields the models as they were
    there, and always migrates forward again afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.DEBUG", True)
        call_command("seed_demo", stdout=StringIO())
    try:
        yield migrate_to(targets)
    finally:
        migrate_to(latest())
