"""The world of the results tests: an organisation whose pilot cohort answered the pulse at
several stages and taught in the periods between, a one-person cohort beside it, and a
customer series. Every figure below is worked out by hand in the tests that use it.

Pilot (12 learners, p0..p11; started 5 Jan 2026, ended 27 Feb 2026):
  baseline      all 12 rate 3,3,3                         → 3.0 (12 people)
  after course  p0–p5 rate 4,4,4; p6–p11 rate 3,3,3       → 3.5 (12)
  30 days       p0–p3 rate 5,5,5 (4 people: not enough)   → none
  90 days       p0–p4 rate 5,5,4; p5–p9 rate 3,3,2        → 3.7 (10)
  latest counted answer: p0–p4 engaged (4.7); p5–p11 less engaged (2.7 or 3.0)
  reports: p0 on 17 Feb (4 people) and 8 May (3); p1 on 9 Mar (6); p5 on 8 Apr (10);
           p6 on 15 Sep (2, after day 90); p7 a draft (never counted)
Solo (1 learner, same organisation): baseline 1,1,1 — a group of one, never in a figure.
Customer CSV: CSAT Jan 80, Feb 86, Mar 83, May 84, Jun 88; NPS Jan 20, Feb 25.
"""

import datetime

from cohorts.models import Organisation
from outcomes.models import CustomerImport, CustomerPoint
from reports.models import Status
from tests import factories
from tests.pulse import world
from tests.pulse.world import ENDS, answer, learners_of


def build() -> dict:
    course = factories.course(modules=1)
    tara = factories.trainer(email="tara@example.com", display_name="Tara Trainer")
    pilot = world.cohort(course=course, learners=12, name="Pilot", trainers=[tara])
    solo = world.cohort(course=course, learners=1, name="Solo", trainers=[tara])
    p = learners_of(pilot)
    for member in p:
        answer(member, "baseline", [3, 3, 3])
    for n, member in enumerate(p):
        answer(member, "after_course", [4, 4, 4] if n < 6 else [3, 3, 3])
    for member in p[:4]:
        answer(member, "day_30", [5, 5, 5])
    for n, member in enumerate(p[:10]):
        answer(member, "day_90", [5, 5, 4] if n < 5 else [3, 3, 2])
    answer(learners_of(solo)[0], "baseline", [1, 1, 1])
    days = datetime.timedelta
    for member, when, audience in [
        (p[0], ENDS - days(10), 4), (p[0], ENDS + days(70), 3), (p[1], ENDS + days(10), 6),
        (p[5], ENDS + days(40), 10), (p[6], ENDS + days(200), 2),
    ]:
        factories.report(membership=member, taught_on=when, audience_size=audience)
    factories.report(membership=p[7], taught_on=ENDS, audience_size=50, status=Status.DRAFT)
    organisation = Organisation.objects.get(name="Acme")
    source = CustomerImport.objects.create(organisation=organisation, file_name="csat.csv", rows=7)
    CustomerPoint.objects.bulk_create(
        CustomerPoint(organisation=organisation, source=source, measure=measure,
                      measured_on=datetime.date(2026, month, 1), value=value)
        for measure, month, value in [
            ("CSAT", 1, 80), ("CSAT", 2, 86), ("CSAT", 3, 83), ("CSAT", 5, 84), ("CSAT", 6, 88),
            ("NPS", 1, 20), ("NPS", 2, 25),
        ]
    )
    return {"pilot": pilot, "solo": solo, "tara": tara, "organisation": organisation,
            "learners": p}
