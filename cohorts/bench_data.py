"""The benchmark dataset behind `manage.py make_bench_data` (see tests/benchmarks/).

One course of 12 modules (20 blocks each) and its community book, built with Wagtail's page
API; then 50 organisations, 400 cohorts, 20,000 learners, 200,000 progress rows, 50,000
teach-back reports and 100,000 comments, written with bulk inserts. Cohort 1 is the big one:
200 learners and 5,000 reports. Everything is derived from counters, so two runs make the same
data (apart from join codes, tokens and timestamps).

Every bench account shares one password hash, computed once: hashing 20,000 passwords one by
one would take hours.
"""

import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import User
from accounts.roles import LEARNERS, TRAINERS
from cohorts.models import Cohort, Membership, Organisation, Role, TrainerEmails
from courses import demo_content
from courses.demo import seed_principles
from courses.models import CourseBookPage, CourseIndexPage, CoursePage, ModulePage, ModuleProgress
from courses.services import restrict_to_signed_in
from reports.demo import COMMENTS, STORIES
from reports.models import Appreciation, Comment, Status, TeachBackReport, Visibility

PASSWORD = "bench-pass"  # noqa: S105 -- documented bench sign-in; the command refuses prod
COURSE_SLUG = "bench-course"
BOOK_SLUG = "community-book"
BATCH = 2_000
# Publishing pages would queue PDF renders; the bench measures the first render itself.
NO_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

FIRST_NAMES = [
    "Amara", "Ben", "Chloé", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah", "Kemi",
    "Lucia", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoe",
]
LAST_NAMES = [
    "Okafor", "Carter", "Martin", "Patel", "Rossi", "Haddad", "Kim", "Silva", "Novak", "Weiss",
    "Adeyemi", "Gómez", "Rivera", "Larsen", "Nguyen", "Schmidt", "Costa", "Dubois", "Ito",
    "Kowalski", "Murphy", "Osei", "Berg",
]
SHARED_BLOCKS = {"text", "story", "principle", "reflection", "activity", "teach_it", "quote"}


@dataclass(frozen=True)
class Sizes:
    """How much data to make. `scaled` shrinks everything but the course (for quick tries)."""

    organisations: int = 50
    cohorts: int = 400
    learners: int = 20_000
    trainers: int = 100
    progress: int = 200_000
    reports: int = 50_000
    comments: int = 100_000
    big_cohort_learners: int = 200
    big_cohort_reports: int = 5_000
    modules: int = 12
    blocks_per_module: int = 20

    def scaled(self, factor: float) -> "Sizes":
        def n(value: int, least: int = 1) -> int:
            return max(least, round(value * factor))

        return Sizes(
            organisations=n(self.organisations), cohorts=n(self.cohorts, 2),
            learners=n(self.learners, 4), trainers=n(self.trainers),
            progress=n(self.progress), reports=n(self.reports, 2), comments=n(self.comments),
            big_cohort_learners=n(self.big_cohort_learners, 2),
            big_cohort_reports=n(self.big_cohort_reports),
            modules=self.modules, blocks_per_module=self.blocks_per_module,
        )


def learner_email(n: int) -> str:
    """The n-th bench learner (1-based); learners 1 to 200 are in the big cohort."""
    return f"bench-learner-{n:05d}@example.com"


def trainer_email(n: int) -> str:
    """The n-th bench trainer (1-based); trainer 1 runs the big cohort."""
    return f"bench-trainer-{n:03d}@example.com"


@dataclass
class Timings:
    """Seconds per stage, printed as each stage ends."""

    write: object = print
    stages: dict = field(default_factory=dict)

    def stage(self, name: str):
        timings = self

        class Stage:
            def __enter__(self):
                self.started = time.perf_counter()

            def __exit__(self, *exc):
                if exc[0] is None:
                    seconds = time.perf_counter() - self.started
                    timings.stages[name] = seconds
                    timings.write(f"  {name:<28} {seconds:7.2f} s")

        return Stage()


