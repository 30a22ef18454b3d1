"""Bench activity: teach-back reports with their modules and principles, comments and
appreciations, with the demo's report stories and comments (demo/content/)."""

from datetime import datetime, timedelta
from datetime import time as clock

from django.utils import timezone

from cohorts.models import Membership
from demo import loader
from demo.bench.sizes import BATCH, Sizes
from demo.teach_back import story_report
from reports.models import Appreciation, Comment, Status, TeachBackReport, Visibility


def _authors(sizes: Sizes, members) -> list[tuple[int, Membership]]:
    """(cohort index, author) of each report: the big cohort's first, then the others in turn."""
    big = [(0, m) for m in members[0]]
    others = [(c, m) for c, group in enumerate(members[1:], start=1) for m in group]
    authors = [big[k % len(big)] for k in range(min(sizes.big_cohort_reports, sizes.reports))]
    if others:
        authors += [others[k % len(others)] for k in range(sizes.reports - len(authors))]
    return authors


def build_reports(sizes: Sizes, cohorts, members, modules, principle_ids, trainers):
    """Reports (1 in 20 a draft, 1 in 10 for trainers only) with their modules and principles."""
    stories = loader.load_report_stories()["stories"]
    today = timezone.localdate()
    now = timezone.now()
    reports = []
    for k, (c, author) in enumerate(_authors(sizes, members)):
        story = stories[k % len(stories)]
        start = cohorts[c].starts_on
        span = max(1, (today - start).days)
        taught_on = start + timedelta(days=(k * 13) % span)
        draft = k % 20 == 7
        feedback = k % 9 == 0 and not draft
        reports.append(
            story_report(
                story, n=k, author=author, taught_on=taught_on,
                audience_size=story["audience_size"] + k % 4,
                visibility=Visibility.TRAINERS if k % 10 == 3 else Visibility.COHORT,
                status=Status.DRAFT if draft else Status.SUBMITTED,
                submitted_at=None if draft else timezone.make_aware(
                    datetime.combine(taught_on, clock(18))
                ) + timedelta(minutes=k % 600),
                share_at_next_session=k % 50 == 0,
                trainer_feedback="Thank you — please share this at our next session."
                if feedback else "",
                feedback_by_id=trainers[c % len(trainers)].pk if feedback else None,
                feedback_at=now if feedback else None,
            )
        )
    TeachBackReport.objects.bulk_create(reports, batch_size=BATCH)
    module_through = TeachBackReport.modules.through
    principle_through = TeachBackReport.principles.through
    principle_list = sorted(principle_ids)
    module_rows, principle_rows = [], []
    for k, report in enumerate(reports):
        for j in range(1 + k % 2):
            module_rows.append(module_through(
                teachbackreport_id=report.pk, modulepage_id=modules[(k + 5 * j) % len(modules)].pk
            ))
            principle_rows.append(principle_through(
                teachbackreport_id=report.pk,
                principle_id=principle_list[(k + 2 * j) % len(principle_list)],
            ))
    module_through.objects.bulk_create(module_rows, batch_size=BATCH)
    principle_through.objects.bulk_create(principle_rows, batch_size=BATCH)
    return reports


def build_discussion(sizes: Sizes, reports, members) -> tuple[int, int]:
    """Comments by cohort peers (two per submitted report on average) and appreciations."""
    texts = loader.load_report_stories()["comments"]
    submitted = [r for r in reports if r.status == Status.SUBMITTED]
    peers = {group[0].cohort_id: [m.user_id for m in group] for group in members if group}
    comments = []
    for k in range(sizes.comments):
        report = submitted[k % len(submitted)]
        people = peers[report.author.cohort_id]
        comments.append(Comment(
            report=report, author_id=people[(k * 31 + 1) % len(people)],
            body=texts[k % len(texts)], hidden=k % 50 == 49,
        ))
    Comment.objects.bulk_create(comments, batch_size=BATCH)
    appreciations = []
    for k, report in enumerate(submitted):
        people = peers[report.author.cohort_id]
        chosen = {people[(k + 3 * j) % len(people)] for j in range(k % 3)}
        appreciations += [Appreciation(report=report, user_id=user_id) for user_id in chosen]
    Appreciation.objects.bulk_create(appreciations, batch_size=BATCH)
    return len(comments), len(appreciations)
