"""Bench pulse answers and customer results: every learner answers each pulse stage already
due for their cohort (about 24,000 answers in all, 200 in the big cohort's baseline), and every
organisation has two years of two customer measures at three sites. Bulk inserts."""

from datetime import date, datetime, timedelta
from datetime import time as clock

from django.utils import timezone

from cohorts.models import Cohort
from demo.bench.sizes import BATCH
from outcomes.models import CustomerImport, CustomerPoint
from pulse.models import Pulse, Stage
from pulse.schedule import closes_on, cohort_due_on

MEANS = [2.2, 2.8, 3.2, 3.6, 4.0, 4.4, 4.8]  # spread, so both engagement groups are large


def _due(cohort: Cohort, stage: Stage) -> date | None:
    if stage == Stage.BASELINE:
        return cohort.starts_on
    if stage == Stage.AFTER_COURSE:
        return cohort.ends_on
    return cohort_due_on(cohort, stage)


def build_pulse(cohorts: list[Cohort], members) -> int:
    """Answers to every stage due by today, from every learner; returns how many."""
    today = timezone.localdate()
    rows = []
    n = 0
    for c, group in enumerate(members):
        cohort = cohorts[c]
        for stage in Stage:
            due = _due(cohort, stage)
            if due is None or due > today:
                continue
            closes = closes_on(cohort, stage, due) or due + timedelta(days=1)
            answered = timezone.make_aware(datetime.combine(due, clock(12)))
            for membership in group:
                n += 1
                rows.append(Pulse(
                    cohort=cohort, membership=membership, stage=stage, due_on=due,
                    closes_on=closes, answered_at=answered, emails_sent=1, last_emailed_on=due,
                    mean_score=MEANS[(n * 3) % len(MEANS)],
                ))
    Pulse.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def build_customer_results(cohorts: list[Cohort]) -> int:
    """CSAT and NPS for each organisation, monthly at three sites for 24 months."""
    today = timezone.localdate().replace(day=1)
    organisation_ids = sorted({cohort.organisation_id for cohort in cohorts})
    imports = CustomerImport.objects.bulk_create(
        CustomerImport(organisation_id=pk, file_name="bench-customer-results.csv", rows=144)
        for pk in organisation_ids
    )
    points = []
    for o, made in enumerate(imports):
        for m in range(24):
            index = today.year * 12 + today.month - 1 - 24 + m
            month = date(index // 12, index % 12 + 1, 1)
            for site in range(3):
                points.append(CustomerPoint(
                    organisation_id=made.organisation_id, source=made, measured_on=month,
                    measure="CSAT", site=f"Site {site + 1}", value=70 + (o + m + site) % 20,
                ))
                points.append(CustomerPoint(
                    organisation_id=made.organisation_id, source=made, measured_on=month,
                    measure="NPS", site=f"Site {site + 1}", value=(o * 3 + m * 2 + site) % 50,
                ))
    CustomerPoint.objects.bulk_create(points, batch_size=BATCH)
    return len(points)
