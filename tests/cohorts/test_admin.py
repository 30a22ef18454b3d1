"""Trainers run their cohorts in the Wagtail admin; admins run all of them."""

import pytest
from django.core import mail

from cohorts.models import Cohort, Membership, Role
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
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    cohort = Cohort.objects.get(name="Winter cohort")
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


def test_trainers_add_change_and_remove_members(client, world, learner):
    cohort = world["my_cohort"]
    url = f"/admin/cohorts/members/{cohort.pk}/"
    client.force_login(world["mine"])
    client.post(url, {"action": "add", "add-email": learner.email.upper(), "add-role": "learner"})
    membership = Membership.objects.get(cohort=cohort, user=learner)
    assert membership.role == Role.LEARNER

    client.post(url, {"action": "role", "membership": membership.pk, "role": "trainer"})
    membership.refresh_from_db()
    assert membership.role == Role.TRAINER

    client.post(url, {"action": "remove", "membership": membership.pk})
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_adding_an_unknown_email_explains_and_changes_nothing(client, world):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    response = client.post(
        f"/admin/cohorts/members/{cohort.pk}/",
        {"action": "add", "add-email": "nobody@example.com", "add-role": "learner"},
    )
    assert "Nobody has an account with this email" in response.content.decode()
    assert cohort.memberships.count() == 1


def test_bulk_invite_emails_each_address_the_link_after_commit(
    client, world, django_capture_on_commit_callbacks
):
    cohort = world["my_cohort"]
    client.force_login(world["mine"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/cohorts/members/{cohort.pk}/",
            {
                "action": "invite",
                "invite-emails": "ana@example.com, ben@example.com\nANA@example.com",
            },
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
            f"/admin/cohorts/members/{world['my_cohort'].pk}/",
            {"action": "invite", "invite-emails": "ok@example.com not-an-email"},
        )
    assert "not-an-email" in response.content.decode()
    assert mail.outbox == []


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

    migration = import_module("cohorts.migrations.0005_organisation_trainers")
    migration.trainers_from_memberships(apps, None)
    migration.trainers_from_memberships(apps, None)  # running twice changes nothing

    acme = world["my_cohort"].organisation
    assert set(acme.trainers.all()) == {world["mine"], world["other"]}
    assert list(globex.trainers.all()) == [world["other"]]
