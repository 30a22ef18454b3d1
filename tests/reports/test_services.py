"""Report services take plain data: the same calls work from views, commands and tests."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError

from cohorts.models import Membership
from courses.models import ModulePage, Principle
from reports import services
from reports.forms import ReportForm
from reports.models import Status, TeachBackReport
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    course = factories.course(modules=1)
    author = factories.learner(email="ali@example.com", display_name="Ali Author")
    other = factories.learner(email="oz@example.com", display_name="Oz Other")
    cohort = factories.cohort(course=course, learners=[author, other])
    return {
        "cohort": cohort,
        "membership": Membership.objects.get(user=author),
        "other": Membership.objects.get(user=other),
        "module": ModulePage.objects.get(),
        "principle": Principle.objects.get(),
    }


def report_data(world, **overrides) -> dict:
    data = {
        "form_token": uuid.uuid4(),
        "taught_on": datetime.date(2026, 9, 20),
        "setting": "neighbours",
        "language": "en",
        "audience_size": 5,
        "audience_description": "five neighbours",
        "title": "",
        "modules": [world["module"]],
        "principles": [world["principle"]],
        "what_happened": "We named the quiet helpers on our street.",
        "what_resonated": "",
        "what_was_hard": "",
        "what_i_learned": "",
        "visibility": "cohort",
    }
    return {**data, **overrides}


def test_a_report_is_filed_from_plain_data_and_the_same_data_twice_makes_one(world):
    data = report_data(world)
    first = services.save_report(membership=world["membership"], data=data, submit=False)
    again = services.save_report(membership=world["membership"], data=data, submit=True)
    assert first.pk == again.pk and TeachBackReport.objects.count() == 1
    again.refresh_from_db()
    assert again.status == Status.SUBMITTED and again.audience_size == 5
    assert list(again.modules.all()) == [world["module"]]


def test_an_edit_keeps_its_token_and_another_reports_token_is_refused(world):
    report = services.save_report(
        membership=world["membership"], data=report_data(world), submit=True
    )
    token = report.form_token
    services.save_report(
        membership=world["membership"],
        data=report_data(world, audience_size=7),
        submit=True,
        report=report,
    )
    report.refresh_from_db()
    assert report.audience_size == 7 and report.form_token == token
    with pytest.raises(ValidationError):
        services.save_report(
            membership=world["other"], data=report_data(world, form_token=token), submit=True
        )
    assert TeachBackReport.objects.count() == 1


def test_the_report_form_cleans_exactly_the_data_the_service_reads(world):
    form = ReportForm(cohort=world["cohort"])
    assert set(form.fields) == {*services.REPORT_FIELDS, "modules", "principles", "form_token"}
