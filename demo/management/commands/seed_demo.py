"""`manage.py seed_demo`: the demo site, accounts, course, cohort and reports. Idempotent."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.cohort import seed_cohort
from demo.course import seed_book, seed_course
from demo.people import DEMO_PASSWORD, demo_people, seed_accounts
from demo.progress import seed_progress
from demo.results import seed_results
from demo.teach_back import seed_reports
from demo.translation import seed_translations


class Command(BaseCommand):
    """Creates the demo data, or leaves it as it is when it is already there."""

    help = "Create Ripple's demo data (development only). Running it again changes nothing."

    def handle(self, *args, **options):
        """Refuse without DEBUG, seed everything in one transaction, print the sign-ins."""
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo sets well-known demo passwords, so it only runs with DJANGO_DEBUG=1."
            )
        with transaction.atomic():
            users = seed_accounts()
            cohort = self.seed_apps(users)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):")
        for email, name, group in demo_people():
            self.stdout.write(f"  {email:<24} {name} ({group or 'admin'})")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Demo cohort invite link: {base}{cohort.join_path}")

    def seed_apps(self, users):
        """The course, its book, their translations, progress, the cohort and its reports, the
        pulse and customer results, in dependency order; returns the demo cohort."""
        trainer = users["trainer@example.com"]
        course = seed_course(author=trainer, publisher=users["admin@example.com"])
        book = seed_book(course=course, author=trainer, publisher=users["admin@example.com"])
        seed_translations(
            course=course, book=book, author=trainer, publisher=users["admin@example.com"]
        )
        learners = [user for email, user in users.items() if email.startswith("learner")]
        seed_progress(course=course, learners=learners)
        cohort = seed_cohort(course=course, trainers=[trainer], learners=learners)
        seed_reports(cohort=cohort)
        seed_results(
            course=course, trainer=trainer, admin=users["admin@example.com"], autumn=cohort
        )
        return cohort
