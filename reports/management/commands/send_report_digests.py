"""`manage.py send_report_digests`: run daily (cron) for cohorts whose trainers chose a digest."""

from django.core.management.base import BaseCommand

from reports.services import send_daily_digests


class Command(BaseCommand):
    help = "Email trainers of daily-digest cohorts the reports submitted in the last 24 hours."

    def handle(self, *args, **options):
        count = send_daily_digests()
        self.stdout.write(f"Digests queued for {count} cohort(s).")
