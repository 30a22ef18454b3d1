"""Reports gain an optional title (reports 0003) on a copy of the demo: every report keeps what
its author wrote, and the ones from before read as what their author taught."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reports.models import TeachBackReport

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("reports", "0002_report_author_protected")]
KEPT = ["id", "author_id", "form_token", "taught_on", "setting", "audience_size",
        "audience_description", "what_happened", "status", "submitted_at"]


def migrate_to(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def demo_before_titles():
    """The demo, then the database as it was before titles; always forward again after."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.DEBUG", True)
        call_command("seed_demo", stdout=StringIO())
    yield migrate_to(BEFORE)
    migrate_to(latest())


def test_demo_reports_keep_every_value_and_read_as_what_their_author_taught(demo_before_titles):
    old = demo_before_titles.get_model("reports", "TeachBackReport")
    before = sorted(old.objects.values_list(*KEPT))
    assert len(before) >= 30

    migrate_to(latest())

    assert sorted(TeachBackReport.objects.values_list(*KEPT)) == before
    reports = list(TeachBackReport.objects.all())
    assert all(report.title == "" for report in reports)
    titles = {report.shown_title for report in reports}
    assert "Taught my two teenagers over Sunday dinner" in titles
    assert "Taught five neighbours at our street's autumn clean-up" in titles
    assert all(title.startswith("Taught ") and len(title) <= 120 for title in titles)


def test_undoing_the_migration_keeps_the_reports_and_drops_only_titles(demo_before_titles):
    migrate_to(latest())
    TeachBackReport.objects.filter(setting="home").update(title="Sunday dinner helpers")
    again = migrate_to(BEFORE).get_model("reports", "TeachBackReport")
    assert again.objects.count() == TeachBackReport.objects.count()
    migrate_to(latest())
    assert not TeachBackReport.objects.exclude(title="").exists()
