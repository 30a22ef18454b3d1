"""Demo teach-back reports for `seed_demo`: varied, with comments and appreciations. Idempotent.

The stories and comments come from demo/content/report_stories.yaml.
"""

import random
import uuid
from datetime import timedelta

from django.utils import timezone

from cohorts.models import Membership, Role
from courses.models import Principle
from demo import loader
from reports.models import Appreciation, Comment, Status, TeachBackReport, Visibility


def story_report(story: dict, *, n: int, **fields) -> TeachBackReport:
    """An unsaved report telling one of the demo stories (demo/content/report_stories.yaml);
    `n` varies which optional answers it gives. The bench data builds its reports with it too."""
    return TeachBackReport(
        form_token=uuid.uuid4(),
        setting=story["setting"],
        audience_description=story["audience"],
        title=story.get("title", ""),
        language=story.get("language", "en"),
        what_happened=story["what_happened"],
        what_resonated=story["what_resonated"],
        what_was_hard="Keeping it short enough — people wanted to tell their own stories."
        if n % 3 == 0 else "",
        what_i_learned="Asking a question works better than giving a talk."
        if n % 2 == 0 else "",
        **fields,
    )


def seed_reports(*, cohort) -> None:
    """At least 30 reports across the cohort's learners, some drafts, some trainers-only."""
    if TeachBackReport.objects.filter(author__cohort=cohort).exists():
        return
    content = loader.load_report_stories()
    stories, comments = content["stories"], content["comments"]
    rng = random.Random(2026)  # noqa: S311 -- demo data, not security
    learners = list(Membership.objects.filter(cohort=cohort, role=Role.LEARNER))
    trainer = Membership.objects.filter(cohort=cohort, role=Role.TRAINER).first()
    principles = list(Principle.objects.filter(locale=cohort.course.locale_id))
    modules = list(cohort.course.modules())
    today = timezone.localdate()
    now = timezone.now()
    for n in range(34):
        story = stories[n % len(stories)]
        author = learners[(n * 7) % max(1, len(learners) - 3)]  # three have not taught yet
        taught_on = max(cohort.starts_on, today - timedelta(days=rng.randint(0, 27)))
        status = Status.DRAFT if n % 11 == 3 else Status.SUBMITTED
        report = story_report(
            story,
            n=n,
            author=author,
            taught_on=taught_on,
            audience_size=story["audience_size"] + rng.randint(0, 3),
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
        report.save()
        report.principles.set(rng.sample(principles, k=min(2, len(principles))))
        report.modules.set(rng.sample(modules, k=min(2, len(modules))))
        if status != Status.SUBMITTED:
            continue
        for k in range(n % 4):
            commenter = learners[(n + k + 1) % len(learners)]
            Comment.objects.create(
                report=report, author=commenter.user, body=comments[(n + k) % len(comments)]
            )
        for k in range(n % 5 + 1):
            Appreciation.objects.get_or_create(
                report=report, user=learners[(n + 2 * k + 3) % len(learners)].user
            )
