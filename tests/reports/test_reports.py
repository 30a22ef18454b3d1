"""Filing, reading and discussing teach-back reports."""

import uuid

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db.models import ProtectedError
from django.utils import timezone

from cohorts.models import Membership, TrainerEmails
from courses.models import ModulePage
from reports.models import Appreciation, Comment, Status, TeachBackReport
from tests import factories
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    world = factories.report_world()
    outsider = factories.learner(email="out@example.com", display_name="Oscar Outsider")
    factories.cohort(course=world["course"], name="Other cohort", learners=[outsider])
    return {
        **world,
        "outsider": outsider,
        "membership": Membership.objects.get(user=world["author"]),
        "module": world["modules"][0],
    }


def form_data(world, **overrides):
    data = {
        "form_token": str(uuid.uuid4()),
        "taught_on": "2026-09-20",
        "setting": "neighbours",
        "language": "en",
        "audience_size": "5",
        "audience_description": "five neighbours at the street clean-up",
        "modules": [world["module"].pk],
        "principles": [world["principle"].pk],
        "title": "Quiet helpers on our street",
        "what_happened": "We named the quiet helpers on our street.",
        "what_resonated": "Thanking people by name.",
        "what_was_hard": "",
        "what_i_learned": "Ask, don't lecture.",
        "visibility": "cohort",
        "action": "submit",
    }
    return {**data, **overrides}


def new_url(world):
    return f"/cohorts/{world['cohort'].pk}/reports/new/"


def test_a_learner_submits_a_report_and_a_peer_reads_it_in_the_feed(client, world):
    client.force_login(world["author"])
    response = client.post(new_url(world), form_data(world))
    report = TeachBackReport.objects.get()
    assert response["Location"] == f"/reports/{report.pk}/"
    assert report.status == Status.SUBMITTED and report.submitted_at
    assert list(report.modules.all()) == [world["module"]]

    client.force_login(world["peer"])
    html = client.get(f"/cohorts/{world['cohort'].pk}/reports/").content.decode()
    assert "Ali Author" in html
    assert "5 people reached" in html
    assert "We named the quiet helpers" in html
    assert "Compassion" in html


def test_a_draft_is_private_until_submitted(client, world):
    client.force_login(world["author"])
    client.post(new_url(world), form_data(world, action="draft"))
    report = TeachBackReport.objects.get()
    assert report.status == Status.DRAFT
    assert "Your drafts" in client.get(f"/cohorts/{world['cohort'].pk}/reports/").content.decode()

    client.force_login(world["peer"])
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert (
        "Ali Author" not in client.get(f"/cohorts/{world['cohort'].pk}/reports/").content.decode()
    )

    client.force_login(world["author"])
    client.post(f"/reports/{report.pk}/edit/", form_data(world, form_token=str(report.form_token)))
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    client.force_login(world["peer"])
    assert client.get(f"/reports/{report.pk}/").status_code == 200


def test_the_same_form_posted_twice_makes_one_report(client, world):
    client.force_login(world["author"])
    data = form_data(world)
    client.post(new_url(world), data)
    client.post(new_url(world), {**data, "what_happened": "Retried after a timeout."})
    report = TeachBackReport.objects.get()
    assert report.what_happened == "Retried after a timeout."


def test_the_author_edits_and_deletes_their_report_but_nobody_else_can(client, world):
    report = factories.report(membership=world["membership"])
    client.force_login(world["peer"])
    assert client.get(f"/reports/{report.pk}/edit/").status_code == 403
    assert client.post(f"/reports/{report.pk}/delete/").status_code == 403
    client.force_login(world["author"])
    response = client.post(f"/reports/{report.pk}/delete/")
    assert response.status_code == 302
    assert not TeachBackReport.objects.exists()


