"""Languages in courses and reports: the interface in Spanish for a Spanish request, the language
a session was taught in on each report (preselected from the cohort's default), and the impact
page's reach by language with the report CSV's language column."""

import csv
import datetime
import io
import uuid

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from reports.impact_languages import cohort_reach_by_language, organisation_reach_by_language
from reports.models import Status, TeachBackReport
from tests import factories
from tests.querycount import queries_for
from tests.reports.test_reports import form_data, new_url, world  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_english():
    """LocaleMiddleware leaves a request's language active in the thread after the response:
    put the site's language back, so the next test (in any order) starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def submitted(membership, *, language, audience, status=Status.SUBMITTED, **extra):
    return TeachBackReport.objects.create(
        author=membership, form_token=uuid.uuid4(), taught_on=datetime.date(2026, 9, 15),
        setting="home", audience_size=audience, what_happened="We talked.", language=language,
        status=status, submitted_at=timezone.now() if status == Status.SUBMITTED else None,
        **extra,
    )


# The interface in Spanish ---------------------------------------------------------------------


def test_a_spanish_request_sees_the_course_and_module_pages_in_spanish(client, world):  # noqa: F811
    client.force_login(world["author"])
    course = text(client.get(world["course"].url, **SPANISH))
    assert "Módulos" in course and "Alrededor de 20 minutos" in course
    assert "Lo que podrás hacer" in course and "What you will be able to do" not in course

    module = text(client.get(world["module"].url, **SPANISH))
    assert "Módulo 1 de 2" in module
    assert "Marcar como completado" in module and "Mark as complete" not in module
    assert "Tus respuestas son privadas" in module


def test_english_stays_english(client, world):  # noqa: F811
    client.force_login(world["author"])
    assert "Module 1 of 2" in text(client.get(world["module"].url, **ENGLISH))
    form = text(client.get(new_url(world), **ENGLISH))
    assert "How did teaching go?" in form and "In which language did you teach?" in form
    assert "¿" not in form


def test_a_spanish_request_sees_the_report_form_and_the_feed_in_spanish(client, world):  # noqa: F811
    client.force_login(world["author"])
    form = text(client.get(new_url(world), **SPANISH))
    assert "¿Cómo te fue enseñando?" in form
    assert "¿En qué idioma enseñaste?" in form
    assert "Familia u hogar" in form and "Enviar a mi cohorte" in form
    assert "How did teaching go?" not in form

    client.post(new_url(world), form_data(world, audience_size="1"), **SPANISH)
    feed = text(client.get(f"/cohorts/{world['cohort'].pk}/reports/", **SPANISH))
    assert "Informes de enseñanza" in feed
    assert "1 persona alcanzada" in feed and "Vecindario" in feed
    assert "0 comentarios · 0 reconocimientos" in feed
    # The card is cached: English readers still get English afterwards.
    english = text(client.get(f"/cohorts/{world['cohort'].pk}/reports/", **ENGLISH))
    assert "1 person reached" in english and "0 comments" in english


# The language of a report ---------------------------------------------------------------------


def test_a_report_records_the_language_it_was_taught_in(client, world):  # noqa: F811
    client.force_login(world["author"])
    client.post(new_url(world), form_data(world, language="pl"))
    report = TeachBackReport.objects.get()
    assert report.language == "pl"

    detail = text(client.get(f"/reports/{report.pk}/", **ENGLISH))
    assert "Language: Polish" in detail
    feed = text(client.get(f"/cohorts/{world['cohort'].pk}/reports/", **SPANISH))
    assert "Idioma: Polaco" in feed


def test_a_report_in_the_cohorts_own_language_does_not_say_so(client, world):  # noqa: F811
    client.force_login(world["author"])
    client.post(new_url(world), form_data(world, language="en"))
    report = TeachBackReport.objects.get()
    assert "Language:" not in text(client.get(f"/reports/{report.pk}/"))
    assert "Language:" not in text(client.get(f"/cohorts/{world['cohort'].pk}/reports/"))


def test_the_form_starts_from_the_cohorts_default_language(client, world):  # noqa: F811
    world["cohort"].default_language = "es"
    world["cohort"].save()
    client.force_login(world["author"])
    page = BeautifulSoup(client.get(new_url(world)).content, "html.parser")
    chosen = page.select('select[name="language"] option[selected]')
    assert [option["value"] for option in chosen] == ["es"]
    # Common languages first, then the rest A to Z, named in the reader's language.
    groups = page.select('select[name="language"] optgroup')
    assert [group["label"] for group in groups] == ["Common languages", "All other languages"]
    assert [o["value"] for o in groups[0].select("option")][:3] == ["en", "es", "fr"]
    others = [o.get_text() for o in groups[1].select("option")]
    assert others == sorted(others, key=str.casefold) and "Tagalog" not in others

    spanish = BeautifulSoup(client.get(new_url(world), **SPANISH).content, "html.parser")
    first = spanish.select('select[name="language"] optgroup')[0].select("option")
    assert [o.get_text() for o in first][:2] == ["Inglés", "Español"]


def test_editing_a_report_keeps_its_own_language(client, world):  # noqa: F811
    client.force_login(world["author"])
    client.post(new_url(world), form_data(world, language="vi"))
    report = TeachBackReport.objects.get()
    world["cohort"].default_language = "es"
    world["cohort"].save()
    page = BeautifulSoup(client.get(f"/reports/{report.pk}/edit/").content, "html.parser")
    chosen = page.select('select[name="language"] option[selected]')
    assert [option["value"] for option in chosen] == ["vi"]


@pytest.mark.parametrize("language", ["xx", "", "es-mx"])
def test_an_unknown_language_is_refused_with_a_message_and_nothing_is_saved(
    client, world, language  # noqa: F811
):
    client.force_login(world["author"])
    data = form_data(world, language=language, what_happened="Our whole street came.")
    response = client.post(new_url(world), data)
    assert response.status_code == 400
    page = text(response)
    if language:
        assert f"“{language}” is not one of the languages Ripple knows" in page
    else:
        assert "Choose the language you taught in." in page
    assert "Our whole street came." in response.content.decode()  # nothing typed is lost
    assert not TeachBackReport.objects.exists()


# Reach by language on the impact page, and the CSV ----------------------------------------------


@pytest.fixture
def reached(world):  # noqa: F811
    """Hand-counted: Spanish 1 report / 10 people, English 2 / 7, Polish 1 / 2; a Spanish draft
    and a report of another cohort do not count."""
    author = world["membership"]
    submitted(author, language="en", audience=3)
    submitted(author, language="en", audience=4)
    submitted(author, language="es", audience=10)
    submitted(author, language="pl", audience=2)
    submitted(author, language="es", audience=50, status=Status.DRAFT)
    other = factories.cohort(course=world["course"], name="Spring cohort",
                             learners=[factories.learner(email="sam@example.com")])
    submitted(other.memberships.get(), language="de", audience=9)
    return world


def language_table(response, table_id="table-languages") -> list[list[str]]:
    table = BeautifulSoup(response.content, "html.parser").find(id=table_id)
    return [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
            for row in table.find_all("tr")]


def test_the_impact_page_shows_reports_and_people_reached_per_language(client, reached):
    client.force_login(reached["trainer"])
    response = client.get(f"/cohorts/{reached['cohort'].pk}/impact/", **ENGLISH)
    assert language_table(response) == [
        ["Language", "Reports", "People reached"],
        ["Spanish", "1", "10"],
        ["English", "2", "7"],
        ["Polish", "1", "2"],
    ]
    html = response.content.decode()
    assert 'id="chart-languages-title">People reached by language<' in html
    assert "People reached by language, people reached each. Spanish: 10; English: 7; Polish: 2." \
        in html

    spanish = client.get(f"/cohorts/{reached['cohort'].pk}/impact/", **SPANISH)
    assert language_table(spanish)[1:] == [["Español", "1", "10"], ["Inglés", "2", "7"],
                                           ["Polaco", "1", "2"]]
    assert "Idiomas en los que se enseñó" in text(spanish)


def test_reach_by_language_is_one_query_however_many_reports_and_languages(
    client, reached, django_assert_num_queries
):
    cohort = reached["cohort"]
    with django_assert_num_queries(1):
        assert [(row.key, row.reports, row.people) for row in
                cohort_reach_by_language(cohort=cohort)] == [
            ("es", 1, 10), ("en", 2, 7), ("pl", 1, 2)]

    client.force_login(reached["trainer"])
    url = f"/cohorts/{cohort.pk}/impact/"
    client.get(url)
    cache.clear()  # the figures are cached: measure the page that computes them
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n, code in enumerate(["fr", "vi", "ar", "tl", "ko", "ru", "de", "pt"] * 25):
        submitted(reached["membership"], language=code, audience=n + 1)
    cache.clear()
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert len(language_table(response)) == 1 + 3 + 8


def test_the_organisation_page_shows_reach_by_language_across_its_cohorts(client, reached):
    client.force_login(factories.admin(email="ada@example.com"))
    url = f"/admin/impact/organisations/{reached['cohort'].organisation_id}/"
    response = client.get(url, **ENGLISH)
    # Both cohorts are Acme's: the other cohort's German report counts here too.
    assert language_table(response, "languages") == [
        ["Language", "Reports", "People reached"],
        ["Spanish", "1", "10"],
        ["German", "1", "9"],
        ["English", "2", "7"],
        ["Polish", "1", "2"],
    ]
    html = response.content.decode()
    assert 'id="org-chart-languages-title">People reached by language<' in html
    assert ("People reached by language, people reached each. Spanish: 10; German: 9; "
            "English: 7; Polish: 2.") in html

    spanish = client.get(url, **SPANISH)
    assert language_table(spanish, "languages")[1:] == [
        ["Español", "1", "10"], ["Alemán", "1", "9"], ["Inglés", "2", "7"], ["Polaco", "1", "2"]]
    assert "Idiomas en los que se enseñó" in text(spanish)


def test_the_organisations_reach_by_language_is_one_query_however_many_reports_and_cohorts(
    client, reached, django_assert_num_queries
):
    organisation = reached["cohort"].organisation
    with django_assert_num_queries(1):
        assert [(row.key, row.reports, row.people) for row in
                organisation_reach_by_language(organisation=organisation)] == [
            ("es", 1, 10), ("de", 1, 9), ("en", 2, 7), ("pl", 1, 2)]

    client.force_login(factories.admin(email="ada@example.com"))
    url = f"/admin/impact/organisations/{organisation.pk}/"
    few = queries_for(client, url, cold=True)
    for n in range(3):
        other = factories.cohort(course=reached["course"], name=f"Cohort {n}",
                                 learners=[factories.learner(email=f"l{n}@example.com")])
        for m, code in enumerate(["fr", "vi", "ar", "tl", "ko", "ru", "de", "pt"] * 5):
            submitted(other.memberships.get(), language=code, audience=m + 1)
    assert queries_for(client, url, cold=True) == few
    assert len(language_table(client.get(url), "languages")) == 1 + 4 + 7


def test_the_csv_gives_each_reports_language_code(client, reached):
    client.force_login(reached["trainer"])
    response = client.get(f"/cohorts/{reached['cohort'].pk}/reports.csv")
    rows = list(csv.reader(io.StringIO(
        b"".join(response.streaming_content).decode("utf-8-sig")
    )))
    assert "language" in rows[0]
    column = rows[0].index("language")
    assert sorted(row[column] for row in rows[1:]) == ["en", "en", "es", "pl"]


def test_a_title_made_from_who_was_there_speaks_the_sessions_language(client, world):  # noqa: F811
    author = world["membership"]
    english = submitted(author, language="en", audience=3, audience_description="my two sons")
    spanish = submitted(author, language="es", audience=4, audience_description="mis vecinos")
    polish = submitted(author, language="pl", audience=5)
    client.force_login(world["author"])
    feed = text(client.get(f"/cohorts/{world['cohort'].pk}/reports/", **SPANISH))
    assert "Taught my two sons" in feed and "Enseñó a my two sons" not in feed
    assert "Enseñó a mis vecinos" in feed
    assert "Taught 5 people" in feed  # Polish is not an interface language: the site's, English
    assert {english.shown_title, spanish.shown_title, polish.shown_title} == {
        "Taught my two sons", "Enseñó a mis vecinos", "Taught 5 people"}
