"""The pulse's figures never let anyone compute one person's answer (pulse.selectors)."""

import datetime

import pytest
from django.utils import timezone

from pulse.models import Stage
from pulse.selectors import (
    MIN_GROUP,
    engagement_groups,
    monthly_means,
    shareable_comments,
    stage_figures,
)
from tests import factories
from tests.pulse import world
from tests.pulse.world import LATER, answer, learners_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return factories.course(modules=1)


def baseline(figures):
    return next(f for f in figures if f.stage == Stage.BASELINE)


def test_four_answers_give_no_figure_and_five_give_one(course):
    group = world.cohort(course=course, learners=5)
    members = learners_of(group)
    for member in members[:4]:
        answer(member, "baseline", [4, 4, 4])
    assert baseline(stage_figures(cohorts=[group], today=LATER)).mean is None
    answer(members[4], "baseline", [2, 3, 4])
    figure = baseline(stage_figures(cohorts=[group], today=LATER))
    assert (figure.people, figure.mean) == (5, 3.8)
    assert figure.label == "Baseline"


def test_figures_come_one_per_stage_in_order(course):
    group = world.cohort(course=course, learners=5)
    stages = [figure.stage for figure in stage_figures(cohorts=[group], today=LATER)]
    assert stages == ["baseline", "after_course", "day_30", "day_60", "day_90"]


def test_no_figure_before_the_stage_window_closes_for_the_whole_cohort(course):
    group = world.cohort(course=course, learners=5)
    for member in learners_of(group):
        answer(member, "day_30", [5, 5, 5])
    # Due 30 days after the end (29 March); the window closes 21 days later (19 April).
    closing = world.ENDS + datetime.timedelta(days=51)
    day_30 = stage_figures(cohorts=[group], today=closing - datetime.timedelta(days=1))[2]
    assert day_30.mean is None
    assert stage_figures(cohorts=[group], today=closing)[2].mean == 5.0


def test_a_late_answer_never_moves_a_published_figure(course):
    """Before the window closes there is no figure; after it, nobody can answer any more."""
    group = world.cohort(course=course, learners=6)
    members = learners_of(group)
    for member in members[:5]:
        answer(member, "day_60", [3, 3, 3])
    open_day = world.ENDS + datetime.timedelta(days=70)
    assert stage_figures(cohorts=[group], today=open_day)[3].mean is None
    answer(members[5], "day_60", [5, 5, 5])  # one more person, still inside the window
    assert stage_figures(cohorts=[group], today=open_day)[3].mean is None
    published = stage_figures(cohorts=[group], today=LATER)[3]
    assert (published.people, published.mean) == (6, 3.3)


def test_an_organisation_figure_minus_a_cohort_figure_never_isolates_one_person(course):
    """A 5-person cohort and a 1-person cohort: the organisation's figure is the 5-person
    cohort's, so the difference between the two reveals nothing about the sixth person."""
    big = world.cohort(course=course, learners=5, name="Big")
    small = world.cohort(course=course, learners=1, name="Small")
    for member in learners_of(big):
        answer(member, "baseline", [4, 4, 4])
    answer(learners_of(small)[0], "baseline", [1, 1, 1])
    organisation = big.organisation
    whole = baseline(stage_figures(cohorts=organisation.cohorts.all(), today=LATER))
    alone = baseline(stage_figures(cohorts=[big], today=LATER))
    assert (whole.people, whole.mean) == (alone.people, alone.mean) == (5, 4.0)
    assert baseline(stage_figures(cohorts=[small], today=LATER)).mean is None
    months = monthly_means(organisation=organisation, today=LATER)
    assert months == [(datetime.date(2026, 1, 1), 5, 4.0)]


def test_monthly_means_put_each_group_whole_into_the_month_it_was_measured(course):
    group = world.cohort(course=course, learners=5)
    for member in learners_of(group):
        answer(member, "baseline", [2, 2, 2])
        answer(member, "after_course", [4, 4, 4])
    months = monthly_means(organisation=group.organisation, today=LATER)
    assert months == [(datetime.date(2026, 1, 1), 5, 2.0), (datetime.date(2026, 2, 1), 5, 4.0)]


def test_comments_are_shared_without_names_only_when_allowed_and_only_from_big_groups(course):
    group = world.cohort(course=course, learners=5)
    small = world.cohort(course=course, learners=4, name="Small")
    texts = ["Zebra crossing", "Apples", "Private thought", "", "More support"]
    for member, text in zip(learners_of(group), texts, strict=True):
        answer(member, "baseline", [3, 3, 3], comment=text, share=text != "Private thought")
    for member in learners_of(small):
        answer(member, "baseline", [3, 3, 3], comment="From a small group", share=True)
    comments = shareable_comments(cohorts=[group, small], today=LATER)
    assert comments == ["Apples", "More support", "Zebra crossing"]


def test_engagement_groups_need_five_people_on_each_side(course):
    group = world.cohort(course=course, learners=10)
    members = learners_of(group)
    for member in members[:5]:
        answer(member, "baseline", [4, 5, 4])
    for member in members[5:9]:
        answer(member, "baseline", [2, 3, 2])
    assert engagement_groups(cohort=group, today=LATER) is None
    answer(members[9], "baseline", [1, 2, 3])
    groups = engagement_groups(cohort=group, today=LATER)
    assert groups == {
        "engaged": [m.pk for m in members[:5]],
        "less_engaged": [m.pk for m in members[5:]],
    }


def test_engagement_groups_use_each_persons_latest_published_answer(course):
    group = world.cohort(course=course, learners=10)
    members = learners_of(group)
    for index, member in enumerate(members):
        answer(member, "baseline", [2, 2, 2])
        answer(member, "day_90", [5, 5, 5] if index % 2 else [2, 2, 2])
    before_day_90 = world.ENDS + datetime.timedelta(days=100)
    assert engagement_groups(cohort=group, today=before_day_90) is None  # all less engaged
    groups = engagement_groups(cohort=group, today=LATER)
    assert groups["engaged"] == [m.pk for m in members[1::2]]


@pytest.mark.parametrize("answers", [5, 500])
def test_selectors_run_a_fixed_number_of_queries(course, answers,
                                                 django_assert_max_num_queries):
    groups = [world.cohort(course=course, learners=5, name=f"C{n}") for n in range(2)]
    from pulse.models import Pulse

    members = [m for group in groups for m in learners_of(group)]
    Pulse.objects.bulk_create(
        Pulse(
            cohort=groups[n % 2], membership=members[n % 10] if n < 10 else None,
            stage="baseline",
            due_on=world.STARTS, closes_on=world.STARTS + datetime.timedelta(days=21),
            answered_at=timezone.now(), mean_score=1.0 + n % 5, comment=f"c{n}", share_comment=True,
        )
        for n in range(answers)
    )
    organisation = groups[0].organisation
    with django_assert_max_num_queries(2):
        figures = stage_figures(cohorts=organisation.cohorts.all(), today=LATER)
    assert figures[0].people == (answers if answers >= 2 * MIN_GROUP else 0)  # 3 + 2: none
    with django_assert_max_num_queries(2):
        monthly_means(organisation=organisation, today=LATER)
    with django_assert_max_num_queries(2):
        engagement_groups(cohort=groups[0], today=LATER)
    with django_assert_max_num_queries(3):
        shareable_comments(cohorts=organisation.cohorts.all(), today=LATER)
