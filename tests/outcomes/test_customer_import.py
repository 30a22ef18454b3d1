"""Importing customer results in the admin: good files, every kind of bad file (nothing
imported, every bad line named), re-imports that replace values, undo, and who may do it."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cohorts.models import Organisation
from outcomes.csv_import import MAX_BYTES
from outcomes.models import CustomerImport, CustomerPoint
from outcomes.selectors import customer_series
from tests import factories

pytestmark = pytest.mark.django_db

GOOD = (
    "date,measure,value,site\n"
    "2026-01-01,CSAT,4.0,North\n"
    "2026-01-15,CSAT,4.4,South\n"
    "2026-02-01,CSAT,4.5,North\n"
    "2026-01-01,NPS,30,\n"
)


@pytest.fixture
def acme(db):
    return Organisation.objects.create(name="Acme")


@pytest.fixture
def admin_client(client):
    client.force_login(factories.admin(email="ada@example.com"))
    return client


def upload(client, organisation, text, *, name="results.csv", encoding="utf-8"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(
        f"/admin/customer-results/{organisation.pk}/",
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def problems(response) -> str:
    return " ".join(response.content.decode().split())


def test_an_admin_imports_a_good_file_and_sees_the_monthly_series(admin_client, acme):
    response = upload(admin_client, acme, GOOD, name="january.csv")
    assert response.status_code == 302
    page = admin_client.get(response["Location"])
    text = problems(page)
    assert "Imported 4 points from january.csv." in text
    assert CustomerPoint.objects.count() == 4
    series = {s.measure: s for s in customer_series(organisation=acme)}
    assert [(m.month, m.mean, m.points) for m in series["CSAT"].months] == [
        (datetime.date(2026, 1, 1), 4.2, 2),
        (datetime.date(2026, 2, 1), 4.5, 1),
    ]
    assert series["NPS"].value_in(datetime.date(2026, 1, 1)) == 30
    assert "<td>4.2</td><td>2</td>" in text.replace("> <", "><")
    made = CustomerImport.objects.get()
    assert (made.file_name, made.rows) == ("january.csv", 4)
    assert made.imported_by.email == "ada@example.com"


def test_a_spreadsheet_in_spanish_with_semicolons_and_decimal_commas_imports(admin_client, acme):
    text = "\ufeffDate;Measure;Value\n2026-03-01;CSAT;4,25\n2026-04-01;CSAT;87%\n"
    upload(admin_client, acme, text)
    assert sorted(CustomerPoint.objects.values_list("value", flat=True)) == [4.25, 87.0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,measure,value\n2026-01-01,CSAT,4\n2026-02-01,CSAT,4\n2026-13-01,CSAT,4\n",
         "Line 4: “2026-13-01” is not a date; use YYYY-MM-DD."),
        ("date,measure,value\n2026-01-01,CSAT,4\n01/02/2026,CSAT,4\n",
         "Line 3: “01/02/2026” is not a date; use YYYY-MM-DD."),
        ("date,measure,value\n2026-01-01,CSAT,high\n", "Line 2: “high” is not a number."),
        ("date,measure,value\n2026-01-01,CSAT,nan\n", "Line 2: “nan” is not a number."),
        ("date,measure,value\n2026-01-01,,4\n", "Line 2: the measure is empty."),
        ("date,measure,value\n2026-01-01,CSAT\n", "Line 2: expected 3 values, found 2."),
        ("date,measure,value\n2026-01-01,CSAT,4\n2026-01-01,CSAT,5\n",
         "Line 3: 2026-01-01, CSAT is already on line 2."),
        ("date,measure,value,site\n2026-01-01,CSAT,4,North\n2026-01-01,CSAT,5,North\n",
         "Line 3: 2026-01-01, CSAT at North is already on line 2."),
        ("day,score\n2026-01-01,4\n", "Unknown column “day”, “score”. Missing column “date”, "
         "“measure”, “value”."),
        ("", "file is empty."),  # Django's own “The submitted file is empty.”
        ("date,measure,value\n", "The file has a header line but no data."),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_imported(
    admin_client, acme, text, message
):
    response = upload(admin_client, acme, text)
    assert response.status_code == 400
    assert "Nothing was imported" in problems(response)
    assert message in problems(response)
    assert not CustomerPoint.objects.exists() and not CustomerImport.objects.exists()


def test_every_bad_line_is_named_and_the_good_lines_are_not_imported_either(admin_client, acme):
    text = GOOD + "2026-02-30,CSAT,4,North\n2026-03-01,CSAT,x,North\n"
    response = upload(admin_client, acme, text)
    assert "Line 6: “2026-02-30” is not a date" in problems(response)
    assert "Line 7: “x” is not a number" in problems(response)
    assert "Line 2" not in problems(response)
    assert CustomerPoint.objects.count() == 0


def test_a_file_in_another_encoding_is_refused_with_what_to_do(admin_client, acme):
    response = upload(admin_client, acme, "date,measure,value,site\n2026-01-01,CSAT,4,Málaga\n",
                      encoding="latin-1")
    assert response.status_code == 400
    assert "save it as “CSV UTF-8”" in problems(response)
    assert not CustomerPoint.objects.exists()


def test_a_huge_file_is_refused_without_being_imported(admin_client, acme):
    line = "2026-01-01,CSAT,4,Site number {n}\n"
    text = "date,measure,value,site\n" + "".join(
        line.format(n=n) for n in range(MAX_BYTES // len(line) + 10)
    )
    response = upload(admin_client, acme, text)
    assert response.status_code == 400
    assert "the limit is 2 MB" in problems(response)
    assert not CustomerPoint.objects.exists()


def test_more_than_twenty_bad_lines_are_summed_up(admin_client, acme):
    text = "date,measure,value\n" + "".join(f"2026-01-{n:02},CSAT,bad\n" for n in range(1, 29))
    response = upload(admin_client, acme, text)
    assert "…and 8 more lines with problems." in problems(response)


def test_reimporting_a_point_replaces_it_and_undo_brings_the_old_value_back(admin_client, acme):
    upload(admin_client, acme, GOOD, name="first.csv")
    second_file = "date,measure,value\n2026-01-01,NPS,40\n2026-03-01,NPS,45\n"
    response = upload(admin_client, acme, second_file, name="second.csv")
    text = problems(admin_client.get(response["Location"]))
    assert "Imported 2 points from second.csv. 1 of them replaced a value imported earlier." in text
    nps = {s.measure: s for s in customer_series(organisation=acme)}["NPS"]
    assert [(m.month.month, m.mean) for m in nps.months] == [(1, 40), (3, 45)]

    second = CustomerImport.objects.get(file_name="second.csv")
    confirm = admin_client.get(f"/admin/customer-results/imports/{second.pk}/undo/")
    assert "earlier values show again" in problems(confirm)
    assert CustomerPoint.objects.filter(source=second).count() == 2  # a GET changes nothing
    response = admin_client.post(f"/admin/customer-results/imports/{second.pk}/undo/")
    assert response.status_code == 302
    nps = {s.measure: s for s in customer_series(organisation=acme)}["NPS"]
    assert [(m.month.month, m.mean) for m in nps.months] == [(1, 30)]
    second.refresh_from_db()
    assert second.is_undone and second.undone_by.email == "ada@example.com"
    page = problems(admin_client.get(f"/admin/customer-results/{acme.pk}/"))
    assert "second.csv" in page and "Undone on" in page
    # Undoing twice removes nothing more.
    admin_client.post(f"/admin/customer-results/imports/{second.pk}/undo/")
    assert CustomerPoint.objects.count() == 4


def test_one_organisations_results_do_not_touch_anothers(admin_client, acme):
    globex = Organisation.objects.create(name="Globex")
    upload(admin_client, acme, GOOD)
    upload(admin_client, globex, "date,measure,value\n2026-01-01,NPS,-10\n")
    assert customer_series(organisation=acme)[1].value_in(datetime.date(2026, 1, 1)) == 30
    assert customer_series(organisation=globex)[0].value_in(datetime.date(2026, 1, 1)) == -10


@pytest.mark.parametrize("who", ["trainer", "learner", "organisation_trainer"])
def test_only_admins_see_import_and_undo_customer_results(client, acme, who):
    admin = factories.admin(email="ada@example.com")
    client.force_login(admin)
    upload(client, acme, GOOD)
    made = CustomerImport.objects.get()
    make = factories.learner if who == "learner" else factories.trainer
    person = make(email=f"{who}@example.com")
    if who == "organisation_trainer":
        acme.trainers.add(person)
    client.force_login(person)
    for url in ("/admin/customer-results/", f"/admin/customer-results/{acme.pk}/",
                f"/admin/customer-results/imports/{made.pk}/undo/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "CSAT" not in response.content.decode()
    assert upload(client, acme, "date,measure,value\n2026-05-01,CSAT,1\n").status_code in (302, 403)
    client.post(f"/admin/customer-results/imports/{made.pk}/undo/")
    assert CustomerPoint.objects.count() == 4 and not CustomerImport.objects.get().is_undone
    assert "/admin/customer-results/" not in client.get("/admin/").content.decode()


def test_the_admin_menu_shows_customer_results_to_admins(admin_client):
    assert "/admin/customer-results/" in admin_client.get("/admin/").content.decode()


def test_a_file_with_too_many_lines_is_refused_without_being_imported(admin_client, acme):
    from outcomes.csv_import import MAX_ROWS

    text = "date,measure,value,site\n" + "".join(
        f"2026-01-01,CSAT,4,{n}\n" for n in range(MAX_ROWS + 1)
    )
    response = upload(admin_client, acme, text)
    assert response.status_code == 400
    assert "more than 20,000 lines of data" in problems(response)
    assert not CustomerPoint.objects.exists()
