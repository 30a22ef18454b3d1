"""`manage.py make_bench_data`: the large dataset the benchmarks run against (make bench)."""

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from accounts.models import User
from demo.bench.dataset import make_bench_data
from demo.bench.sizes import PASSWORD, Sizes, learner_email, trainer_email


class Command(BaseCommand):
    """Fills its own database with the benchmark dataset and prints what the bench signs in as."""

    help = (
        "Fill an empty, migrated database with the benchmark dataset: one course of 12 modules "
        "(20 blocks each) and its community book; 50 organisations, 400 cohorts, 20,000 "
        "learners, 200,000 progress rows, 50,000 reports and 100,000 comments. Cohort 1 is the "
        "big one: 200 learners, 5,000 reports. Every bench account's password is "
        f"'{PASSWORD}'. The big cohort's trainer is {trainer_email(1)}, its learners "
        f"{learner_email(1)} to {learner_email(200)}; other learners go up to "
        f"{learner_email(20_000)}, other trainers to {trainer_email(100)}. Use its own "
        "database (DATABASE_URL): it refuses one that has users unless --force, and refuses to "
        "run with DEBUG off (known passwords) unless --yes-i-know."
    )

    def add_arguments(self, parser):
        """--force, --yes-i-know, --scale and --manifest."""
        parser.add_argument(
            "--force", action="store_true",
            help="Add the data even though the database already has users.",
        )
        parser.add_argument(
            "--yes-i-know", action="store_true",
            help="Run with DEBUG off, creating accounts with a well-known password.",
        )
        parser.add_argument(
            "--scale", type=float, default=1.0,
            help="Multiply every count but the course's by this (e.g. 0.05 for a quick try).",
        )
        parser.add_argument(
            "--manifest", type=Path,
            help="Write the URLs, ids and sign-ins the benchmarks use to this JSON file.",
        )

    def handle(self, *args, force=False, yes_i_know=False, scale=1.0, manifest=None, **options):
        """Refuse unsafe or occupied databases, build the data, print counts and sign-ins."""
        if not settings.DEBUG and not yes_i_know:
            raise CommandError(
                f"make_bench_data creates thousands of accounts with the password '{PASSWORD}'. "
                "Run it with DJANGO_DEBUG=1 on a database of its own, or pass --yes-i-know."
            )
        if User.objects.exists() and not force:
            raise CommandError(
                "This database already has users: make_bench_data belongs in a database of its "
                "own (set DATABASE_URL). Pass --force to add the data anyway."
            )
        if User.objects.filter(email=learner_email(1)).exists():
            raise CommandError("This database already holds the bench data.")
        if scale <= 0:
            raise CommandError("--scale must be above 0.")
        sizes = Sizes().scaled(scale) if scale != 1 else Sizes()
        database = settings.DATABASES["default"]
        self.stdout.write(
            f"Making bench data in {database['ENGINE'].rsplit('.', 1)[-1]} "
            f"database {database['NAME']}:"
        )
        started = time.perf_counter()
        result = make_bench_data(sizes, write=self.stdout.write)
        total = time.perf_counter() - started
        result["seconds"]["total"] = total
        counts = result["counts"]
        self.stdout.write(self.style.SUCCESS(f"Bench data is ready in {total:.1f} s:"))
        for name, count in counts.items():
            self.stdout.write(f"  {name:<20} {count:>9,}")
        self.stdout.write(
            f"Big cohort: {reverse('cohort_detail', args=[result['big_cohort_id']])} — trainer "
            f"{result['big_cohort_trainer']}, learners {result['big_cohort_learners'][0]} to "
            f"{result['big_cohort_learners'][-1]}; password {PASSWORD}."
        )
        self.stdout.write(f"Course: {result['course_url']}  Book: {result['book_url']}")
        if manifest:
            manifest.write_text(json.dumps(result, indent=2))
            self.stdout.write(f"Manifest written to {manifest}")
