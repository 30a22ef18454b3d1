"""`manage.py seed_demo` builds the demo once and changes nothing when run again."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


SEEDED_APPS = {
    "accounts", "account", "auth", "courses", "cohorts", "reports", "wagtailcore", "pulse",
    "outcomes",
}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in SEEDED_APPS
    }


def test_seed_demo_creates_the_demo_sign_ins_and_is_idempotent(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    first = row_counts()
    call_command("seed_demo", stdout=StringIO())
    assert row_counts() == first

    assert User.objects.filter(email__startswith="learner").count() == 13
    assert User.objects.get(email="admin@example.com").is_superuser
    assert User.objects.get(email="trainer2@example.com").groups.filter(name="Trainers").exists()
    assert EmailAddress.objects.filter(verified=True).count() == User.objects.count()
    assert client.login(email="learner12@example.com", password="ripple-demo")


def test_seed_demo_refuses_to_set_demo_passwords_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DJANGO_DEBUG=1"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_the_demo_shows_a_pulse_before_and_after_and_a_customer_series_labelled_as_demo(
    client, settings
):
    from django.core.cache import cache

    from cohorts.models import Cohort
    from outcomes.selectors import customer_series
    from pulse.selectors import stage_figures

    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    cache.clear()
    pilot = Cohort.objects.get(name__contains="pilot")
    figures = stage_figures(cohorts=[pilot])
    assert all(figure.people >= 5 and figure.mean is not None for figure in figures)
    assert figures[0].mean < figures[-1].mean  # a rise from the baseline to 90 days after
    autumn = Cohort.objects.get(name__contains="Autumn")
    assert [f.mean is not None for f in stage_figures(cohorts=[autumn])] == [
        True, False, False, False, False
    ]
    series = customer_series(organisation=pilot.organisation)
    assert {s.measure: len(s.months) for s in series} == {"CSAT (%)": 12, "NPS": 12}

    assert client.login(email="admin@example.com", password="ripple-demo")
    page = client.get(f"/admin/impact/organisations/{pilot.organisation.pk}/")
    text = " ".join(page.content.decode().split())
    assert "made-up demo data" in text
    assert "Pearson r = " in text
    client.login(email="trainer@example.com", password="ripple-demo")
    html = client.get(f"/cohorts/{pilot.pk}/impact/").content.decode()
    assert "(demo data)" in html and "pulse-groups-empty" not in html


def test_the_demos_impact_page_shows_reach_in_more_than_one_language(client, settings):
    """Some demo sessions were taught in Spanish and Polish (demo/content/report_stories.yaml),
    so the autumn cohort's impact page has more than English to show under languages."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    from cohorts.models import Cohort

    cohort = Cohort.objects.get(name="Customer Focus — Autumn cohort")
    client.login(email="trainer@example.com", password="ripple-demo")
    html = client.get(f"/cohorts/{cohort.pk}/impact/").content.decode()
    for language in ("English", "Spanish", "Polish"):
        assert language in html
