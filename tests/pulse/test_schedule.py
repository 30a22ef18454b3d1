"""When pulses are asked: `manage.py send_pulses --today` on fixed dates (pulse.services)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from cohorts.models import Membership, Role
from courses.models import ModulePage, ModuleProgress
from pulse.models import Pulse
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
STARTS, ENDS = D(2026, 1, 5), D(2026, 2, 27)


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@pytest.fixture
def world():
    course = factories.course(modules=2)
    tara = factories.trainer(email="tara@example.com")
    ana = factories.learner(email="ana@example.com", display_name="Ana")
    ben = factories.learner(email="ben@example.com", display_name="Ben")
    eve = factories.learner(email="eve@example.com", display_name="Eve")
    cohort = factories.cohort(
        course=course, trainers=[tara], learners=[ana, ben, eve], starts_on=STARTS, ends_on=ENDS
    )
    Membership.objects.filter(cohort=cohort).update(joined_at=at(D(2026, 1, 2)))
    Membership.objects.filter(user=eve).update(ended_at=at(D(2026, 1, 1)))
    return {"cohort": cohort, "ana": ana, "ben": ben, "eve": eve, "tara": tara}


def run(day: datetime.date) -> None:
    call_command("send_pulses", today=day.isoformat(), stdout=io.StringIO())


def asked(person) -> list[tuple[str, datetime.date, datetime.date]]:
    return list(
        Pulse.objects.filter(membership__user=person)
        .order_by("due_on", "stage")
        .values_list("stage", "due_on", "closes_on")
    )


def complete_course(person, day):
    for module in ModulePage.objects.all():
        ModuleProgress.objects.create(user=person, module=module, completed_at=at(day))


def test_a_baseline_is_asked_when_a_learner_joins_and_only_of_current_learners(world):
    run(D(2026, 1, 1))
    assert asked(world["ana"]) == []
    run(D(2026, 1, 2))
    # Open 21 days from joining: the baseline window of the cohort closes 21 days after it starts.
    assert asked(world["ana"]) == [("baseline", D(2026, 1, 2), D(2026, 1, 23))]
    assert asked(world["ben"]) == [("baseline", D(2026, 1, 2), D(2026, 1, 23))]
    assert asked(world["tara"]) == [] and asked(world["eve"]) == []
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.com", "ben@example.com"]


def test_running_the_command_twice_asks_and_emails_nothing_twice(world):
    run(D(2026, 1, 2))
    run(D(2026, 1, 2))
    run(D(2026, 1, 3))
    assert Pulse.objects.count() == 2
    assert len(mail.outbox) == 2


def test_someone_joining_after_the_baseline_window_closed_gets_no_baseline(world):
    late = factories.learner(email="late@example.com")
    Membership.objects.create(cohort=world["cohort"], user=late, role=Role.LEARNER)
    Membership.objects.filter(user=late).update(joined_at=at(D(2026, 1, 26)))
    run(D(2026, 1, 26))
    assert asked(late) == []


def test_a_pulse_is_asked_after_the_last_module_and_closes_the_open_baseline(world):
    run(D(2026, 1, 2))
    first = ModulePage.objects.order_by("path").first()
    ModuleProgress.objects.create(user=world["ana"], module=first, completed_at=at(D(2026, 1, 9)))
    run(D(2026, 1, 9))
    assert [stage for stage, *_ in asked(world["ana"])] == ["baseline"]  # one module to go
    last = ModulePage.objects.order_by("path").last()
    ModuleProgress.objects.create(user=world["ana"], module=last, completed_at=at(D(2026, 1, 12)))
    run(D(2026, 1, 13))
    assert asked(world["ana"]) == [
        ("baseline", D(2026, 1, 2), D(2026, 1, 12)),  # closed when the next one was due
        ("after_course", D(2026, 1, 12), D(2026, 2, 2)),
    ]
    assert [stage for stage, *_ in asked(world["ben"])] == ["baseline"]


def test_pulses_are_asked_30_60_and_90_days_after_the_cohort_ends(world):
    for day, stage in [(D(2026, 3, 29), "day_30"), (D(2026, 4, 28), "day_60"),
                       (D(2026, 5, 28), "day_90")]:
        run(day - datetime.timedelta(days=1))
        assert stage not in [s for s, *_ in asked(world["ben"])]
        run(day)
        assert (stage, day, day + datetime.timedelta(days=21)) in asked(world["ben"])
    assert asked(world["tara"]) == [] and asked(world["eve"]) == []


def test_a_pulse_is_still_asked_when_the_command_missed_its_day_but_not_after_its_window(
    world,
):
    run(D(2026, 4, 2))  # day 30 was due on 29 March
    assert ("day_30", D(2026, 3, 29), D(2026, 4, 19)) in asked(world["ana"])
    run(D(2026, 6, 20))  # day 90 was due on 28 May and closed on 18 June
    assert "day_90" not in [stage for stage, *_ in asked(world["ana"])]


def test_a_learner_removed_from_the_cohort_is_asked_and_emailed_no_more(world):
    run(D(2026, 1, 2))
    Membership.objects.filter(user=world["ana"]).update(ended_at=at(D(2026, 1, 5)))
    mail.outbox.clear()
    run(D(2026, 1, 9))  # Ben gets his weekly reminder, Ana nothing
    run(D(2026, 3, 29))
    assert [m.to[0] for m in mail.outbox] == ["ben@example.com", "ben@example.com"]
    assert [stage for stage, *_ in asked(world["ana"])] == ["baseline"]


def test_a_bad_date_is_refused_with_a_clear_message(world):
    with pytest.raises(CommandError, match="not a date; use YYYY-MM-DD"):
        call_command("send_pulses", today="2026-13-01")
    assert Pulse.objects.count() == 0
