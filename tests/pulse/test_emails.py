"""Pulse invitations and reminders: at most one pulse email a week, none once answered or
closed, a one-click unsubscribe that stops pulse emails only (pulse.services, pulse.emails)."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.models import User
from cohorts.models import Membership
from pulse.models import Pulse
from pulse.services import answer_pulse
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
JOINED = D(2026, 1, 2)


@pytest.fixture
def world():
    course = factories.course(modules=1)
    ana = factories.learner(email="ana@example.com", display_name="Ana")
    factories.cohort(
        course=course, name="Spring cohort", learners=[ana], starts_on=D(2026, 1, 5),
        ends_on=D(2026, 2, 27),
    )
    factories.cohort(
        course=course, name="Second cohort", learners=[ana], starts_on=D(2026, 1, 5),
        ends_on=D(2026, 3, 27),
    )
    Membership.objects.update(
        joined_at=timezone.make_aware(datetime.datetime.combine(JOINED, datetime.time(9)))
    )
    return ana


def run(day):
    call_command("send_pulses", today=day.isoformat(), stdout=io.StringIO())


def days_emailed(start, days) -> list[int]:
    """Run the daily command for `days` days from `start`; the day numbers an email went."""
    sent = []
    for n in range(days):
        before = len(mail.outbox)
        run(start + datetime.timedelta(days=n))
        sent += [n] * (len(mail.outbox) - before)
    return sent


def test_one_pulse_email_a_week_at_most_even_with_two_pulses_waiting(world):
    # Two baselines (two cohorts) open for 21 days: one email a week, never two in 7 days.
    assert days_emailed(JOINED, 25) == [0, 7, 14]
    subjects = [message.subject for message in mail.outbox]
    assert "Spring cohort" in subjects[0] and "Reminder" not in subjects[0]
    assert "Second cohort" in subjects[1] and "Reminder" not in subjects[1]
    assert "Reminder: your 1-minute pulse for Spring cohort" in subjects[2]


def test_reminders_stop_once_the_pulse_is_answered(world):
    run(JOINED)
    assert "Spring cohort" in mail.outbox[0].subject
    for pulse in Pulse.objects.all():
        answer_pulse(
            pulse=pulse, user=world, scores=dict.fromkeys(_keys(), 4),
            now=timezone.make_aware(datetime.datetime(2026, 1, 3, 12)),
        )
    assert days_emailed(JOINED + datetime.timedelta(days=1), 24) == []


def _keys():
    from pulse.models import DEFAULT_STATEMENTS

    return [key for key, _text in DEFAULT_STATEMENTS]


def test_reminders_stop_when_the_window_closes(world):
    Membership.objects.filter(cohort__name="Second cohort").delete()
    assert days_emailed(JOINED, 40) == [0, 7, 14]  # the baseline closes on day 21


def test_the_email_links_to_the_pulse_and_carries_one_click_unsubscribe_headers(world):
    run(JOINED)
    message = mail.outbox[0]
    pulse = Pulse.objects.get(cohort__name="Spring cohort")
    assert f"/pulse/{pulse.pk}/" in message.body
    assert "Answer (1 minute)" in message.body
    link = re.search(r"(http\S+/accounts/unsubscribe/\S+/)", message.body).group(1)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert f"/pulse/{pulse.pk}/" in html and link in html


def _unsubscribe_path():
    body = mail.outbox[0].body
    return re.search(r"http\S+?(/accounts/unsubscribe/\S+/)", body).group(1)


def test_a_mail_apps_one_click_post_stops_pulse_emails_only(world):
    run(JOINED)
    path = _unsubscribe_path()
    # A mail app posts "List-Unsubscribe=One-Click" with no cookie and no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        path, {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    ana = User.objects.get(pk=world.pk)
    assert not ana.email_on_pulse
    assert ana.email_on_replies and ana.email_on_new_reports
    assert days_emailed(JOINED + datetime.timedelta(days=1), 20) == []


def test_the_link_asks_once_then_one_click_on_its_button_unsubscribes(world, client):
    run(JOINED)
    path = _unsubscribe_path()
    page = client.get(path).content.decode()
    assert "engagement pulse" in page and 'type="submit"' in page
    assert User.objects.get(pk=world.pk).email_on_pulse  # a link scanner changes nothing
    client.post(path)
    assert not User.objects.get(pk=world.pk).email_on_pulse


def test_the_email_is_in_the_recipients_language(world, settings):
    settings.LANGUAGE_CODE = "es"  # a person without a language of their own gets the site's
    run(JOINED)
    message = mail.outbox[0]
    assert "Responder (1 minuto)" in message.body
    assert "Answer (1 minute)" not in message.body
