"""Nobody but the person sees an individual pulse answer: not trainers, not admins, not in any
admin screen, search, CSV or page. Trainers of an organisation and admins edit its statements
(with revisions); nobody else does."""

import pytest
from django.urls import get_resolver

from cohorts.models import Membership, Role
from pulse.models import PulseStatementSet
from tests import factories
from tests.cohorts.test_admin import delete_warning
from tests.cohorts.test_permissions import walk
from tests.pulse import world
from tests.pulse.world import answer, learners_of

pytestmark = pytest.mark.django_db

SECRET = "My manager ignores every idea zqxj"
SHARED = "Please more time for customers zqxk"


@pytest.fixture
def setting(trainer, admin_user):
    course = factories.course(modules=1)
    cohort = world.cohort(course=course, learners=6, trainers=[trainer])
    members = learners_of(cohort)
    answer(members[0], "baseline", [1, 1, 2], comment=SECRET)
    answer(members[1], "baseline", [5, 5, 5], comment=SHARED, share=True)
    for member in members[2:5]:
        answer(member, "baseline", [3, 4, 3])
    factories.report(membership=members[0], what_happened="A report")
    return {"cohort": cohort, "trainer": trainer, "admin": admin_user}


def test_no_admin_url_exists_for_answers():
    routes = [route for route, _name in walk(get_resolver().url_patterns)]
    assert [r for r in routes if "pulse/pulse/" in r or "pulsescore" in r] == []
    assert [r for r in routes if "pulsestatementset" in r]  # the statements are there


