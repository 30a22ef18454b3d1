"""Cached pages never go stale: each change a person can make shows on the next request.

The cohort page's matrix, the impact figures, the feed's report cards, a course's module list,
a module's body and a book's fingerprint are cached by generation (caching.generations; which
change raises which generation is listed in dashboard.generations). Each test loads a page
(filling the cache), changes something the way people do, and loads the page again. And the
cache only ever holds HTML and plain values, never a pickled page.
"""

import dataclasses
import uuid

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from caching import generations
from caching.release import code_digest, release
from cohorts.models import Membership
from reports.models import TeachBackReport
from tests import factories
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return factories.report_world()


def as_user(client, user):
    client.force_login(user)
    return client


def report_form(world, **overrides):
    return {
        "form_token": str(uuid.uuid4()),
        "taught_on": "2026-09-20",
        "setting": "neighbours",
        "language": "en",
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


def test_the_course_page_lists_a_renamed_module_and_principle_and_each_persons_own_progress(
    client, world
):
    course_url = world["course"].url
    learner = as_user(client, world["author"])
    peer = as_user(type(client)(), world["peer"])
    assert "Module 1" in learner.get(course_url).content.decode()
    assert "Up next</span>" in peer.get(course_url).content.decode()

    world["principle"].name = "Quiet kindness"
    world["principle"].save()
    assert "Quiet kindness" in learner.get(course_url).content.decode()

    module = world["modules"][0]
    module.title = "Listening first"
    module.save_revision().publish()
    learner.post(module.url + "complete/")
    html = learner.get(course_url).content.decode()
    assert "Listening first" in html and "Module 1<" not in html
    assert html.count("badge--done") == 1
    assert peer.get(course_url).content.decode().count("badge--done") == 0


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


# What the cache holds --------------------------------------------------------------------

WRITTEN: set[str] = set()


class KeyRecordingCache(LocMemCache):
    """Local memory that remembers every key written, so a test can read each value back."""

    def add(self, key, *args, **kwargs):
        WRITTEN.add(key)
        return super().add(key, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        WRITTEN.add(key)
        return super().set(key, *args, **kwargs)


def pages_in(value, seen=None) -> list:
    """Every wagtail Page found anywhere inside an unpickled value."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type(None))):
        return []
    seen.add(id(value))
    if isinstance(value, Page):
        return [value]
    if isinstance(value, dict):
        parts = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        parts = list(value)
    elif dataclasses.is_dataclass(value):
        parts = [getattr(value, f.name) for f in dataclasses.fields(value)]
    else:
        parts = list(getattr(value, "__dict__", {}).values())
    return [page for part in parts for page in pages_in(part, seen)]


def test_the_cache_holds_html_and_plain_values_never_a_page(client, world, settings):
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.KeyRecordingCache"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    WRITTEN.clear()
    book = factories.book(course=world["course"])
    cohort = world["cohort"].pk
    learner = as_user(type(client)(), world["author"])
    learner.post(f"/cohorts/{cohort}/reports/new/", report_form(world))
    trainer = as_user(client, world["trainer"])
    for person, url in [
        (learner, world["course"].url),
        (learner, world["modules"][0].url),
        (learner, "/my/"),
        (learner, f"/cohorts/{cohort}/"),
        (learner, f"/cohorts/{cohort}/reports/"),
        (learner, f"/cohorts/{cohort}/reports/new/"),
        (trainer, f"/cohorts/{cohort}/"),
        (trainer, f"/cohorts/{cohort}/impact/"),
        (trainer, f"/cohorts/{cohort}/export.csv"),
        (learner, book.url),
        (learner, book.url + "pdf/"),
    ]:
        response = person.get(url)
        assert response.status_code in (200, 202), url
        if response.streaming:
            b"".join(response.streaming_content)

    generation_keys = [key for key in WRITTEN if key.startswith("ripple:")]
    fragments = [key for key in WRITTEN if key.startswith("template.cache.")]
    assert generation_keys and fragments
    holding_pages = {key: pages_in(cache.get(key)) for key in WRITTEN}
    assert {key: pages for key, pages in holding_pages.items() if pages} == {}


def test_a_deploy_draws_cached_fragments_afresh_but_keeps_rate_limits(client, world, settings):
    """A cache shared by every web process outlives a deploy: the new release must not serve
    fragments the old one drew (its markup and wording), yet counters such as allauth's rate
    limits are not reset by it."""
    trainer = as_user(client, world["trainer"])
    cohort_url = f"/cohorts/{world['cohort'].pk}/"
    settings.RIPPLE_RELEASE = "release-1"
    cold = queries_for(trainer, cohort_url, cold=True)
    warm = queries_for(trainer, cohort_url)
    assert warm < cold

    settings.RIPPLE_RELEASE = "release-2"
    with CaptureQueriesContext(connection) as after_deploy:
        assert trainer.get(cohort_url).status_code == 200
    assert len(after_deploy) > warm  # the matrix drawn again, not the old release's HTML
    assert queries_for(trainer, cohort_url) == warm
    settings.RIPPLE_RELEASE = "release-1"  # the old release's fragments are still there
    assert queries_for(trainer, cohort_url) == warm

    cache.set("rl:login_failed:someone", 4)
    settings.RIPPLE_RELEASE = "release-3"
    assert cache.get("rl:login_failed:someone") == 4


def test_without_a_release_name_a_changed_template_makes_a_new_release(settings, tmp_path):
    settings.RIPPLE_RELEASE = ""
    assert release() == code_digest(settings.BASE_DIR)

    def digest_of(text):
        (tmp_path / "templates").mkdir(exist_ok=True)
        (tmp_path / "templates" / "page.html").write_text(text)
        (tmp_path / "tests").mkdir(exist_ok=True)
        (tmp_path / "tests" / "test_page.py").write_text(text)  # tests are not the release
        code_digest.cache_clear()
        return code_digest(tmp_path)

    assert digest_of("<p>Old</p>") != digest_of("<p>New</p>")
    before = digest_of("<p>Same</p>")
    (tmp_path / "tests" / "test_page.py").write_text("changed")
    code_digest.cache_clear()
    assert code_digest(tmp_path) == before
