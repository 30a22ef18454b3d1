"""What a report's pages refuse: another report's form token, appreciating your own report,
scripted bursts of edits and appreciations; and what the report-back view shows the room."""

from html import unescape

import pytest

from cohorts.models import Membership
from reports.models import Appreciation, TeachBackReport
from tests import factories
from tests.reports.test_reports import form_data, world  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

REFUSED = "This form belongs to another report, so nothing was saved."
TYPED = "My careful rewrite of what happened, typed for ten minutes."


def snapshot(report) -> dict:
    report.refresh_from_db()
    return {
        "what_happened": report.what_happened,
        "form_token": report.form_token,
        "updated_at": report.updated_at,
        "status": report.status,
        "modules": list(report.modules.all()),
    }


# A form token of another report ------------------------------------------------------------


@pytest.fixture
def elsewhere(world):  # noqa: F811
    """Reports whose tokens the author's form must not carry: the author's own other report,
    the author's report in a second cohort, and a peer's report."""
    second = factories.cohort(
        course=world["cohort"].course, name="Second cohort", learners=[world["author"]]
    )
    return {
        "own": factories.report(membership=world["membership"], what_happened="Report B"),
        "other cohort": factories.report(
            membership=Membership.objects.get(user=world["author"], cohort=second),
            what_happened="Report in the second cohort",
        ),
        "someone else": factories.report(
            membership=Membership.objects.get(user=world["peer"]),
            what_happened="Pia's report",
        ),
    }


