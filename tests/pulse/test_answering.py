"""Answering a pulse at /pulse/<id>/: only its person, every statement, final once sent, and
nothing lost when something is missing (pulse.views, pulse.services)."""

import datetime

import pytest
from django.utils import timezone

from cohorts.models import Membership
from pulse.models import DEFAULT_STATEMENTS, Pulse, PulseScore, PulseStatementSet
from tests import factories

pytestmark = pytest.mark.django_db

KEYS = [key for key, _text in DEFAULT_STATEMENTS]


@pytest.fixture
def world(learner, trainer):
    course = factories.course(modules=1)
    today = timezone.localdate()
    cohort = factories.cohort(
        course=course, trainers=[trainer], learners=[learner], starts_on=today
    )
    pulse = Pulse.objects.create(
        cohort=cohort, membership=Membership.objects.get(user=learner), stage="baseline",
        due_on=today, closes_on=today + datetime.timedelta(days=21),
    )
    return {"cohort": cohort, "pulse": pulse, "learner": learner, "trainer": trainer}


def url(world) -> str:
    return f"/pulse/{world['pulse'].pk}/"


def full_answer(**changes) -> dict:
    data = {f"s_{key}": "4" for key in KEYS}
    data["s_shared"] = "2"
    data["shown"] = _shown()
    return {**data, **changes}


def _shown():
    from pulse.forms import statements_fingerprint

    return statements_fingerprint([(key, str(text)) for key, text in DEFAULT_STATEMENTS])


def test_the_person_sees_every_statement_with_a_five_point_scale(client, world):
    client.force_login(world["learner"])
    html = client.get(url(world)).content.decode()
    assert "I am proud of the service our team gives." in html
    assert html.count('type="radio"') == 5 * len(KEYS)
    assert "Strongly disagree" in html and "Strongly agree" in html
    assert 'name="share_comment"' in html and "checked" not in html  # unticked by default


@pytest.mark.parametrize("who", ["other", "trainer", "admin"])
def test_nobody_else_can_open_or_answer_a_pulse(client, world, who, admin_user):
    people = {
        "other": factories.learner(email="other@example.com"),
        "trainer": world["trainer"],
        "admin": admin_user,
    }
    client.force_login(people[who])
    assert client.get(url(world)).status_code == 404
    assert client.post(url(world), full_answer()).status_code == 404
    assert not Pulse.objects.answered().exists()


def test_a_visitor_is_sent_to_sign_in(client, world):
    response = client.get(url(world))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_missing_answer_is_named_and_everything_typed_is_kept(client, world):
    client.force_login(world["learner"])
    data = full_answer(comment="Our new rota helps.", share_comment="on")
    del data["s_proud"]
    response = client.post(url(world), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose an answer for this statement." in html
    assert "Our new rota helps." in html
    assert html.count("checked") == len(KEYS)  # four scores and the ticked box, as sent
    assert not Pulse.objects.answered().exists() and not PulseScore.objects.exists()


def test_an_answer_is_stored_with_the_words_rated_and_is_final(client, world):
    client.force_login(world["learner"])
    response = client.post(url(world), full_answer(comment="  Thanks!  "))
    assert response.status_code == 302 and response["Location"] == url(world)
    pulse = Pulse.objects.get()
    assert pulse.is_answered and pulse.mean_score == pytest.approx(3.6)
    assert pulse.comment == "Thanks!" and not pulse.share_comment
    assert list(PulseScore.objects.order_by("pk").values_list("statement_key", "score"))[:3] == [
        ("difference", 4), ("initiative", 4), ("shared", 2)
    ]
    thanks = client.get(url(world)).content.decode()
    assert "Thank you: your answers are in" in thanks and 'type="radio"' not in thanks
    assert "Your comment stays private" in thanks

    client.post(url(world), full_answer(s_shared="5", comment="Changed my mind"))
    pulse.refresh_from_db()
    assert pulse.mean_score == pytest.approx(3.6) and pulse.comment == "Thanks!"
    assert PulseScore.objects.count() == len(KEYS)


def test_editing_the_statements_later_keeps_what_an_old_answer_meant(client, world):
    client.force_login(world["learner"])
    client.post(url(world), full_answer())
    statements = PulseStatementSet.objects.create(organisation=world["cohort"].organisation)
    statements.statements = [("statement", "Completely new words")] * 3
    statements.save()
    assert PulseScore.objects.filter(statement_text="I am proud of the service our team gives.")


def test_statements_changed_while_answering_are_shown_again_not_stored(client, world):
    client.force_login(world["learner"])
    html = client.get(url(world)).content.decode()
    assert "I am proud" in html
    statements = PulseStatementSet.objects.create(organisation=world["cohort"].organisation)
    response = client.post(url(world), full_answer())
    assert response.status_code == 400
    assert "The statements changed while you were answering" in response.content.decode()
    assert not Pulse.objects.answered().exists()
    keys = [block.id for block in statements.statements]
    data = {f"s_{key}": "5" for key in keys} | {"shown": _fingerprint(statements)}
    assert client.post(url(world), data).status_code == 302
    assert Pulse.objects.get().mean_score == 5


def _fingerprint(statements):
    from pulse.forms import statements_fingerprint

    return statements_fingerprint(statements.as_pairs())


def test_a_closed_pulse_says_so_and_takes_no_answer(client, world):
    today = timezone.localdate()
    Pulse.objects.update(due_on=today - datetime.timedelta(days=21), closes_on=today)
    client.force_login(world["learner"])
    assert "This pulse has closed" in client.get(url(world)).content.decode()
    client.post(url(world), full_answer())
    assert not Pulse.objects.answered().exists()


def test_a_removed_learner_can_no_longer_open_their_pulse(client, world):
    Membership.objects.filter(user=world["learner"]).update(ended_at=timezone.now())
    client.force_login(world["learner"])
    assert client.get(url(world)).status_code == 404


def test_the_learner_home_invites_to_answer_until_it_is_sent(client, world):
    client.force_login(world["learner"])
    home = client.get("/my/").content.decode()
    assert "Answer (1 minute)" in home and url(world) in home
    client.post(url(world), full_answer())
    assert "Answer (1 minute)" not in client.get("/my/").content.decode()


def test_the_answer_page_is_in_spanish_for_a_spanish_speaker(client, world):
    client.force_login(world["learner"])
    html = client.get(url(world), headers={"accept-language": "es"}).content.decode()
    assert "Totalmente de acuerdo" in html
    assert "Me enorgullece el servicio que da nuestro equipo." in html
