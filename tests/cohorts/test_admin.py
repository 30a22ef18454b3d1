"""Trainers run their cohorts in the Wagtail admin; admins run all of them."""

import html
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone
from django.utils.html import strip_tags

from cohorts.models import Cohort, Membership, Role
from reports.models import Comment, TeachBackReport
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = factories.course(modules=2)
    mine = factories.trainer(email="mine@example.com", display_name="Mina Trainer")
    other = factories.trainer(email="other@example.com")
    return {
        "course": course,
        "mine": mine,
        "other": other,
        "my_cohort": factories.cohort(course=course, name="Mine", trainers=[mine]),
        "their_cohort": factories.cohort(course=course, name="Theirs", trainers=[other]),
    }


def test_a_trainer_lists_only_the_cohorts_they_train(client, world):
    client.force_login(world["mine"])
    html = client.get("/admin/cohorts/").content.decode()
    assert "Mine" in html
    assert "Theirs" not in html


def test_an_admin_lists_every_cohort(client, world, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/cohorts/").content.decode()
    assert "Mine" in html and "Theirs" in html


def test_a_trainer_cannot_open_or_change_another_trainers_cohort(client, world):
    client.force_login(world["mine"])
    theirs = world["their_cohort"]
    for url in (f"/admin/cohorts/edit/{theirs.pk}/", f"/admin/cohorts/members/{theirs.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
    code = theirs.join_code
    client.post(f"/admin/cohorts/members/{theirs.pk}/rotate/")
    assert Cohort.objects.get(pk=theirs.pk).join_code == code


def test_a_trainer_creates_a_cohort_and_becomes_its_trainer(client, world):
    client.force_login(world["mine"])
    organisation = world["my_cohort"].organisation
    response = client.post(
        "/admin/cohorts/new/",
        {
            "name": "Winter cohort",
            "course": world["course"].pk,
            "organisation": organisation.pk,
            "starts_on": "2026-12-01",
            "ends_on": "2027-01-31",
            "seat_limit": "20",
            "teach_back_instructions": "Teach one principle at home.",
            "teach_back_due_on": "2027-01-15",
            "default_language": "es",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    cohort = Cohort.objects.get(name="Winter cohort")
    assert cohort.default_language == "es"
    assert Membership.objects.get(cohort=cohort, user=world["mine"]).role == Role.TRAINER
    assert len(cohort.join_code) == 10


def test_a_cohort_that_ends_before_it_starts_is_refused_with_a_message(client, world):
    client.force_login(world["mine"])
    response = client.post(
        "/admin/cohorts/new/",
        {
            "name": "Backwards",
            "course": world["course"].pk,
            "organisation": world["my_cohort"].organisation.pk,
            "starts_on": "2026-12-01",
            "ends_on": "2026-11-01",
        },
    )
    assert response.status_code == 200
    assert not Cohort.objects.filter(name="Backwards").exists()


def test_rotating_the_code_shows_the_new_link(client, world):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    response = client.post(f"/admin/cohorts/members/{cohort.pk}/rotate/", follow=True)
    cohort.refresh_from_db()
    assert cohort.join_path in response.content.decode()
    assert "The old link no longer works" in response.content.decode()


def members_url(cohort, action=""):
    return f"/admin/cohorts/members/{cohort.pk}/" + (f"{action}/" if action else "")


def test_trainers_add_members_and_change_their_roles(client, world, learner):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    response = client.post(
        members_url(cohort, "add"), {"add-email": learner.email.upper(), "add-role": "learner"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(cohort=cohort, user=learner)
    assert membership.role == Role.LEARNER

    client.post(members_url(cohort, "role"), {"membership": membership.pk, "role": "trainer"})
    membership.refresh_from_db()
    assert membership.role == Role.TRAINER


def test_adding_an_unknown_email_explains_and_changes_nothing(client, world):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    response = client.post(
        members_url(cohort, "add"), {"add-email": "nobody@example.com", "add-role": "learner"}
    )
    assert response.status_code == 400
    assert "Nobody has an account with this email" in response.content.decode()
    assert cohort.memberships.count() == 1


def test_bulk_invite_emails_each_address_the_link_after_commit(
    client, world, django_capture_on_commit_callbacks
):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            members_url(cohort, "invite"),
            {"invite-emails": "ana@example.com, ben@example.com\nANA@example.com"},
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.com", "ben@example.com"]
    message = mail.outbox[0]
    assert cohort.join_path in message.body
    assert "Mina Trainer invites you" in message.subject
    assert cohort.join_path in message.alternatives[0][0]


def test_a_bad_address_in_a_bulk_invite_sends_nothing_and_says_which(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["mine"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            members_url(world["my_cohort"], "invite"),
            {"invite-emails": "ok@example.com not-an-email"},
        )
    assert response.status_code == 400
    assert "not-an-email" in response.content.decode()
    assert mail.outbox == []


# Removing a member ends the membership; their work stays ---------------------------------


@pytest.fixture
def taught(world, learner):
    """Lee, a learner of Mina's cohort, filed two reports and a draft; a peer and Lee comment."""
    cohort = world["my_cohort"]
    peer = factories.learner(email="pia@example.com", display_name="Pia Peer")
    lee = Membership.objects.create(cohort=cohort, user=learner, role=Role.LEARNER)
    Membership.objects.create(cohort=cohort, user=peer, role=Role.LEARNER)
    first = factories.report(membership=lee, audience_size=4, setting="home")
    second = factories.report(membership=lee, audience_size=25, setting="school")
    factories.report(membership=lee, status="draft")
    Comment.objects.create(report=first, author=peer, body="Lovely idea.")
    Comment.objects.create(report=second, author=world["mine"], body="Well done.")
    Comment.objects.create(report=first, author=learner, body="Thank you both!")
    return {
        "cohort": cohort, "lee": lee, "learner": learner, "peer": peer, "reports": [first, second]
    }


BIG_NUMBER = re.compile(
    r'impact-figure__number">(\d+)(?: <span class="impact-figure__of">of (\d+))?'
)


def _big_numbers(page) -> list[str]:
    """Learners who taught, of how many, people reached, reports (“1 of 2” gives "1", "2")."""
    return [n for pair in BIG_NUMBER.findall(page) for n in pair if n][:4]


def _settings_rows(page) -> str:
    return page[page.index("All settings") - 2000 : page.index("All settings") + 200]


def _figures(client, cohort):
    impact = client.get(f"/cohorts/{cohort.pk}/impact/").content.decode()
    csv_text = b"".join(client.get(f"/cohorts/{cohort.pk}/reports.csv").streaming_content)
    return impact, csv_text.decode()


def test_removing_asks_first_then_ends_the_membership_and_keeps_every_report_and_comment(
    client, world, taught, django_capture_on_commit_callbacks
):
    cohort, lee, learner = taught["cohort"], taught["lee"], taught["learner"]
    client.force_login(world["mine"])
    impact_before, csv_before = _figures(client, cohort)
    assert "Lee Learner" in csv_before

    confirm = client.get(members_url(cohort, "remove"), {"membership": lee.pk})
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Lee Learner's 2 teach-back reports and 1 comment stay in the cohort's feed" in page
    assert "progress and private reflections stay theirs" in page
    assert "can add them back later" in page
    assert Membership.objects.get(pk=lee.pk).ended_at is None  # asking changed nothing

    response = client.post(members_url(cohort, "remove"), {"membership": lee.pk})
    assert response.status_code == 302
    assert TeachBackReport.objects.filter(author=lee).count() == 3
    assert Comment.objects.filter(report__author=lee).count() == 3
    lee.refresh_from_db()
    assert lee.ended_at is not None and lee.ended_by == world["mine"]
    impact_after, csv_after = _figures(client, cohort)
    assert csv_after == csv_before
    # Reports filed and people reached stay, and so does every setting's row; the share who
    # taught is of current learners: Lee taught, Pia (the one learner left) has not.
    assert _big_numbers(impact_before) == ["1", "2", "29", "2"]
    assert _big_numbers(impact_after) == ["0", "1", "29", "2"]
    assert _settings_rows(impact_after) == _settings_rows(impact_before)
    assert "<tr><th scope=\"row\">School</th><td class=\"num\">1</td>" in impact_after

    members = client.get(members_url(cohort)).content.decode()
    assert "Former members (1)" in members and "Mina Trainer" in members

    client.force_login(learner)
    assert client.get(f"/cohorts/{cohort.pk}/").status_code == 404
    assert client.get(f"/cohorts/{cohort.pk}/reports/").status_code == 404
    assert client.get(f"/reports/{taught['reports'][0].pk}/").status_code == 404
    assert client.get(f"/cohorts/{cohort.pk}/reports/new/").status_code == 403
    refused = client.post(cohort.join_path)
    assert refused.status_code == 409
    assert "A trainer removed you from this cohort. Ask them to add you back." in (
        refused.content.decode()
    )
    assert "A trainer removed you" in client.get(cohort.join_path).content.decode()
    assert Membership.objects.get(pk=lee.pk).ended_at is not None

    client.force_login(taught["peer"])
    feed = client.get(f"/cohorts/{cohort.pk}/reports/").content.decode()
    assert feed.count("By a former member") == 2


def test_adding_a_removed_person_back_reactivates_the_same_membership(client, world, taught):
    cohort, lee = taught["cohort"], taught["lee"]
    client.force_login(world["mine"])
    client.post(members_url(cohort, "remove"), {"membership": lee.pk})
    client.post(members_url(cohort, "add"), {"add-email": "lee@example.com", "add-role": "learner"})
    again = Membership.objects.get(cohort=cohort, user=taught["learner"])
    assert again.pk == lee.pk
    assert again.ended_at is None and again.ended_by is None
    client.force_login(taught["learner"])
    assert client.get(f"/reports/{taught['reports'][0].pk}/").status_code == 200


def test_the_roster_and_seat_count_leave_out_former_members(client, world, taught):
    cohort, lee = taught["cohort"], taught["lee"]
    Cohort.objects.filter(pk=cohort.pk).update(seat_limit=2)
    client.force_login(world["mine"])
    client.post(members_url(cohort, "remove"), {"membership": lee.pk}, follow=True)
    roster = b"".join(client.get(f"/cohorts/{cohort.pk}/export.csv").streaming_content)
    assert b"lee@example.com" not in roster and b"pia@example.com" in roster
    assert "Lee Learner" not in client.get(f"/cohorts/{cohort.pk}/").content.decode()
    newcomer = factories.learner(email="nia@example.com")
    client.force_login(newcomer)
    assert client.post(cohort.join_path).status_code == 302  # Lee's seat is free again
    assert Membership.objects.current().filter(cohort=cohort, role=Role.LEARNER).count() == 2


@pytest.mark.parametrize("bad", ["abc", "", "other-cohort", "ended", "9999999"])
def test_a_bad_membership_id_gets_a_clear_message_and_changes_nothing(client, world, taught, bad):
    cohort = taught["cohort"]
    elsewhere = Membership.objects.get(cohort=world["their_cohort"])
    ended = taught["lee"]
    Membership.objects.filter(pk=ended.pk).update(ended_at=timezone.now())
    value = {"other-cohort": elsewhere.pk, "ended": ended.pk}.get(bad, bad)
    before = list(Membership.objects.values_list("pk", "role", "ended_at").order_by("pk"))
    client.force_login(world["mine"])
    for action, data in (
        ("remove", {"membership": value}),
        ("role", {"membership": value, "role": "trainer"}),
    ):
        response = client.post(members_url(cohort, action), data, follow=True)
        assert response.status_code == 200
        assert "not a current member of this cohort" in response.content.decode()
    confirm = client.get(members_url(cohort, "remove"), {"membership": value}, follow=True)
    assert "not a current member of this cohort" in confirm.content.decode()
    assert list(Membership.objects.values_list("pk", "role", "ended_at").order_by("pk")) == before


def test_the_old_all_in_one_post_to_the_members_page_is_refused_without_a_500(
    client, world, taught
):
    client.force_login(world["mine"])
    response = client.post(
        members_url(taught["cohort"]), {"action": "remove", "membership": "abc"}
    )
    assert response.status_code == 405
    assert Membership.objects.current().filter(cohort=taught["cohort"]).count() == 3


def test_the_only_trainer_cannot_be_removed_or_made_a_learner(client, world):
    cohort = world["my_cohort"]
    mine = Membership.objects.get(cohort=cohort, user=world["mine"])
    client.force_login(world["mine"])
    for action, data in (("remove", {}), ("role", {"role": "learner"})):
        response = client.post(
            members_url(cohort, action), {"membership": mine.pk, **data}, follow=True
        )
        assert "the cohort&#x27;s only trainer" in response.content.decode()
    mine.refresh_from_db()
    assert mine.is_current and mine.role == Role.TRAINER


def delete_warning(client, cohort) -> str:
    """The words of the warning on the cohort's delete page (empty when it may be deleted)."""
    page = client.get(f"/admin/cohorts/delete/{cohort.pk}/").content.decode()
    warning = re.search(r'<div class="help-block help-warning" role="alert">(.*?)</div>',
                        page, re.S)
    return " ".join(html.unescape(strip_tags(warning.group(1))).split()) if warning else ""


def test_a_cohort_with_reports_cannot_be_deleted_and_the_page_says_archive_it(
    client, world, taught
):
    cohort = taught["cohort"]
    client.force_login(world["mine"])
    assert delete_warning(client, cohort) == (
        "Mine cannot be deleted: it holds its members' work. "
        "3 teach-back reports 3 comments on its reports "
        "Archive it instead: edit the cohort and tick “Archived”. It then takes no new members "
        "and leaves learner homes, and its reports and figures stay."
    )
    page = client.get(f"/admin/cohorts/delete/{cohort.pk}/").content.decode()
    assert "Yes, delete" not in page
    response = client.post(f"/admin/cohorts/delete/{cohort.pk}/")
    assert response.status_code == 302
    assert Cohort.objects.filter(pk=cohort.pk).exists()
    assert TeachBackReport.objects.filter(author__cohort=cohort).count() == 3


def test_a_cohort_without_work_may_still_be_deleted(client, world):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    assert "Yes, delete" in client.get(f"/admin/cohorts/delete/{cohort.pk}/").content.decode()
    client.post(f"/admin/cohorts/delete/{cohort.pk}/")
    assert not Cohort.objects.filter(pk=cohort.pk).exists()


def test_the_members_page_runs_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    client.get(members_url(cohort))
    for n in range(10):
        person = factories.learner(email=f"l{n}@example.com")
        Membership.objects.create(cohort=cohort, user=person, role=Role.LEARNER)
        if n % 2:
            Membership.objects.filter(user=person).update(
                ended_at=timezone.now(), ended_by=world["mine"]
            )
    with django_assert_max_num_queries(25):
        assert client.get(members_url(cohort)).status_code == 200


# Only confirmed addresses get cohort rights ----------------------------------------------


@pytest.fixture
def unconfirmed(db):
    person = factories.learner(email="new.hire@example.com", display_name="New Hire")
    EmailAddress.objects.filter(user=person).update(verified=False)
    return person


@pytest.mark.parametrize("role", ["learner", "trainer"])
def test_a_person_with_an_unconfirmed_address_is_not_added_and_is_offered_an_invitation(
    client, world, unconfirmed, role
):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    response = client.post(
        members_url(cohort, "add"), {"add-email": "new.hire@example.com", "add-role": role}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "has not confirmed this email address yet" in page
    assert "Send them an invitation below instead" in page
    assert "new.hire@example.com</textarea>" in page  # the invite form, filled in
    assert not Membership.objects.filter(user=unconfirmed).exists()


def test_a_member_whose_address_is_unconfirmed_cannot_be_made_a_trainer(
    client, world, unconfirmed
):
    cohort = world["my_cohort"]
    membership = Membership.objects.create(cohort=cohort, user=unconfirmed, role=Role.LEARNER)
    client.force_login(world["mine"])
    response = client.post(
        members_url(cohort, "role"), {"membership": membership.pk, "role": "trainer"}, follow=True
    )
    assert "has not confirmed their email address yet" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.LEARNER


def test_an_unconfirmed_trainer_has_no_rights_in_their_cohort(client, world):
    EmailAddress.objects.filter(user=world["mine"]).update(verified=False)
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    assert client.get(members_url(cohort)).status_code in (302, 403)
    assert client.get(f"/cohorts/{cohort.pk}/").status_code == 404
    assert client.get(f"/cohorts/{cohort.pk}/export.csv").status_code == 404
    code = cohort.join_code
    client.post(members_url(cohort, "rotate"))
    assert Cohort.objects.get(pk=cohort.pk).join_code == code


# Invitations are limited ------------------------------------------------------------------


def test_one_form_sends_at_most_50_invitations(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["mine"])
    emails = " ".join(f"p{n}@example.com" for n in range(51))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(members_url(world["my_cohort"], "invite"), {"invite-emails": emails})
    assert response.status_code == 400
    assert "send at most 50 at a time" in response.content.decode()
    assert mail.outbox == []


def test_a_trainer_sends_at_most_200_invitations_a_day_and_is_told_how_many_are_left(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["mine"])
    url = members_url(world["my_cohort"], "invite")
    with django_capture_on_commit_callbacks(execute=True):
        for batch in range(4):
            emails = " ".join(f"b{batch}p{n}@example.com" for n in range(45))
            assert client.post(url, {"invite-emails": emails}).status_code == 302
    assert len(mail.outbox) == 180
    with django_capture_on_commit_callbacks(execute=True):
        emails = " ".join(f"late{n}@example.com" for n in range(21))
        response = client.post(url, {"invite-emails": emails})
    assert response.status_code == 400
    assert "have 20 left today" in response.content.decode()
    assert len(mail.outbox) == 180
    with django_capture_on_commit_callbacks(execute=True):
        emails = " ".join(f"last{n}@example.com" for n in range(20))
        assert client.post(url, {"invite-emails": emails}).status_code == 302
    assert len(mail.outbox) == 200
    # Another trainer has their own allowance.
    client.force_login(world["other"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            members_url(world["their_cohort"], "invite"), {"invite-emails": "x@example.com"}
        )
    assert len(mail.outbox) == 201


def test_learners_have_no_cohorts_admin(client, world, learner):
    client.force_login(learner)
    response = client.get("/admin/cohorts/")
    assert response.status_code == 403
    assert "The admin area is for trainers" in response.content.decode()


# Cohorts only in the trainer's own organisations ------------------------------------------------


def cohort_form_data(world, organisation) -> dict:
    return {
        "name": "Winter cohort",
        "course": world["course"].pk,
        "organisation": organisation.pk,
        "starts_on": "2026-12-01",
        "default_language": "en",
    }


def test_the_new_cohort_form_lists_only_the_trainers_organisations(client, world):
    from cohorts.models import Organisation

    Organisation.objects.create(name="Globex")
    client.force_login(world["mine"])
    page = client.get("/admin/cohorts/new/").content.decode()
    assert ">Acme</option>" in page
    assert "Globex" not in page


def test_posting_another_organisations_id_is_a_form_error_and_creates_nothing(client, world):
    from cohorts.models import Organisation

    globex = Organisation.objects.create(name="Globex")
    client.force_login(world["mine"])
    response = client.post("/admin/cohorts/new/", cohort_form_data(world, globex))
    assert response.status_code == 200
    assert "You can only start cohorts in your own organisations" in response.content.decode()
    assert not Cohort.objects.filter(name="Winter cohort").exists()


def test_a_trainer_cannot_move_their_cohort_into_another_organisation(client, world):
    from cohorts.models import Organisation

    globex = Organisation.objects.create(name="Globex")
    mine = world["my_cohort"]
    client.force_login(world["mine"])
    data = {**cohort_form_data(world, globex), "name": mine.name}
    response = client.post(f"/admin/cohorts/edit/{mine.pk}/", data)
    assert "You can only start cohorts in your own organisations" in response.content.decode()
    mine.refresh_from_db()
    assert mine.organisation.name == "Acme"


def test_a_trainer_without_an_organisation_is_told_to_ask_an_admin(client, world):
    newcomer = factories.trainer(email="new.trainer@example.com")
    client.force_login(newcomer)
    response = client.get("/admin/cohorts/new/")
    page = response.content.decode()
    assert "Ask an admin to add you to an organisation" in page
    assert 'name="organisation"' not in page
    client.post("/admin/cohorts/new/", cohort_form_data(world, world["my_cohort"].organisation))
    assert not Cohort.objects.filter(name="Winter cohort").exists()


def test_an_admin_adds_a_trainer_to_an_organisation_who_then_starts_cohorts_there(
    client, world, admin_user
):
    from cohorts.models import Organisation

    globex = Organisation.objects.create(name="Globex")
    newcomer = factories.trainer(email="new.trainer@example.com")
    client.force_login(admin_user)
    response = client.post(
        f"/admin/organisations/edit/{globex.pk}/", {"name": "Globex", "trainers": [newcomer.pk]}
    )
    assert response.status_code == 302
    assert list(globex.trainers.all()) == [newcomer]

    client.force_login(newcomer)
    response = client.post("/admin/cohorts/new/", cohort_form_data(world, globex))
    assert response.status_code == 302
    assert Cohort.objects.get(name="Winter cohort").organisation == globex


def test_an_admin_may_start_cohorts_in_every_organisation(client, world, admin_user):
    from cohorts.models import Organisation

    Organisation.objects.create(name="Globex")
    client.force_login(admin_user)
    page = client.get("/admin/cohorts/new/").content.decode()
    assert ">Acme</option>" in page and ">Globex</option>" in page


def test_the_migration_makes_every_cohort_trainer_a_trainer_of_its_organisation(world):
    from importlib import import_module

    from django.apps import apps

    from cohorts.models import Organisation

    globex = Organisation.objects.create(name="Globex")
    learner = factories.learner(email="only.learner@example.com")
    factories.cohort(course=world["course"], name="Globex cohort", organisation="Globex",
                     learners=[learner])
    Membership.objects.create(
        cohort=Cohort.objects.get(name="Globex cohort"), user=world["other"], role=Role.TRAINER
    )
    Organisation.trainers.through.objects.all().delete()

    migration = import_module("cohorts.migrations.0007_organisation_trainers")
    migration.trainers_from_memberships(apps, None)
    migration.trainers_from_memberships(apps, None)  # running twice changes nothing

    acme = world["my_cohort"].organisation
    assert set(acme.trainers.all()) == {world["mine"], world["other"]}
    assert list(globex.trainers.all()) == [world["other"]]