@pytest.mark.parametrize("whose", ["own", "other cohort", "someone else"])
def test_editing_a_report_with_another_reports_token_is_refused_and_changes_neither(
    client, world, elsewhere, whose  # noqa: F811
):
    report = factories.report(membership=world["membership"], what_happened="Report A")
    other = elsewhere[whose]
    before = (snapshot(report), snapshot(other))
    client.force_login(world["author"])
    response = client.post(
        f"/reports/{report.pk}/edit/",
        form_data(world, form_token=str(other.form_token), what_happened=TYPED),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSED in html
    assert TYPED in html
    # The form posts its own report's token next time, so saving again works.
    assert f'value="{report.form_token}"' in html
    assert str(other.form_token) not in html
    assert (snapshot(report), snapshot(other)) == before
    assert TeachBackReport.objects.count() == 4


@pytest.mark.parametrize("whose", ["other cohort", "someone else"])
def test_a_new_report_with_another_reports_token_is_refused_and_nothing_changes(
    client, world, elsewhere, whose  # noqa: F811
):
    other = elsewhere[whose]
    before = snapshot(other)
    client.force_login(world["author"])
    response = client.post(
        f"/cohorts/{world['cohort'].pk}/reports/new/",
        form_data(world, form_token=str(other.form_token), what_happened=TYPED),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSED in html and TYPED in html
    assert str(other.form_token) not in html
    assert snapshot(other) == before
    assert TeachBackReport.objects.count() == 3


def test_after_a_refused_token_saving_the_form_again_saves_the_edit(client, world, elsewhere):  # noqa: F811
    report = factories.report(membership=world["membership"], what_happened="Report A")
    client.force_login(world["author"])
    client.post(
        f"/reports/{report.pk}/edit/",
        form_data(world, form_token=str(elsewhere["own"].form_token), what_happened=TYPED),
    )
    response = client.post(
        f"/reports/{report.pk}/edit/",
        form_data(world, form_token=str(report.form_token), what_happened=TYPED),
    )
    assert response["Location"] == f"/reports/{report.pk}/"
    assert snapshot(report)["what_happened"] == TYPED
    assert snapshot(elsewhere["own"])["what_happened"] == "Report B"


def test_an_edit_posting_a_token_of_no_report_is_saved_and_the_report_keeps_its_token(
    client, world  # noqa: F811
):
    report = factories.report(membership=world["membership"], what_happened="Report A")
    token = report.form_token
    client.force_login(world["author"])
    response = client.post(f"/reports/{report.pk}/edit/", form_data(world, what_happened=TYPED))
    assert response["Location"] == f"/reports/{report.pk}/"
    assert snapshot(report)["what_happened"] == TYPED
    assert report.form_token == token


# Appreciation --------------------------------------------------------------------------------


def appreciate_url(report) -> str:
    return f"/reports/{report.pk}/appreciate/"


def test_authors_see_no_appreciate_button_on_their_own_report_but_peers_do(client, world):  # noqa: F811
    report = factories.report(membership=world["membership"])
    client.force_login(world["author"])
    assert appreciate_url(report) not in client.get(f"/reports/{report.pk}/").content.decode()
    client.force_login(world["peer"])
    assert appreciate_url(report) in client.get(f"/reports/{report.pk}/").content.decode()


def test_an_author_appreciating_their_own_report_is_refused_with_a_message(client, world):  # noqa: F811
    report = factories.report(membership=world["membership"])
    client.force_login(world["author"])
    response = client.post(appreciate_url(report), follow=True)
    assert response.redirect_chain == [(f"/reports/{report.pk}/#appreciate", 302)]
    assert "you can't appreciate your own" in unescape(response.content.decode())
    assert not Appreciation.objects.exists()


def test_appreciation_toggles_are_rate_limited_per_person_and_change_nothing_over_it(
    client, world  # noqa: F811
):
    report = factories.report(membership=world["membership"])
    client.force_login(world["peer"])
    for _ in range(60):
        assert client.post(appreciate_url(report)).status_code == 302
    assert not Appreciation.objects.exists()  # an even number of toggles
    response = client.post(appreciate_url(report))
    assert response.status_code == 429
    assert "You have appreciated reports many times" in response.content.decode()
    assert not Appreciation.objects.exists()
    client.force_login(world["trainer"])  # the limit is per person
    assert client.post(appreciate_url(report)).status_code == 302
    assert Appreciation.objects.filter(user=world["trainer"]).exists()


# Edits --------------------------------------------------------------------------------------


def test_report_edits_are_rate_limited_per_person_with_the_text_kept(client, world):  # noqa: F811
    report = factories.report(membership=world["membership"], what_happened="Report A")
    url = f"/reports/{report.pk}/edit/"
    client.force_login(world["author"])
    for n in range(30):
        data = form_data(world, form_token=str(report.form_token), what_happened=f"Edit {n}")
        assert client.post(url, data).status_code == 302
    response = client.post(
        url, form_data(world, form_token=str(report.form_token), what_happened=TYPED)
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "You have saved reports many times in the last few minutes" in html
    assert TYPED in html
    assert snapshot(report)["what_happened"] == "Edit 29"


# The report-back view -----------------------------------------------------------------------


def report_back(client, world) -> str:  # noqa: F811
    client.force_login(world["trainer"])
    response = client.get(f"/cohorts/{world['cohort'].pk}/report-back/")
    assert response.status_code == 200
    return response.content.decode()


def test_report_back_without_flagged_reports_shows_only_reports_shared_with_the_cohort(
    client, world  # noqa: F811
):
    factories.report(membership=world["membership"], what_happened="Shared story")
    factories.report(
        membership=world["membership"], visibility="trainers", what_happened="Private story"
    )
    html = report_back(client, world)
    assert "Shared story" in html
    assert "Private story" not in html
    assert "report 1 of 1" in html


def test_report_back_never_shows_a_flagged_trainers_only_report(client, world):  # noqa: F811
    private = factories.report(
        membership=world["membership"], visibility="trainers", what_happened="Private story",
        share_at_next_session=True,
    )
    factories.report(
        membership=world["membership"], what_happened="Flagged story", share_at_next_session=True
    )
    html = report_back(client, world)
    assert "Flagged story" in html and "Private story" not in html
    assert "report 1 of 1" in html
    # With only the trainers-only report flagged, nothing private reaches the projector either.
    TeachBackReport.objects.exclude(pk=private.pk).delete()
    html = report_back(client, world)
    assert "Private story" not in html
    assert "No reports shared with the cohort yet" in html


def test_trainers_see_trainers_only_reports_marked_in_the_feed_and_on_the_report(
    client, world  # noqa: F811
):
    private = factories.report(
        membership=world["membership"], visibility="trainers", what_happened="Private story"
    )
    client.force_login(world["trainer"])
    feed = client.get(f"/cohorts/{world['cohort'].pk}/reports/").content.decode()
    assert "Private story" in feed and "Trainers only</span>" in feed
    page = client.get(f"/reports/{private.pk}/").content.decode()
    assert "Trainers only</span>" in page
    assert "the report-back view never shows it" in page


def test_a_report_shared_with_the_cohort_carries_no_trainers_only_mark(client, world):  # noqa: F811
    shared = factories.report(membership=world["membership"], what_happened="Shared story")
    client.force_login(world["trainer"])
    assert "Trainers only" not in client.get(f"/reports/{shared.pk}/").content.decode()
    assert "Trainers only" not in (
        client.get(f"/cohorts/{world['cohort'].pk}/reports/").content.decode()
    )
