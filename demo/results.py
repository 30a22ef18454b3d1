"""Demo engagement pulse and customer results for `seed_demo`. Idempotent; all made up, and
labelled so on the pages that show it (the pilot cohort's name, the customer import's file).

- A finished pilot cohort of twelve people, ~200 days ago to ~130 days ago, so every pulse
  stage's window has closed: a believable rise from the baseline to 90 days after, some people
  more engaged than others, and teach-backs spread over the months after the course.
- The autumn demo cohort's baseline (its window closed a week ago): the later stages say "not
  enough answers yet", as they would.
- Twelve months of customer satisfaction (CSAT, two sites) and NPS for Northwind.
"""

import random
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from cohorts.models import Cohort, Membership, Role
from demo import loader
from demo.teach_back import story_report
from outcomes.models import CustomerImport, CustomerPoint
from pulse.models import DEFAULT_STATEMENTS, Pulse, PulseScore, Stage
from pulse.schedule import closes_on, cohort_due_on
from reports.models import Status, Visibility

PILOT_NAME = "Customer Focus — Spring pilot (demo data)"
DEMO_IMPORT = "demo-customer-results.csv (made-up demo data)"
PILOT_PEOPLE = [
    "Nadia Rahman", "Oscar Lind", "Priya Shah", "Quentin Moreau", "Rosa Alves", "Sami Virtanen",
    "Tomás Ruiz", "Uma Iyer", "Victor Osei", "Wen Li", "Yara Haddad", "Zoe Brennan",
]
# Each pilot person's mean at each stage (None: did not answer). The first seven end engaged.
PILOT_MEANS = [
    (3.2, 3.8, 4.0, 4.2, 4.4), (3.0, 3.6, 3.8, 4.0, 4.2), (3.4, 4.0, 4.2, 4.2, 4.6),
    (2.8, 3.4, 3.6, None, 4.0), (3.6, 4.0, 4.4, 4.4, 4.4), (3.0, 3.4, None, 4.0, 4.2),
    (3.2, 3.8, 4.0, 4.0, 4.0), (2.6, 3.0, 3.2, 3.0, 3.2), (3.0, 3.2, 3.4, 3.4, 3.6),
    (2.8, None, 3.0, 3.2, 3.4), (3.4, 3.4, 3.6, None, 3.8), (2.4, 2.8, None, 3.0, None),
]


def seed_results(*, course, trainer, admin, autumn: Cohort) -> Cohort:
    """The pilot cohort with its pulse and reports, the autumn baseline, and Northwind's
    customer series; returns the pilot cohort."""
    today = timezone.localdate()
    pilot, created = Cohort.objects.get_or_create(
        name=PILOT_NAME,
        organisation=autumn.organisation,
        defaults={
            "course": course,
            "starts_on": today - timedelta(days=200),
            "ends_on": today - timedelta(days=130),
            "archived": True,
            "teach_back_instructions": autumn.teach_back_instructions,
        },
    )
    if created:
        Membership.objects.create(cohort=pilot, user=trainer, role=Role.TRAINER)
        _seed_pilot(pilot)
    if not Pulse.objects.filter(cohort=autumn).exists():
        _seed_baseline(autumn)
    if not CustomerImport.objects.filter(organisation=autumn.organisation).exists():
        _seed_customer_results(autumn.organisation, admin=admin, today=today)
    return pilot


def _answer(membership, stage: Stage, mean: float, due: date, rng: random.Random) -> None:
    cohort = membership.cohort
    closes = closes_on(cohort, stage, due) or due + timedelta(days=1)
    answered = timezone.make_aware(datetime.combine(due + timedelta(days=rng.randint(0, 5)),
                                                    time(12)))
    scores = _scores(mean, rng)
    # update_or_create: the pulse app may already have scheduled this stage on joining.
    pulse, _ = Pulse.objects.update_or_create(
        membership=membership, stage=stage,
        defaults={
            "cohort": cohort, "due_on": due, "closes_on": closes, "emails_sent": 1,
            "last_emailed_on": due, "answered_at": answered,
            "mean_score": sum(scores) / len(scores),
        },
    )
    pulse.scores.all().delete()
    PulseScore.objects.bulk_create(
        PulseScore(pulse=pulse, statement_key=key, statement_text=str(text), score=score)
        for (key, text), score in zip(DEFAULT_STATEMENTS, scores, strict=True)
    )


