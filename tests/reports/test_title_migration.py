"""Reports gain an optional title (reports 0003) on a copy of the demo: every report keeps what
its author wrote, and the ones from before read as what their author taught."""


import pytest

from reports.models import TeachBackReport
from tests.migrating import demo_migrated_back_to, latest, migrate_to

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("reports", "0002_report_author_protected")]
KEPT = ["id", "author_id", "form_token", "taught_on", "setting", "audience_size",
        "audience_description", "what_happened", "status", "submitted_at"]


@pytest.fixture
def demo_before_titles():
    """The demo, then the database as it was before titles; always forward again after."""
    with demo_migrated_back_to(BEFORE) as old_apps:
        yield old_apps


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