# Course -------------------------------------------------------------------------------------


def _principle_ids_in(stream: list, ids: dict[str, int]) -> list:
    """Demo content names principles by slug; stored blocks hold the snippet's id."""
    result = []
    for block in stream:
        value = block["value"]
        if block["type"] == "principle":
            value = {**value, "principle": ids[value["principle"]]}
        elif block["type"] in ("workplace_only", "community_only"):
            value = _principle_ids_in(value, ids)
        result.append({"type": block["type"], "value": value})
    return result


def module_body(n: int, *, blocks: int, principle_ids: dict[str, int]) -> list:
    """Module n's body: the demo module it retells, topped up with shared blocks of the others
    (or cut) to exactly `blocks` top-level blocks, wrappers included."""
    sources = demo_content.MODULES
    body = list(sources[n % len(sources)]["body"])
    extra = [
        block
        for other in sources[n % len(sources) + 1:] + sources[: n % len(sources)]
        for block in other["body"]
        if block["type"] in SHARED_BLOCKS
    ]
    while len(body) < blocks:
        body.append(extra[len(body) % len(extra)])
    return _principle_ids_in(body[:blocks], principle_ids)


def build_course(sizes: Sizes) -> tuple[CoursePage, list[ModulePage], CourseBookPage]:
    """The bench course, its modules and its community book, published (no PDF rendered)."""
    principles = seed_principles()
    ids = {slug: principle.pk for slug, principle in principles.items()}
    data = demo_content.COURSE
    course = CoursePage(
        title="Customer Focus at Scale", slug=COURSE_SLUG, intro=data["intro"],
        audience=data["audience"], learning_outcomes="\n".join(data["learning_outcomes"]),
    )
    CourseIndexPage.objects.get(slug="courses").add_child(instance=course)
    course.save_revision().publish()
    restrict_to_signed_in(page=course)
    modules = []
    for n in range(sizes.modules):
        source = demo_content.MODULES[n % len(demo_content.MODULES)]
        module = ModulePage(
            title=f"{n + 1}. {source['title']}", slug=f"module-{n + 1:02d}-{source['slug']}",
            summary=source["summary"], minutes=source["minutes"],
            community_title=source["community_title"],
            community_summary=source["community_summary"],
            body=module_body(n, blocks=sizes.blocks_per_module, principle_ids=ids),
        )
        course.add_child(instance=module)
        module.principles.set([principles[slug] for slug in source["principles"]])
        module.save_revision().publish()
        modules.append(module)
    book_data = demo_content.BOOK
    book = CourseBookPage(
        title=book_data["title"], slug=BOOK_SLUG, subtitle=book_data["subtitle"],
        author="The Ripple trainers", foreword=book_data["foreword"],
        credits=book_data["credits"],
    )
    course.add_child(instance=book)
    book.save_revision().publish()
    return course, modules, book


# People and cohorts -------------------------------------------------------------------------


def _name(n: int) -> str:
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[(n * 7) % len(LAST_NAMES)]}"


def build_people(sizes: Sizes) -> tuple[list[User], list[User]]:
    """Learners and trainers with verified addresses, in their site-wide groups."""
    password = make_password(PASSWORD)  # once: every bench account shares it
    now = timezone.now()
    learners = [
        User(email=learner_email(n), display_name=_name(n), password=password, date_joined=now)
        for n in range(1, sizes.learners + 1)
    ]
    trainers = [
        User(email=trainer_email(n), display_name=f"Trainer {_name(n * 3)}", password=password,
             date_joined=now)
        for n in range(1, sizes.trainers + 1)
    ]
    User.objects.bulk_create(learners + trainers, batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True)
         for u in learners + trainers],
        batch_size=BATCH,
    )
    through = User.groups.through
    for name, people in ((LEARNERS, learners), (TRAINERS, trainers)):
        group = Group.objects.get_or_create(name=name)[0]
        through.objects.bulk_create(
            [through(user_id=u.pk, group_id=group.pk) for u in people], batch_size=BATCH
        )
    return learners, trainers