def _scores(mean: float, rng: random.Random) -> list[int]:
    """Five 1–5 scores whose mean is `mean` (to the nearest fifth)."""
    total = round(mean * len(DEFAULT_STATEMENTS))
    scores = [total // len(DEFAULT_STATEMENTS)] * len(DEFAULT_STATEMENTS)
    for n in rng.sample(range(len(scores)), total % len(scores)):
        scores[n] += 1
    return [min(max(score, 1), 5) for score in scores]


def _seed_pilot(pilot: Cohort) -> None:
    rng = random.Random(16)  # noqa: S311 -- demo data, not security
    start = timezone.make_aware(datetime.combine(pilot.starts_on, time(9)))
    content = loader.load_report_stories()
    stories = content["stories"]
    modules = list(pilot.course.modules())
    for n, (name, means) in enumerate(zip(PILOT_PEOPLE, PILOT_MEANS, strict=True)):
        email = f"pilot{n + 1}@example.com"
        person, made = User.objects.get_or_create(email=email, defaults={"display_name": name})
        if made:
            person.set_unusable_password()  # pilot people never sign in to the demo
            person.save()
            EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
        # Straight into the table: the pilot is archived, so nobody may join it any more.
        membership, _ = Membership.objects.get_or_create(
            cohort=pilot, user=person, defaults={"role": Role.LEARNER}
        )
        Membership.objects.filter(pk=membership.pk).update(joined_at=start)
        membership.refresh_from_db()
        dues = [pilot.starts_on, pilot.ends_on - timedelta(days=n % 4)] + [
            cohort_due_on(pilot, stage) for stage in (Stage.DAY_30, Stage.DAY_60, Stage.DAY_90)
        ]
        for stage, mean, due in zip(Stage, means, dues, strict=True):
            if mean is not None:
                _answer(membership, stage, mean, due, rng)
        # The more engaged taught more often, from the end of the course to 90 days after; in
        # each group some did not teach (else the groups' figures would not be shown).
        for k in range(0 if n == 3 else 3 if n < 7 else 1 if n % 2 else 0):
            taught_on = pilot.ends_on + timedelta(days=rng.randint(-20, 90) + 10 * k)
            story = stories[(n + k) % len(stories)]
            report = story_report(
                story, n=n + k, author=membership, taught_on=taught_on,
                audience_size=story["audience_size"] + rng.randint(0, 4),
                visibility=Visibility.COHORT, status=Status.SUBMITTED,
                submitted_at=timezone.make_aware(datetime.combine(taught_on, time(19))),
            )
            report.save()
            report.modules.set(rng.sample(modules, k=min(2, len(modules))))


def _seed_baseline(autumn: Cohort) -> None:
    rng = random.Random(2026)  # noqa: S311 -- demo data, not security
    learners = Membership.objects.filter(cohort=autumn, role=Role.LEARNER).order_by("pk")
    for n, membership in enumerate(learners):
        if n % 5 != 4:  # a few never answered
            _answer(membership, Stage.BASELINE, rng.choice([2.8, 3.0, 3.2, 3.4, 3.6]),
                    autumn.starts_on, rng)


def _seed_customer_results(organisation, *, admin, today: date) -> None:
    """Twelve months up to last month: CSAT (%) at two sites, rising after the pilot, and NPS."""
    made = CustomerImport.objects.create(
        organisation=organisation, file_name=DEMO_IMPORT, rows=0, imported_by=admin
    )
    first = _add_months(today.replace(day=1), -12)
    points = []
    for n in range(12):
        month = _add_months(first, n)
        lift = 6 * min(max(n - 3, 0), 6) / 6  # the months after the pilot ended
        for site, offset in (("Airport desk", -2.0), ("Call centre", 1.5)):
            points.append(CustomerPoint(
                organisation=organisation, source=made, measured_on=month, measure="CSAT (%)",
                site=site, value=round(78 + offset + lift + (n % 3 - 1) * 0.8, 1),
            ))
        points.append(CustomerPoint(
            organisation=organisation, source=made, measured_on=month, measure="NPS",
            value=round(18 + 2.2 * lift + (n % 4 - 1.5), 0),
        ))
    CustomerPoint.objects.bulk_create(points)
    CustomerImport.objects.filter(pk=made.pk).update(rows=len(points))


def _add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
