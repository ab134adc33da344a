"""Reminders go out once each, whether runs are missed, repeated or overlap."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from responses.choices import SENT_STATUSES
from responses.models import Section55Response
from tests.factories import InspectionFactory, MembershipFactory, ResponseFactory
from tracker.models import ReminderSent

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2026, 10, 1)  # Norfolk's deadline: 26 November 2026


def run(day):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(7)), tick=False):
        mail.outbox.clear()
        call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        return [m.subject for m in mail.outbox]


@pytest.fixture
def response(world):
    MembershipFactory(policing_body=world.norfolk, user__email="third@example.org")
    # Only this test's response is open, so every email is about it.
    Section55Response.objects.exclude(status__in=SENT_STATUSES).update(
        status="submitted", submitted_on=datetime.date(2026, 1, 1)
    )
    return ResponseFactory(
        inspection=InspectionFactory(publication_date=PUBLISHED, title="Vetting"),
        policing_body=world.norfolk,
    )


def test_each_threshold_once_in_order(response, world):
    assert run(datetime.date(2026, 11, 11)) == []  # 15 days left
    assert run(datetime.date(2026, 11, 12)) == ["Section 55 response due in 14 days: Vetting"]
    assert run(datetime.date(2026, 11, 12)) == []  # repeated run
    assert run(datetime.date(2026, 11, 13)) == []
    assert run(datetime.date(2026, 11, 19)) == ["Section 55 response due in 7 days: Vetting"]
    assert run(datetime.date(2026, 11, 25)) == ["Section 55 response due in 1 day: Vetting"]
    assert run(datetime.date(2026, 11, 26)) == []  # the last day
    assert run(datetime.date(2026, 11, 27)) == ["Overdue Section 55 response: Vetting"]
    assert run(datetime.date(2026, 12, 27)) == []


def test_recipients_are_the_offices_staff_and_managers(response, world):
    with time_machine.travel(datetime.datetime(2026, 11, 12, 7), tick=False):
        mail.outbox.clear()
        call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    recipients = set(world.norfolk.memberships.values_list("user__email", flat=True)) - {""}
    assert set(mail.outbox[0].to) == recipients
    assert len(recipients) >= 3
    assert ReminderSent.objects.get(response=response, kind="days_14").recipients == 3
    assert not world.suffolk.memberships.filter(user__email__in=recipients).exists()


def test_a_missed_run_sends_the_most_urgent_and_records_the_rest(response):
    assert run(datetime.date(2026, 11, 20)) == ["Section 55 response due in 6 days: Vetting"]
    kinds = dict(ReminderSent.objects.filter(response=response).values_list("kind", "superseded"))
    assert kinds == {"days_7": False, "days_14": True}
    assert run(datetime.date(2026, 11, 21)) == []


def test_nothing_for_submitted_responses(response):
    response.status, response.submitted_on = "submitted", datetime.date(2026, 11, 1)
    response.save()
    assert run(datetime.date(2026, 11, 27)) == []


def test_chief_constables_comments_due(response):
    response.chief_comments_due = datetime.date(2026, 10, 20)
    response.save()
    assert run(datetime.date(2026, 10, 18)) == []
    assert run(datetime.date(2026, 10, 19)) == ["Chief constable’s comments due: Vetting"]
    assert run(datetime.date(2026, 10, 25)) == []
    response.chief_comments_received = datetime.date(2026, 10, 21)
    response.save()
    assert run(datetime.date(2026, 10, 26)) == []


def test_email_links_to_the_response(response, settings):
    settings.SITE_URL = "https://tracker.example.org"
    run(datetime.date(2026, 11, 12))
    body = mail.outbox[0].body
    assert f"https://tracker.example.org/responses/{response.pk}/" in body
    assert "due on 26 November 2026" in body


def test_a_failed_send_is_retried_next_run(response, monkeypatch):
    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server away")

    monkeypatch.setattr("tracker.reminders.send_mail", broken)
    assert run(datetime.date(2026, 11, 12)) == []
    assert not ReminderSent.objects.filter(response=response).exists()
    monkeypatch.undo()
    assert run(datetime.date(2026, 11, 13)) == ["Section 55 response due in 13 days: Vetting"]


def test_concurrent_runs_cannot_both_send(response):
    """A second run that read the state before the first recorded its reminder loses the race at
    the unique constraint, and sends nothing."""
    from tracker.reminders import _send_once

    with time_machine.travel(datetime.datetime(2026, 11, 12, 7), tick=False):
        mail.outbox.clear()
        first = _send_once(response, "days_14", ["a@example.org"], "http://x", [], None)
        second = _send_once(response, "days_14", ["a@example.org"], "http://x", [], None)
    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1
