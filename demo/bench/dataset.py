"""The benchmark dataset behind `manage.py make_bench_data` (see tests/benchmarks/): all of it,
in stages, each timed; returns the manifest (URLs, ids, sign-ins, counts) the bench reads."""

import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test.utils import override_settings

from courses.models import ModulePage
from demo.bench.activity import build_discussion, build_reports
from demo.bench.course import build_course
from demo.bench.people import build_cohorts, build_people, build_progress
from demo.bench.results import build_customer_results, build_pulse
from demo.bench.sizes import PASSWORD, Sizes, learner_email, trainer_email

# Publishing pages would queue PDF renders; the bench measures the first render itself.
NO_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@dataclass
class Timings:
    """Seconds per stage, printed as each stage ends."""

    write: object = print
    stages: dict = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str):
        """Time the `with` block; when it ends without an error, record and print its seconds."""
        started = time.perf_counter()
        yield
        seconds = time.perf_counter() - started
        self.stages[name] = seconds
        self.write(f"  {name:<28} {seconds:7.2f} s")


def analyze() -> None:
    """Give the query planner its statistics, as PostgreSQL's autovacuum does by itself after
    a bulk load. SQLite has none until ANALYZE runs: without them it reads a cohort's reports
    through the (status, submitted_at) index, all 50,000 of them, instead of by author."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


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
    """Everything after the course, in bulk inserts; returns the manifest."""
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
    with timings.stage("pulse and customer results"), transaction.atomic():
        pulse_answers = build_pulse(cohorts, members)
        customer_points = build_customer_results(cohorts)
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
            "pulse_answers": pulse_answers,
            "customer_points": customer_points,
            "modules": len(modules),
            "blocks_per_module": sizes.blocks_per_module,
        },
        "seconds": timings.stages,
    }
