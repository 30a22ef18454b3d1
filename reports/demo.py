"""Demo teach-back reports for `seed_demo`: varied, with comments and appreciations. Idempotent."""

import random
import uuid
from datetime import timedelta

from django.utils import timezone

from cohorts.models import Membership, Role
from courses.models import Principle
from reports.models import Appreciation, Comment, Setting, Status, TeachBackReport, Visibility

STORIES = [
    (Setting.HOME, "my two teenagers over Sunday dinner", 3,
     "I told them about the driver who took a stranger to the airport terminal and asked "
     "who had gone out of their way for them this month. My son talked about a bus driver "
     "who waited for him.", "The idea that helping is leadership, not just politeness."),
    (Setting.NEIGHBOURS, "five neighbours at our street's autumn clean-up", 5,
     "We used the ‘quiet helpers’ activity while we swept leaves. Everyone named someone on "
     "the street who does small things nobody thanks them for.", "Naming the quiet helpers."),
    (Setting.FAITH, "the welcome team at my congregation", 12,
     "I taught compassion — stop, listen, care — before our Sunday welcome shift. We "
     "practised noticing the person behind the question.", "Stop, listen, care."),
    (Setting.CLUB, "the under-12 football coaches", 6,
     "We talked about ownership: the small problems any of us can fix without asking whose "
     "job it is. One coach now carries spare boots.", "Owning the small things."),
    (Setting.VOLUNTEER, "volunteers at the food bank", 9,
     "The people, process and technology discussion turned into a plan to stop asking "
     "visitors the same questions twice.", "One record per visitor, asked once."),
    (Setting.SCHOOL, "a Year 9 class during careers week", 28,
     "I told the Amtrak keys story and asked what they would have done. The class argued "
     "happily about whether it was her job.", "That taking responsibility can be small."),
    (Setting.FRIENDS, "three old friends at a café", 3,
     "We each told the best service story we remember. All three were about a person, not "
     "an app.", "Service is personal."),
    (Setting.ONLINE, "my cousins on a video call", 7,
     "I shared the community book on screen and we did the reflection questions together.",
     "Everyone had a story about a helper."),
    (Setting.OTHER, "my choir before rehearsal", 18,
     "Ten minutes on contribution: what each of us adds that the others would miss.",
     "People liked being thanked by name."),
]
COMMENTS = [
    "This is lovely — I'm going to try the same question with my family.",
    "The food-bank idea is brilliant. Did the volunteers keep it up?",
    "Thank you for sharing. I struggled with the same thing.",
    "Great to see the keys story land with teenagers!",
    "I love that the coaches now carry spare boots.",
]


def seed_reports(*, cohort) -> None:
    """At least 30 reports across the cohort's learners, some drafts, some trainers-only."""
    if TeachBackReport.objects.filter(author__cohort=cohort).exists():
        return
    rng = random.Random(2026)  # noqa: S311 -- demo data, not security
    learners = list(Membership.objects.filter(cohort=cohort, role=Role.LEARNER))
    trainer = Membership.objects.filter(cohort=cohort, role=Role.TRAINER).first()
    principles = list(Principle.objects.all())
    modules = list(cohort.course.modules())
    today = timezone.localdate()
    now = timezone.now()
    for n in range(34):
        setting, audience, size, happened, resonated = STORIES[n % len(STORIES)]
        author = learners[(n * 7) % max(1, len(learners) - 3)]  # three have not taught yet
        taught_on = max(cohort.starts_on, today - timedelta(days=rng.randint(0, 27)))
        status = Status.DRAFT if n % 11 == 3 else Status.SUBMITTED
        report = TeachBackReport.objects.create(
            author=author,
            form_token=uuid.uuid4(),
            taught_on=taught_on,
            setting=setting,
            audience_size=size + rng.randint(0, 3),
            audience_description=audience,
            what_happened=happened,
            what_resonated=resonated,
            what_was_hard="Keeping it short enough — people wanted to tell their own stories."
            if n % 3 == 0 else "",
            what_i_learned="Asking a question works better than giving a talk."
            if n % 2 == 0 else "",
            visibility=Visibility.TRAINERS if n % 7 == 5 else Visibility.COHORT,
            status=status,
            submitted_at=now - timedelta(days=(today - taught_on).days, hours=n)
            if status == Status.SUBMITTED else None,
            share_at_next_session=n % 6 == 0,
            trainer_feedback="Beautifully told — please share this one at our next session."
            if n % 6 == 0 else "",
            feedback_by=trainer.user if trainer and n % 6 == 0 else None,
            feedback_at=now if n % 6 == 0 else None,
        )
        report.principles.set(rng.sample(principles, k=min(2, len(principles))))
        report.modules.set(rng.sample(modules, k=min(2, len(modules))))
        if status != Status.SUBMITTED:
            continue
        for k in range(n % 4):
            commenter = learners[(n + k + 1) % len(learners)]
            Comment.objects.create(
                report=report, author=commenter.user, body=COMMENTS[(n + k) % len(COMMENTS)]
            )
        for k in range(n % 5 + 1):
            Appreciation.objects.get_or_create(
                report=report, user=learners[(n + 2 * k + 3) % len(learners)].user
            )
