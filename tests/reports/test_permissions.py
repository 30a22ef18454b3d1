"""Who sees which teach-back report: every list and every check say the same thing."""

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from cohorts.models import Membership
from reports.models import TeachBackReport
from reports.permissions import (
    can_moderate_report,
    can_see_cohort_impact,
    can_view_report,
    reports_shared_with,
    reports_visible_in_cohort,
    reports_visible_to,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return factories.report_world()


@pytest.fixture
def crowd(world):
    """Two cohorts, each member with a shared, a trainers-only and a draft report, and people
    in every position: trainer, learners, an outsider, an admin, a removed member and one
    whose sign-in address is unconfirmed."""
    other = factories.learner(email="oscar@example.com", display_name="Oscar")
    removed = factories.learner(email="rem@example.com", display_name="Removed")
    unconfirmed = factories.learner(email="unc@example.com", display_name="Unconfirmed")
    other_cohort = factories.cohort(
        course=world["course"],
        name="Other",
        learners=[other, removed, unconfirmed],
        trainers=[world["trainer"]],
    )
    admin = factories.admin(email="root@example.com")
    for membership in Membership.objects.all():
        factories.report(membership=membership)
        factories.report(membership=membership, visibility="trainers")
        factories.report(membership=membership, status="draft")
    Membership.objects.filter(user=removed).update(ended_at=timezone.now())
    EmailAddress.objects.filter(user=unconfirmed).update(verified=False)
    people = [world["trainer"], world["author"], world["peer"], other, removed, unconfirmed, admin]
    return {"people": people, "cohorts": [world["cohort"], other_cohort]}


def test_the_cohort_scoped_report_rules_agree_with_the_general_rule(crowd):
    for person in crowd["people"]:
        everything = reports_visible_to(person)
        for cohort in crowd["cohorts"]:
            assert set(reports_visible_in_cohort(person, cohort)) == set(
                everything.filter(author__cohort=cohort)
            ), (person, cohort)
        memberships = Membership.objects.filter(user=person)
        assert set(reports_shared_with(person, memberships)) == set(
            everything.filter(status="submitted", author__cohort__memberships__user=person)
            .exclude(author__user=person)
            .distinct()
        ), person


def test_a_report_page_opens_exactly_for_those_whose_report_list_holds_it(crowd):
    reports = list(TeachBackReport.objects.select_related("author"))
    for person in crowd["people"]:
        listed = set(reports_visible_to(person))
        for report in reports:
            assert can_view_report(person, report) == (report in listed), (person, report)


def test_the_rules_give_each_person_what_the_module_docstring_promises(world, crowd):
    trainer, author, peer = world["trainer"], world["author"], world["peer"]
    own = TeachBackReport.objects.filter(author__user=author)
    assert set(own) <= set(reports_visible_to(author))  # drafts included
    peer_sees = set(reports_visible_to(peer).exclude(author__user=peer))
    assert peer_sees == set(
        TeachBackReport.objects.filter(
            author__cohort=world["cohort"], status="submitted", visibility="cohort"
        ).exclude(author__user=peer)
    )
    trainer_sees = set(reports_visible_to(trainer))
    assert trainer_sees >= set(TeachBackReport.objects.filter(status="submitted"))
    assert not any(r.status == "draft" and r.author.user != trainer for r in trainer_sees)
    removed, unconfirmed, admin = crowd["people"][4:]
    assert not reports_visible_to(removed).exists()
    assert not reports_visible_to(unconfirmed).exists()
    assert reports_visible_to(admin).count() == TeachBackReport.objects.count()


def test_only_the_cohorts_trainers_and_admins_moderate_and_see_its_impact(world, crowd):
    report = TeachBackReport.objects.filter(author__user=world["author"]).first()
    admin = crowd["people"][-1]
    for person, expected in [
        (world["trainer"], True),
        (admin, True),
        (world["author"], False),
        (world["peer"], False),
    ]:
        assert can_moderate_report(person, report) is expected, person
        assert can_see_cohort_impact(person, world["cohort"]) is expected, person


def test_checking_a_report_costs_one_query_and_none_for_an_admin(
    world, crowd, django_assert_num_queries
):
    report = TeachBackReport.objects.get(
        author__user=world["author"], status="submitted", visibility="cohort"
    )
    with django_assert_num_queries(1):
        assert can_view_report(world["peer"], report)
    with django_assert_num_queries(0):
        assert can_view_report(crowd["people"][-1], report)