@pytest.mark.parametrize("who", ["trainer", "admin"])
def test_no_page_csv_or_admin_screen_shows_an_answer_or_unshared_comment(client, setting, who):
    cohort = setting["cohort"]
    client.force_login(setting[who])
    member = Membership.objects.filter(cohort=cohort, role=Role.LEARNER).order_by("pk").first()
    urls = [
        "/admin/", "/admin/snippets/", "/admin/snippets/pulse/pulsestatementset/",
        f"/admin/pages/search/?q={SECRET.rsplit(' ', 1)[0]}",
        f"/admin/pages/search/?q={SHARED.rsplit(' ', 1)[0]}",
        f"/admin/cohorts/edit/{cohort.pk}/", f"/admin/cohorts/members/{cohort.pk}/",
        f"/admin/cohorts/members/{cohort.pk}/remove/?membership={member.pk}",
        f"/admin/users/edit/{member.user_id}/", "/admin/users/",
        f"/cohorts/{cohort.pk}/", f"/cohorts/{cohort.pk}/export.csv",
        f"/cohorts/{cohort.pk}/reports.csv", f"/cohorts/{cohort.pk}/impact/", "/teach/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode("utf-8-sig")
        assert "zqxj" not in body and "zqxk" not in body, url
        assert "mean_score" not in body, url


def test_a_trainer_of_the_organisation_edits_its_statements_and_sees_each_revision(
    client, setting
):
    organisation = setting["cohort"].organisation
    client.force_login(setting["trainer"])
    add = "/admin/snippets/pulse/pulsestatementset/add/"
    form = client.get(add).content.decode()
    assert organisation.name in form
    data = {
        "organisation": organisation.pk,
        "statements-count": 3,
        **{
            key: value
            for n, text in enumerate(["We listen.", "We help.", "We share."])
            for key, value in {
                f"statements-{n}-type": "statement", f"statements-{n}-value": text,
                f"statements-{n}-deleted": "", f"statements-{n}-order": n,
                f"statements-{n}-id": "",
            }.items()
        },
    }
    response = client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    statements = PulseStatementSet.objects.get(organisation=organisation)
    assert [text for _key, text in statements.as_pairs()] == ["We listen.", "We help.", "We share."]
    data["statements-1-value"] = "We help each other."
    data.update({f"statements-{n}-id": key for n, (key, _t) in enumerate(statements.as_pairs())})
    edit = f"/admin/snippets/pulse/pulsestatementset/edit/{statements.pk}/"
    assert client.post(edit, data).status_code == 302
    assert statements.revisions.count() == 2
    history = client.get(f"/admin/snippets/pulse/pulsestatementset/history/{statements.pk}/")
    assert history.status_code == 200


def test_too_few_statements_are_refused_and_nothing_is_saved(client, setting):
    client.force_login(setting["trainer"])
    response = client.post(
        "/admin/snippets/pulse/pulsestatementset/add/",
        {"organisation": setting["cohort"].organisation.pk, "statements-count": 1,
         "statements-0-type": "statement", "statements-0-value": "Only one",
         "statements-0-deleted": "", "statements-0-order": 0, "statements-0-id": ""},
    )
    assert response.status_code == 200
    assert "The minimum number of items is 3" in response.content.decode()
    assert not PulseStatementSet.objects.exists()


def test_other_trainers_and_learners_cannot_see_or_edit_an_organisations_statements(
    client, setting
):
    statements = PulseStatementSet.objects.create(
        organisation=setting["cohort"].organisation,
        statements=[("statement", "We listen.")] * 3,
    )
    edit = f"/admin/snippets/pulse/pulsestatementset/edit/{statements.pk}/"
    stranger = factories.trainer(email="stranger@example.com")
    other = factories.cohort(course=setting["cohort"].course, name="Theirs",
                             organisation="Other Ltd", trainers=[stranger])
    assert other.organisation.trainers.filter(pk=stranger.pk).exists()
    client.force_login(stranger)
    listing = client.get("/admin/snippets/pulse/pulsestatementset/").content.decode()
    assert "Acme" not in listing
    form = client.get("/admin/snippets/pulse/pulsestatementset/add/").content.decode()
    assert "Other Ltd" in form and "Acme" not in form
    chooser = client.get("/admin/snippets/choose/pulse/pulsestatementset/").content.decode()
    assert "Acme" not in chooser
    assert client.get(
        f"/admin/snippets/choose/pulse/pulsestatementset/chosen/{statements.pk}/"
    ).status_code == 404
    for view in ["edit", "delete", "history", "usage"]:
        url = f"/admin/snippets/pulse/pulsestatementset/{view}/{statements.pk}/"
        assert client.get(url).status_code in (302, 403), url
    client.force_login(learners_of(setting["cohort"])[0].user)
    assert client.get(edit).status_code in (302, 403)
    assert client.get("/admin/snippets/pulse/pulsestatementset/").status_code in (302, 403)


def test_a_cohort_holding_pulse_answers_cannot_be_deleted(client, setting):
    from reports.models import TeachBackReport

    cohort = setting["cohort"]
    TeachBackReport.objects.all().delete()  # nothing but the pulse holds it
    client.force_login(setting["admin"])
    assert delete_warning(client, cohort).startswith(
        f"{cohort.name} cannot be deleted: it holds its members' work. "
        "5 answered engagement pulses, counted in its organisation's figures "
        "Archive it instead: edit the cohort"
    )
    client.post(f"/admin/cohorts/delete/{cohort.pk}/")
    assert type(cohort).objects.filter(pk=cohort.pk).exists()


def test_a_cohort_whose_pulses_nobody_answered_can_still_be_deleted(client, admin_user):
    import datetime

    from cohorts.models import Cohort
    from pulse.models import Pulse

    cohort = world.cohort(course=factories.course(modules=1), learners=1)
    Pulse.objects.create(
        cohort=cohort, membership=learners_of(cohort)[0], stage="baseline",
        due_on=world.STARTS, closes_on=world.STARTS + datetime.timedelta(days=21),
    )
    client.force_login(admin_user)
    assert client.post(f"/admin/cohorts/delete/{cohort.pk}/").status_code == 302
    assert not Cohort.objects.filter(pk=cohort.pk).exists()
    assert not Pulse.objects.exists()


def test_a_cohort_holding_progress_and_pulse_answers_lists_both_on_its_delete_page(
    client, setting
):
    from django.utils import timezone

    from courses.models import ModulePage, ModuleProgress
    from reports.models import TeachBackReport

    cohort = setting["cohort"]
    TeachBackReport.objects.all().delete()
    ModuleProgress.objects.create(
        user=learners_of(cohort)[0].user, module=ModulePage.objects.get(slug="module-1"),
        completed_at=timezone.now(),
    )
    client.force_login(setting["trainer"])
    assert delete_warning(client, cohort).startswith(
        f"{cohort.name} cannot be deleted: it holds its members' work. "
        "1 member's progress on its course "
        "5 answered engagement pulses, counted in its organisation's figures "
        "Archive it instead"
    )
