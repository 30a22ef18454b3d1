"""Names are one line: forms refuse control characters, and email subjects never carry one."""

import uuid

import pytest
from django.core import mail

from accounts.models import User
from cohorts.models import Membership
from courses.models import ModulePage
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "teach-it-Forward-2026"
REFUSED = "Names can&#x27;t contain line breaks, tabs or other control characters."


@pytest.mark.parametrize("name", ["Sam\nRivera", "Sam\rRivera", "Sam\tRivera", "Sam\u2028Rivera"])
def test_sign_up_refuses_a_name_with_control_characters(client, name):
    response = client.post(
        "/accounts/signup/",
        {"email": "sam@example.com", "display_name": name, "password1": PASSWORD,
         "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not User.objects.filter(email="sam@example.com").exists()


def test_the_admin_account_page_refuses_a_name_with_a_line_break(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Theo\nBcc: everyone@example.com",
            "name_email-last_name": "Trainer",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert REFUSED in response.content.decode()
    trainer.refresh_from_db()
    assert "\n" not in trainer.first_name


def test_the_users_admin_refuses_a_name_with_a_line_break(client, admin_user, learner):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/users/edit/{learner.pk}/",
        {"first_name": "Lee\r\nX", "last_name": "Learner", "is_active": "on",
         "groups": [g.pk for g in learner.groups.all()]},
    )
    assert REFUSED in response.content.decode()
    learner.refresh_from_db()
    assert learner.first_name == ""


@pytest.fixture
def world(db):
    course = factories.course(modules=1)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    author = factories.learner(email="ali@example.com", display_name="Ali Author")
    peer = factories.learner(email="pia@example.com", display_name="Pia Peer")
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[author, peer])
    # Names saved before names were validated: the emails about these people must still go.
    User.objects.filter(pk=author.pk).update(display_name="Ali\nAuthor")
    User.objects.filter(pk=peer.pk).update(display_name="Pia\r\n\tPeer")
    User.objects.filter(pk=trainer.pk).update(display_name="Tara\u2028Trainer")
    return cohort, trainer, author, peer


def test_emails_about_people_with_old_multi_line_names_still_go_out_on_one_line(
    client, world, django_capture_on_commit_callbacks
):
    cohort, trainer, author, peer = world
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/cohorts/{cohort.pk}/reports/new/",
            {"form_token": str(uuid.uuid4()), "taught_on": "2026-09-20", "setting": "home",
             "language": "en", "audience_size": "3", "modules": [ModulePage.objects.get().pk],
             "what_happened": "We talked.", "visibility": "cohort", "action": "submit"},
        )
    assert [m.subject for m in mail.outbox] == [
        "[Ripple] New teach-back report from Ali Author: Taught 3 people"
    ]
    report = Membership.objects.get(user=author).reports.get()

    client.force_login(peer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/comments/", {"body": "Inspiring!"})
    assert mail.outbox[-1].subject == (
        "[Ripple] Pia Peer commented on your teach-back report"
    )

    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/cohorts/members/{cohort.pk}/invite/",
            {"invite-emails": "new.person@example.com"},
        )
    assert mail.outbox[-1].to == ["new.person@example.com"]
    assert mail.outbox[-1].subject == "[Ripple] Tara Trainer invites you to Autumn cohort"
