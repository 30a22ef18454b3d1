"""`manage.py send_pulses [--today YYYY-MM-DD]`: run once a day (cron). Asks the pulses that
fell due and emails invitations and weekly reminders. Running it twice on a day is harmless."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pulse.services import schedule_pulses, send_pulse_invitations


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today {text!r} is not a date; use YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Ask the engagement pulses due today and email invitations and weekly reminders."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="Run as if it were this day (YYYY-MM-DD); default today."
        )

    def handle(self, *args, today=None, **options):
        today = _day(today) if today else timezone.localdate()
        asked = schedule_pulses(today=today)
        sent = send_pulse_invitations(today=today)
        self.stdout.write(f"{today}: {len(asked)} pulse(s) asked, {sent} email(s) sent.")