def test_a_trainers_only_report_is_hidden_from_peers(client, world):
    report = factories.report(membership=world["membership"], visibility="trainers")
    client.force_login(world["peer"])
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    client.force_login(world["trainer"])
    assert client.get(f"/reports/{report.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"audience_size": "0"}, "Count at least one person"),
        ({"audience_size": "-3"}, "Count at least one person"),
        ({"audience_size": "10001"}, "file one report per session"),
        ({"audience_size": "lots"}, "Enter a whole number"),
        ({"taught_on": "2099-01-01"}, "That date is in the future"),
        ({"taught_on": "2026-08-01"}, "Your cohort began on 1 Sep 2026"),
        ({"what_happened": "x" * 5001}, "at most 5000 characters"),
        ({"setting": "moon"}, "Select a valid choice"),
    ],
)
def test_bad_input_shows_the_form_again_with_the_message_and_saves_nothing(
    client, world, overrides, field_message
):
    client.force_login(world["author"])
    response = client.post(new_url(world), form_data(world, **overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert field_message in html
    assert "We named the quiet helpers on our street." in html or "x" * 5001 in html
    assert not TeachBackReport.objects.exists()


def test_a_module_or_principle_from_another_course_is_refused(client, world):
    other = factories.course(modules=1, slug="other-course")
    foreign_module = ModulePage.objects.child_of(other).get()
    foreign_principle = factories.principle(slug="other", name="Other principle")
    client.force_login(world["author"])
    for overrides in ({"modules": [foreign_module.pk]}, {"principles": [foreign_principle.pk]}):
        response = client.post(new_url(world), form_data(world, **overrides))
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
    assert not TeachBackReport.objects.exists()


def test_posting_a_report_to_a_cohort_you_are_not_in_is_refused(client, world):
    client.force_login(world["outsider"])
    assert client.post(new_url(world), form_data(world)).status_code == 403
    assert not TeachBackReport.objects.exists()


def test_html_and_script_are_shown_escaped_in_the_feed_report_and_emails(
    client, world, django_capture_on_commit_callbacks
):
    script = "<script>alert('x')</script><b>bold</b>"
    client.force_login(world["author"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            new_url(world), form_data(world, what_happened=script, audience_description=script)
        )
    report = TeachBackReport.objects.get()
    for url in (f"/cohorts/{world['cohort'].pk}/reports/", f"/reports/{report.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    html_email = mail.outbox[-1].alternatives[0][0]
    assert "<script>alert" not in html_email


def test_comments_post_edit_delete_and_trainers_hide(client, world):
    report = factories.report(membership=world["membership"])
    url = f"/reports/{report.pk}/"
    client.force_login(world["peer"])
    client.post(f"{url}comments/", {"body": "Lovely idea!"})
    comment = Comment.objects.get()
    assert "Lovely idea!" in client.get(url).content.decode()

    client.post(f"/comments/{comment.pk}/edit/", {"body": "Lovely idea, thanks!"})
    comment.refresh_from_db()
    assert comment.body == "Lovely idea, thanks!" and comment.edited_at

    client.force_login(world["author"])
    assert client.post(f"/comments/{comment.pk}/edit/", {"body": "hijack"}).status_code == 403
    assert client.post(f"/comments/{comment.pk}/hide/").status_code == 403

    client.force_login(world["trainer"])
    client.post(f"/comments/{comment.pk}/hide/")
    client.force_login(world["author"])
    html = client.get(url).content.decode()
    assert "A trainer hid this comment." in html
    assert "Lovely idea, thanks!" not in html

    client.force_login(world["peer"])
    client.post(f"/comments/{comment.pk}/delete/")
    assert not Comment.objects.exists()


def test_commenting_on_a_report_you_cannot_see_is_404_and_saves_nothing(client, world):
    report = factories.report(membership=world["membership"])
    client.force_login(world["outsider"])
    assert client.post(f"/reports/{report.pk}/comments/", {"body": "Hi"}).status_code == 404
    assert not Comment.objects.exists()


def test_an_overlong_comment_is_refused_with_the_text_kept(client, world):
    report = factories.report(membership=world["membership"])
    client.force_login(world["peer"])
    body = "y" * 2001
    response = client.post(f"/reports/{report.pk}/comments/", {"body": body})
    assert response.status_code == 400
    assert "Keep comments under 2,000 characters." in response.content.decode()
    assert body in response.content.decode()
    assert not Comment.objects.exists()


def test_appreciation_is_a_post_toggle_one_per_person(client, world):
    report = factories.report(membership=world["membership"])
    client.force_login(world["peer"])
    assert client.get(f"/reports/{report.pk}/appreciate/").status_code == 405
    client.post(f"/reports/{report.pk}/appreciate/")
    assert Appreciation.objects.filter(report=report).count() == 1
    assert "1 person appreciates this" in client.get(f"/reports/{report.pk}/").content.decode()
    client.post(f"/reports/{report.pk}/appreciate/")
    assert not Appreciation.objects.exists()


def test_emails_go_out_after_commit_to_the_author_and_trainers(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["author"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(new_url(world), form_data(world))
    assert mail.outbox == []  # nothing is sent inside the request's transaction
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["tara@example.com"]]
    assert "/accounts/unsubscribe/" in mail.outbox[0].body
    report = TeachBackReport.objects.get()

    client.force_login(world["peer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/comments/", {"body": "Inspiring!"})
    assert mail.outbox[-1].to == ["ali@example.com"]
    assert "Pia Peer commented" in mail.outbox[-1].subject

    client.force_login(world["trainer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/reports/{report.pk}/feedback/",
            {"trainer_feedback": "Wonderful.", "share_at_next_session": "on"},
        )
    report.refresh_from_db()
    assert report.share_at_next_session
    assert "gave feedback" in mail.outbox[-1].subject
    assert mail.outbox[-1].alternatives[0][1] == "text/html"


def test_unsubscribing_stops_reply_emails(client, world, django_capture_on_commit_callbacks):
    import re

    report = factories.report(membership=world["membership"])
    client.force_login(world["peer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/comments/", {"body": "First!"})
    link = re.search(r"(/accounts/unsubscribe/\S+/)", mail.outbox[-1].body).group(1)
    client.logout()
    assert "Stop emails about comments" in client.get(link).content.decode()
    client.post(link)
    client.force_login(world["peer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/comments/", {"body": "Second!"})
    assert len(mail.outbox) == 1


def test_a_daily_digest_cohort_gets_one_digest_instead_of_an_email_per_report(
    client, world, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    world["cohort"].trainer_emails = TrainerEmails.DAILY_DIGEST
    world["cohort"].save()
    client.force_login(world["author"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new_url(world), form_data(world))
        client.post(new_url(world), form_data(world, what_happened="Second"))
    assert mail.outbox == []
    call_command("send_report_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert "2 new teach-back reports" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["tara@example.com"]


def test_reports_and_comments_are_rate_limited_with_a_clear_message(client, world, settings):
    client.force_login(world["author"])
    for _ in range(30):
        client.post(new_url(world), form_data(world, audience_size="0"))
    response = client.post(new_url(world), form_data(world))
    assert response.status_code == 429
    assert "You have posted a lot in the last hour" in response.content.decode()
    assert not TeachBackReport.objects.exists()


def test_the_report_back_view_is_for_trainers_one_report_per_screen(client, world):
    first = factories.report(membership=world["membership"], what_happened="First story")
    factories.report(membership=world["membership"], what_happened="Second story")
    first.share_at_next_session = True
    first.save()
    url = f"/cohorts/{world['cohort'].pk}/report-back/"
    client.force_login(world["peer"])
    assert client.get(url).status_code == 403
    client.force_login(world["trainer"])
    html = client.get(url).content.decode()
    assert "First story" in html and "Second story" not in html
    assert "report 1 of 1" in html


def test_feed_and_report_pages_keep_their_query_count_with_5000_reports(client, world):
    client.force_login(world["peer"])
    first = factories.report(membership=world["membership"])
    feed = f"/cohorts/{world['cohort'].pk}/reports/"
    small = (queries_for(client, feed), queries_for(client, f"/reports/{first.pk}/"))
    TeachBackReport.objects.bulk_create(
        TeachBackReport(
            author=world["membership"],
            form_token=uuid.uuid4(),
            taught_on="2026-09-15",
            setting="home",
            audience_size=2,
            what_happened=f"Story {n}",
            status=Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
        for n in range(5000)
    )
    Comment.objects.bulk_create(
        Comment(report=first, author=world["peer"], body=f"Comment {n}") for n in range(3)
    )
    large = (queries_for(client, feed), queries_for(client, f"/reports/{first.pk}/"))
    assert small == large


# Former members and unconfirmed addresses --------------------------------------------------


def _end(membership, by):
    Membership.objects.filter(pk=membership.pk).update(ended_at=timezone.now(), ended_by=by)


def test_a_removed_author_can_no_longer_open_edit_or_delete_their_report(client, world):
    report = factories.report(membership=world["membership"])
    draft = factories.report(membership=world["membership"], status="draft")
    _end(world["membership"], world["trainer"])
    client.force_login(world["author"])
    for path in (f"/reports/{report.pk}/", f"/reports/{report.pk}/edit/",
                 f"/reports/{draft.pk}/", f"/cohorts/{world['cohort'].pk}/reports/"):
        assert client.get(path).status_code == 404
    client.post(f"/reports/{report.pk}/delete/")
    assert TeachBackReport.objects.filter(author=world["membership"]).count() == 2
    assert client.post(new_url(world), form_data(world)).status_code == 403
    assert TeachBackReport.objects.filter(author=world["membership"]).count() == 2


def test_a_removed_trainer_no_longer_moderates_or_sees_trainers_only_reports(client, world):
    hidden = factories.report(membership=world["membership"], visibility="trainers")
    trainer = Membership.objects.get(user=world["trainer"])
    _end(trainer, world["trainer"])
    client.force_login(world["trainer"])
    assert client.get(f"/reports/{hidden.pk}/").status_code == 404
    assert client.get(f"/cohorts/{world['cohort'].pk}/impact/").status_code == 404


def test_the_peers_feed_and_report_mark_a_former_members_report_and_keep_it(client, world):
    report = factories.report(membership=world["membership"], what_happened="Still here.")
    _end(world["membership"], world["trainer"])
    client.force_login(world["peer"])
    feed = client.get(f"/cohorts/{world['cohort'].pk}/reports/").content.decode()
    assert "Still here." in feed and "By a former member" in feed
    assert "By a former member" in client.get(f"/reports/{report.pk}/").content.decode()
    home = client.get("/my/").content.decode()
    assert "Ali Author" in home  # their report is among the peer reports on the learner home


def test_a_membership_with_reports_cannot_be_deleted_by_accident(world):
    factories.report(membership=world["membership"])
    with pytest.raises(ProtectedError):
        world["membership"].delete()
    assert TeachBackReport.objects.filter(author=world["membership"]).count() == 1


def test_a_member_whose_address_is_unconfirmed_has_no_report_rights(client, world):
    report = factories.report(membership=world["membership"])
    own = factories.report(membership=Membership.objects.get(user=world["peer"]))
    EmailAddress.objects.filter(user=world["peer"]).update(verified=False)
    client.force_login(world["peer"])
    assert client.get(f"/cohorts/{world['cohort'].pk}/reports/").status_code == 404
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert client.get(f"/reports/{own.pk}/").status_code == 404
    assert client.get(new_url(world)).status_code == 403
    assert client.post(f"/reports/{report.pk}/comments/", {"body": "Hi"}).status_code == 404
    assert not Comment.objects.filter(author=world["peer"]).exists()
    assert "Ali Author" not in client.get("/my/").content.decode()


def test_removed_trainers_and_authors_get_no_more_emails_about_the_cohort(
    client, world, django_capture_on_commit_callbacks
):
    second = factories.trainer(email="sam@example.com", display_name="Sam Second")
    Membership.objects.create(cohort=world["cohort"], user=second, role="trainer")
    report = factories.report(membership=world["membership"])
    _end(Membership.objects.get(user=world["trainer"]), second)
    client.force_login(world["peer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new_url(world), form_data(world))
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]

    _end(world["membership"], second)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/comments/", {"body": "Lovely."})
    assert Comment.objects.filter(report=report).count() == 1
    assert [m.to for m in mail.outbox] == [["sam@example.com"]]


def test_the_users_admin_refuses_to_delete_an_account_that_wrote_reports(client, world):
    factories.report(membership=world["membership"])
    client.force_login(factories.admin(email="ada@example.com"))
    url = f"/admin/users/delete/{world['author'].pk}/"
    response = client.post(url, follow=True)
    assert "wrote 1 teach-back report" in response.content.decode()
    assert TeachBackReport.objects.filter(author=world["membership"]).count() == 1
    assert Membership.objects.filter(pk=world["membership"].pk).exists()
    client.post(f"/admin/users/delete/{world['outsider'].pk}/")
    assert not type(world["outsider"]).objects.filter(pk=world["outsider"].pk).exists()