def cohort_start(c: int, today: date) -> date:
    """Cohort c (0-based) began between 8 and 53 weeks ago; the big cohort 30 weeks ago."""
    return today - timedelta(weeks=30 if c == 0 else 8 + (c * 11) % 46)


def build_cohorts(sizes: Sizes, course: CoursePage, learners: list[User], trainers: list[User]):
    """Organisations, cohorts and memberships. Returns (cohorts, members per cohort index)."""
    today = timezone.localdate()
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Bench Organisation {n:02d}")
         for n in range(1, sizes.organisations + 1)]
    )
    cohorts = Cohort.objects.bulk_create(
        [
            Cohort(
                course=course,
                organisation=organisations[c % len(organisations)],
                name=(
                    f"Bench cohort {c + 1:03d}"
                    + (f" ({sizes.big_cohort_learners} learners)" if c == 0 else "")
                ),
                starts_on=cohort_start(c, today),
                ends_on=cohort_start(c, today) + timedelta(weeks=40),
                teach_back_instructions="Teach one principle at home or in your community.",
                teach_back_due_on=cohort_start(c, today) + timedelta(weeks=6),
                # Trainers of busy cohorts choose the digest; the big one mails on each report.
                trainer_emails=TrainerEmails.EACH_REPORT if c % 4 else TrainerEmails.DAILY_DIGEST,
            )
            for c in range(sizes.cohorts)
        ],
        batch_size=BATCH,
    )
    cohorts[0].trainer_emails = TrainerEmails.EACH_REPORT
    Cohort.objects.filter(pk=cohorts[0].pk).update(trainer_emails=TrainerEmails.EACH_REPORT)
    big = sizes.big_cohort_learners
    rest = len(learners) - big
    members: list[list[Membership]] = [[] for _ in cohorts]
    for n, learner in enumerate(learners):
        c = 0 if n < big else 1 + (n - big) * (len(cohorts) - 1) // rest
        members[c].append(Membership(cohort=cohorts[c], user=learner, role=Role.LEARNER))
    trainer_rows = [
        Membership(cohort=cohort, user=trainers[c % len(trainers)], role=Role.TRAINER)
        for c, cohort in enumerate(cohorts)
    ]
    Membership.objects.bulk_create(
        [m for group in members for m in group] + trainer_rows, batch_size=BATCH
    )
    for cohort in cohorts:  # people joined when their cohort began
        joined = timezone.make_aware(datetime.combine(cohort.starts_on, clock(9)))
        Membership.objects.filter(cohort=cohort).update(joined_at=joined)
    return cohorts, members


