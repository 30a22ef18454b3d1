"""The report form as a learner meets it: the setting asked without a guess, an error summary
after a failed submit, a short title, and modules named as both the course and the book name
them."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from courses.models import ModulePage
from reports.models import TeachBackReport
from tests import factories
from tests.reports.test_reports import form_data, new_url, world  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_where_starts_with_no_choice_made_and_offers_no_blank_option(client, world):  # noqa: F811
    client.force_login(world["author"])
    page = soup(client.get(new_url(world)))

    radios = page.select('input[name="setting"]')
    assert [radio["value"] for radio in radios][:3] == ["home", "friends", "neighbours"]
    assert all(radio["value"] for radio in radios)
    assert not [radio for radio in radios if radio.has_attr("checked")]
    assert "---------" not in page.get_text()


def test_submitting_without_a_setting_asks_where_and_saves_nothing(client, world):  # noqa: F811
    client.force_login(world["author"])
    data = form_data(world)
    del data["setting"]

    response = client.post(new_url(world), data)

    assert response.status_code == 400
    assert "Choose where you taught." in response.content.decode()
    assert not TeachBackReport.objects.exists()


def test_a_failed_submit_shows_a_summary_linking_each_error_to_its_field(client, world):  # noqa: F811
    client.force_login(world["author"])
    data = form_data(world, audience_size="lots", what_happened="", title="A" * 121)
    del data["setting"]

    page = soup(client.post(new_url(world), data))

    assert page.title.get_text().startswith("Error: ")
    summary = page.select_one("[data-error-summary]")
    assert summary is not None
    assert summary["tabindex"] == "-1"
    assert summary.get_text(" ", strip=True).startswith("There is a problem")
    links = summary.select("a")
    assert [link.get_text(strip=True) for link in links] == [
        "Choose where you taught.",
        "Enter a whole number, like 4.",
        "Keep the title to 120 characters or fewer.",
        "Tell your peers what happened.",
    ]
    for link in links:
        target = page.find(id=link["href"].removeprefix("#"))
        assert target is not None, link["href"]
        assert target.name in {"input", "textarea", "select"}
    assert links[0]["href"] == "#id_setting_0"  # the first radio, inside the fieldset


def test_a_failed_submit_keeps_every_typed_value(client, world):  # noqa: F811
    client.force_login(world["author"])
    data = form_data(
        world,
        audience_size="lots",
        what_resonated="Thanking people “by name” — even Chloé.",
        title="Quiet helpers at the clean-up",
        visibility="trainers",
    )

    page = soup(client.post(new_url(world), data))

    assert page.select_one('input[name="taught_on"]')["value"] == "2026-09-20"
    assert page.select_one('input[name="setting"][value="neighbours"]').has_attr("checked")
    assert page.select_one('input[name="audience_size"]')["value"] == "lots"
    assert page.select_one('input[name="title"]')["value"] == "Quiet helpers at the clean-up"
    assert page.select_one('input[name="audience_description"]')["value"] == (
        "five neighbours at the street clean-up"
    )
    assert page.select_one(f'input[name="modules"][value="{world["module"].pk}"]').has_attr(
        "checked"
    )
    assert page.select_one(
        f'input[name="principles"][value="{world["principle"].pk}"]'
    ).has_attr("checked")
    for name in ("what_happened", "what_resonated", "what_i_learned"):
        assert page.select_one(f'textarea[name="{name}"]').get_text().strip() == data[name]
    assert page.select_one('input[name="visibility"][value="trainers"]').has_attr("checked")
    assert not TeachBackReport.objects.exists()


def test_an_untouched_form_shows_no_summary_and_no_error_title(client, world):  # noqa: F811
    client.force_login(world["author"])
    page = soup(client.get(new_url(world)))

    assert page.select_one("[data-error-summary]") is None
    assert not page.title.get_text().startswith("Error")


def test_a_refused_comment_gets_the_same_summary_pointing_at_the_comment_box(client, world):  # noqa: F811
    report = factories.report(membership=world["membership"])
    client.force_login(world["peer"])

    page = soup(client.post(f"/reports/{report.pk}/comments/", {"body": "x" * 2001}))

    assert page.title.get_text().startswith("Error: ")
    links = page.select("[data-error-summary] a")
    assert [link["href"] for link in links] == ["#id_body"]
    assert page.find(id="id_body").name == "textarea"


# Titles: the name is a byline, the title is the person's own words.


def test_a_report_is_filed_with_its_title_shown_under_a_byline_in_feed_and_page(
    client, world  # noqa: F811
):
    client.force_login(world["author"])
    client.post(new_url(world), form_data(world, title="Three neighbours and a teapot"))
    report = TeachBackReport.objects.get()
    assert report.title == "Three neighbours and a teapot"

    client.force_login(world["peer"])
    feed = soup(client.get(f"/cohorts/{world['cohort'].pk}/reports/"))
    card = feed.select_one(".report-card")
    assert card.select_one(".card__title").get_text(strip=True) == "Three neighbours and a teapot"
    assert card.select_one(".report-byline").get_text(" ", strip=True) == "by Ali Author"
    assert "Ali Author taught" not in feed.get_text()

    page = soup(client.get(f"/reports/{report.pk}/"))
    assert page.h1.get_text(strip=True) == "Three neighbours and a teapot"
    assert page.select_one(".report-byline").get_text(" ", strip=True).startswith("by Ali Author")
    assert page.title.get_text().startswith("Three neighbours and a teapot")


def test_a_report_without_a_title_reads_as_what_its_author_taught(client, world):  # noqa: F811
    report = factories.report(
        membership=world["membership"], audience_description="My two teenagers over dinner"
    )
    untold = factories.report(membership=world["membership"], audience_size=4)
    long = factories.report(
        membership=world["membership"], audience_description="Three neighbours " + "and " * 60
    )
    assert long.shown_title.startswith("Taught three neighbours and and")
    assert len(long.shown_title) <= 120 and long.shown_title.endswith("and…")
    long.delete()
    client.force_login(world["peer"])

    titles = [
        title.get_text(strip=True)
        for title in soup(client.get(f"/cohorts/{world['cohort'].pk}/reports/")).select(
            ".report-card .card__title"
        )
    ]

    assert titles == ["Taught 4 people", "Taught my two teenagers over dinner"]
    assert report.shown_title == "Taught my two teenagers over dinner"
    assert untold.shown_title == "Taught 4 people"


def test_trainers_email_names_the_title_and_the_author_apart(
    client, world, django_capture_on_commit_callbacks  # noqa: F811
):
    client.force_login(world["author"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new_url(world), form_data(world, title="Tea with the neighbours"))

    message = mail.outbox[-1]
    assert message.subject.endswith(
        "New teach-back report from Ali Author: Tea with the neighbours"
    )
    assert "Tea with the neighbours" in message.body
    assert "by Ali Author" in message.body
    html = message.alternatives[0][0]
    assert "Tea with the neighbours" in html and "Ali Author" in html


def test_the_learner_home_lists_peer_reports_by_title_then_name(client, world):  # noqa: F811
    factories.report(membership=world["membership"], title="Helpers at the dinner table")
    client.force_login(world["peer"])

    item = soup(client.get("/my/")).find("a", string="Helpers at the dinner table").parent

    assert item.get_text(" ", strip=True).startswith("Helpers at the dinner table — by Ali Author")


def test_an_edit_shows_the_authors_title_and_keeps_it(client, world):  # noqa: F811
    report = factories.report(membership=world["membership"], title="Tea with the neighbours")
    client.force_login(world["author"])
    url = f"/reports/{report.pk}/edit/"
    assert soup(client.get(url)).select_one('input[name="title"]')["value"] == (
        "Tea with the neighbours"
    )

    client.post(url, form_data(world, form_token=str(report.form_token), title="Tea, take two"))

    report.refresh_from_db()
    assert report.title == "Tea, take two"


def test_refused_feedback_keeps_the_trainers_text_under_a_summary(client, world):  # noqa: F811
    report = factories.report(membership=world["membership"])
    client.force_login(world["trainer"])
    typed = "Thank you — " * 300

    page = soup(client.post(f"/reports/{report.pk}/feedback/", {"trainer_feedback": typed}))

    assert page.title.get_text().startswith("Error: ")
    assert [a["href"] for a in page.select("[data-error-summary] a")] == ["#id_trainer_feedback"]
    assert page.select_one("#id_trainer_feedback").get_text().removeprefix("\n") == typed
    report.refresh_from_db()
    assert report.trainer_feedback == ""


def test_the_report_back_view_shows_the_title_with_the_author_as_byline(client, world):  # noqa: F811
    factories.report(membership=world["membership"], title="Helpers at the dinner table")
    client.force_login(world["trainer"])

    page = soup(client.get(f"/cohorts/{world['cohort'].pk}/report-back/"))

    assert page.h1.get_text(strip=True) == "Helpers at the dinner table"
    assert page.select_one(".report-byline").get_text(" ", strip=True) == "by Ali Author"


def test_the_csv_has_each_reports_title(client, world):  # noqa: F811
    factories.report(membership=world["membership"], title="Helpers at the dinner table")
    client.force_login(world["trainer"])

    response = client.get(f"/cohorts/{world['cohort'].pk}/reports.csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()

    assert '"title"' in lines[0]
    assert "Helpers at the dinner table" in lines[1]


# Modules: the course's name and the book's, when they differ.


def test_module_choices_show_the_book_name_only_when_it_differs(client, world):  # noqa: F811
    first, second = ModulePage.objects.order_by("path")
    first.community_title = "Everyday Leadership"
    first.save()
    second.community_title = second.title
    second.save()
    client.force_login(world["author"])

    page = soup(client.get(new_url(world)))
    labels = [
        label.get_text(" ", strip=True)
        for label in page.select('fieldset:has(input[name="modules"]) label')
    ]

    assert labels == [f"{first.title} — in the book: Everyday Leadership", second.title]
