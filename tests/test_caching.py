"""Cached pages never go stale: each change a person can make shows on the next request.

The cohort page's matrix, the impact figures, the feed's report cards, a module's body and a
book's fingerprint are cached by generation (caching.generations). Each test loads a page
(filling the cache), changes something the way people do, and loads the page again.
"""

import uuid

import pytest
from django.db import transaction

from caching import generations
from cohorts.models import Membership
from courses.models import ModulePage, Principle
from reports.models import TeachBackReport
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = factories.course(modules=2)
    trainer = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    author = factories.learner(email="ali@example.com", display_name="Ali Author")
    peer = factories.learner(email="pia@example.com", display_name="Pia Peer")
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[author, peer])
    return {
        "course": course,
        "cohort": cohort,
        "trainer": trainer,
        "author": author,
        "peer": peer,
        "modules": list(ModulePage.objects.order_by("path")),
        "principle": Principle.objects.get(),
    }


def as_user(client, user):
    client.force_login(user)
    return client


def report_form(world, **overrides):
    return {
        "form_token": str(uuid.uuid4()),
        "taught_on": "2026-09-20",
        "setting": "neighbours",
        "audience_size": "5",
        "audience_description": "five neighbours",
        "modules": [world["modules"][0].pk],
        "principles": [world["principle"].pk],
        "what_happened": "We named the quiet helpers on our street.",
        "visibility": "cohort",
        "action": "submit",
        **overrides,
    }


def test_the_trainers_matrix_shows_a_completion_a_report_and_a_new_name_at_once(
    client, world
):
    cohort_url = f"/cohorts/{world['cohort'].pk}/"
    trainer = as_user(client, world["trainer"])
    html = trainer.get(cohort_url).content.decode()
    assert html.count("0/2") == 2 and "Reported 1 time" not in html

    learner = as_user(type(client)(), world["author"])
    learner.post(world["modules"][0].url + "complete/")
    learner.post(f"/cohorts/{world['cohort'].pk}/reports/new/", report_form(world))
    world["peer"].display_name = "Pia Renamed"
    world["peer"].save()

    html = trainer.get(cohort_url).content.decode()
    assert "1/2" in html
    assert "Reported 1 time" in html
    assert "Pia Renamed" in html


def test_a_learner_who_leaves_drops_off_the_matrix(client, world):
    cohort_url = f"/cohorts/{world['cohort'].pk}/"
    trainer = as_user(client, world["trainer"])
    assert "Pia Peer" in trainer.get(cohort_url).content.decode()
    Membership.objects.get(user=world["peer"]).delete()
    assert "Pia Peer" not in trainer.get(cohort_url).content.decode()


def test_impact_figures_count_a_report_as_soon_as_it_is_submitted_and_drop_a_deleted_one(
    client, world
):
    impact_url = f"/cohorts/{world['cohort'].pk}/impact/"
    trainer = as_user(client, world["trainer"])
    assert "No submitted reports yet" in trainer.get(impact_url).content.decode()

    learner = as_user(type(client)(), world["author"])
    learner.post(f"/cohorts/{world['cohort'].pk}/reports/new/", report_form(world))
    html = trainer.get(impact_url).content.decode()
    assert "No submitted reports yet" not in html
    assert "1 <span class=\"impact-figure__of\">of 2</span>" in html

    report = TeachBackReport.objects.get()
    learner.post(f"/reports/{report.pk}/delete/")
    assert not TeachBackReport.objects.exists()
    assert "No submitted reports yet" in trainer.get(impact_url).content.decode()


def test_a_report_card_in_the_feed_shows_an_edit_and_a_new_comment(client, world):
    feed_url = f"/cohorts/{world['cohort'].pk}/reports/"
    learner = as_user(client, world["author"])
    learner.post(f"/cohorts/{world['cohort'].pk}/reports/new/", report_form(world))
    report = TeachBackReport.objects.get()
    peer = as_user(type(client)(), world["peer"])
    assert "We named the quiet helpers" in peer.get(feed_url).content.decode()

    learner.post(
        f"/reports/{report.pk}/edit/",
        report_form(world, what_happened="We thanked the bus driver by name."),
    )
    html = peer.get(feed_url).content.decode()
    assert "We thanked the bus driver by name." in html
    assert "We named the quiet helpers" not in html
    assert "0 comments" in html

    peer.post(f"/reports/{report.pk}/comments/", {"body": "Lovely idea."})
    assert "1 comment" in peer.get(feed_url).content.decode()


def test_a_module_shows_its_newly_published_text_but_never_an_unpublished_draft(
    client, world
):
    module = world["modules"][0]
    learner = as_user(client, world["author"])
    assert "Published words" not in learner.get(module.url).content.decode()

    draft = module.get_latest_revision_as_object()
    draft.body = factories.module_body(blocks=2, tag="Published words")
    revision = draft.save_revision()
    assert "Published words" not in learner.get(module.url).content.decode()

    revision.publish()
    html = learner.get(module.url).content.decode()
    assert "Published words" in html
    assert "&lt;p" not in html  # cached block HTML is still HTML, not escaped text


def test_a_principle_renamed_in_the_admin_is_renamed_in_cached_pages(client, world):
    learner = as_user(client, world["author"])
    learner.post(f"/cohorts/{world['cohort'].pk}/reports/new/", report_form(world))
    feed_url = f"/cohorts/{world['cohort'].pk}/reports/"
    badge = '<span class="badge badge--accent">{}</span>'
    assert badge.format(world["principle"].name) in learner.get(feed_url).content.decode()
    world["principle"].name = "Quiet kindness"
    world["principle"].save()
    assert badge.format("Quiet kindness") in learner.get(feed_url).content.decode()


def test_a_change_that_rolls_back_leaves_the_generation_as_it_was(world):
    name = generations.cohort_generation(world["cohort"])
    before = generations.current(name)
    with pytest.raises(RuntimeError), transaction.atomic():
        generations.bump(name)
        raise RuntimeError("rolled back")
    assert generations.current(name) == before
    generations.bump(name)
    assert generations.current(name) != before