def build_progress(sizes: Sizes, modules: list[ModulePage], cohorts, members) -> int:
    """Completions: two learners in three finished the course, the others half of it."""
    rows = []
    pattern = [len(modules)] * 4 + [len(modules) // 2] * 2
    n = 0
    for c, group in enumerate(members):
        start = timezone.make_aware(datetime.combine(cohorts[c].starts_on, clock(10)))
        for membership in group:
            done = pattern[n % len(pattern)]
            rows += [
                ModuleProgress(
                    user_id=membership.user_id, module=module,
                    completed_at=start + timedelta(days=3 * k, hours=n % 9),
                )
                for k, module in enumerate(modules[:done])
            ]
            n += 1
    rows = rows[: sizes.progress]
    ModuleProgress.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


# Reports ------------------------------------------------------------------------------------


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
    today = timezone.localdate()
    now = timezone.now()
    reports = []
    for k, (c, author) in enumerate(_authors(sizes, members)):
        setting, audience, size, happened, resonated = STORIES[k % len(STORIES)]
        start = cohorts[c].starts_on
        span = max(1, (today - start).days)
        taught_on = start + timedelta(days=(k * 13) % span)
        draft = k % 20 == 7
        feedback = k % 9 == 0 and not draft
        reports.append(
            TeachBackReport(
                author=author, form_token=uuid.uuid4(), taught_on=taught_on, setting=setting,
                audience_size=size + k % 4, audience_description=audience,
                what_happened=happened, what_resonated=resonated,
                what_was_hard="Keeping it short — people wanted to tell their own stories."
                if k % 3 == 0 else "",
                what_i_learned="Asking a question works better than giving a talk."
                if k % 2 == 0 else "",
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
    submitted = [r for r in reports if r.status == Status.SUBMITTED]
    peers = {group[0].cohort_id: [m.user_id for m in group] for group in members if group}
    comments = []
    for k in range(sizes.comments):
        report = submitted[k % len(submitted)]
        people = peers[report.author.cohort_id]
        comments.append(Comment(
            report=report, author_id=people[(k * 31 + 1) % len(people)],
            body=COMMENTS[k % len(COMMENTS)], hidden=k % 50 == 49,
        ))
    Comment.objects.bulk_create(comments, batch_size=BATCH)
    appreciations = []
    for k, report in enumerate(submitted):
        people = peers[report.author.cohort_id]
        chosen = {people[(k + 3 * j) % len(people)] for j in range(k % 3)}
        appreciations += [Appreciation(report=report, user_id=user_id) for user_id in chosen]
    Appreciation.objects.bulk_create(appreciations, batch_size=BATCH)
    return len(comments), len(appreciations)


def analyze() -> None:
    """Give the query planner its statistics, as PostgreSQL's autovacuum does by itself after
    a bulk load. SQLite has none until ANALYZE runs: without them it reads a cohort's reports
    through the (status, submitted_at) index, all 50,000 of them, instead of by author."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# All of it -----------------------------------------------------------------------------------


def make_bench_data(sizes: Sizes, *, write=print) -> dict:
    """Build the whole dataset; returns a manifest: the URLs and sign-ins the bench uses."""
    timings = Timings(write=write)
    with (
        timings.stage("course, 12 modules, book"),
        override_settings(TASKS=NO_TASKS),
        transaction.atomic(),
    ):
        course, modules, book = build_course(sizes)
    # With DEBUG on, Django formats each bulk insert's SQL for its query log: a third of the time.
    with override_settings(DEBUG=False):
        return _bulk_data(sizes, timings, course, modules, book)


def _bulk_data(sizes: Sizes, timings: Timings, course, modules, book) -> dict:
    with timings.stage("people"), transaction.atomic():
        learners, trainers = build_people(sizes)
    with timings.stage("organisations and cohorts"), transaction.atomic():
        cohorts, members = build_cohorts(sizes, course, learners, trainers)
    with timings.stage("progress"), transaction.atomic():
        progress = build_progress(sizes, modules, cohorts, members)
    with timings.stage("reports"), transaction.atomic():
        principle_ids = set(
            ModulePage.principles.through.objects.values_list("principle_id", flat=True)
        )
        reports = build_reports(sizes, cohorts, members, modules, principle_ids, trainers)
    with timings.stage("comments and appreciations"), transaction.atomic():
        comments, appreciations = build_discussion(sizes, reports, members)
    with timings.stage("planner statistics"):
        analyze()
    big = cohorts[0]
    return {
        "password": PASSWORD,
        "course_url": course.url,
        "module_url": modules[len(modules) // 2].url,
        "book_url": book.url,
        "book_id": book.pk,
        "module_slugs": [module.slug for module in modules],
        "big_cohort_id": big.pk,
        "big_cohort_trainer": trainer_email(1),
        "big_cohort_learners": [learner_email(n) for n in range(1, len(members[0]) + 1)],
        "counts": {
            "organisations": sizes.organisations,
            "cohorts": len(cohorts),
            "learners": len(learners),
            "trainers": len(trainers),
            "progress": progress,
            "reports": len(reports),
            "big_cohort_reports": sum(1 for r in reports if r.author.cohort_id == big.pk),
            "comments": comments,
            "appreciations": appreciations,
            "modules": len(modules),
            "blocks_per_module": sizes.blocks_per_module,
        },
        "seconds": timings.stages,
    }
