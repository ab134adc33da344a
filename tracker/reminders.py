"""Deadline reminders by email. Each reminder is sent once: a run records it before sending, in
the same transaction, so a repeated or overlapping run finds it recorded, and a failed send is
rolled back and retried by the next run. Thresholds are crossed, not matched: a run missed on the
14-day mark still reminds on day 12."""

import logging
import smtplib

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Membership
from responses.choices import SENT_STATUSES
from responses.deadlines import days_left
from responses.models import Section55Response
from tracker.choices import CHIEF_COMMENTS_DUE, DEADLINE_REMINDERS, ReminderKind
from tracker.models import ReminderSent

logger = logging.getLogger(__name__)


def due_reminders(response, sent_kinds, on=None):
    """(kind to send, [kinds it supersedes]) for one response, or None."""
    left = days_left(response.deadline, on)
    if left is None:
        return None
    crossed = [kind for kind, days in DEADLINE_REMINDERS if left <= days]
    if not crossed or crossed[-1] in sent_kinds:
        return None
    return crossed[-1], [kind for kind in crossed[:-1] if kind not in sent_kinds]


def chief_comments_due(response, sent_kinds, on=None):
    if CHIEF_COMMENTS_DUE in sent_kinds or response.chief_comments_received:
        return False
    left = days_left(response.chief_comments_due, on)
    return left is not None and left <= 1


def send_deadline_reminders(base_url, on=None, stdout=None):
    responses = (
        Section55Response.objects.exclude(status__in=SENT_STATUSES)
        .select_related("inspection", "policing_body")
        .prefetch_related("reminders")
    )
    recipients = _recipients()
    sent = 0
    for response in responses:
        sent_kinds = {reminder.kind for reminder in response.reminders.all()}
        emails = recipients.get(response.policing_body_id, [])
        due = due_reminders(response, sent_kinds, on)
        if due:
            kind, superseded = due
            sent += _send_once(response, kind, emails, base_url, superseded, on)
        if chief_comments_due(response, sent_kinds, on):
            sent += _send_once(response, CHIEF_COMMENTS_DUE, emails, base_url, [], on)
    if stdout:
        stdout.write(f"{sent} reminder{'s' if sent != 1 else ''} sent.")
    return sent


def _recipients():
    """{policing body id: [email, ...]} of active staff and managers with an address."""
    by_office = {}
    members = Membership.objects.filter(user__is_active=True).exclude(user__email="")
    for office_id, email in members.values_list("policing_body_id", "user__email"):
        by_office.setdefault(office_id, []).append(email)
    return by_office


def _send_once(response, kind, emails, base_url, superseded, on):
    try:
        with transaction.atomic():
            ReminderSent.objects.create(response=response, kind=kind, recipients=len(emails))
            for earlier in superseded:
                ReminderSent.objects.create(response=response, kind=earlier, superseded=True)
            if emails:
                subject, body = _message(response, kind, base_url, on)
                send_mail(subject, body, None, emails)
    except IntegrityError:
        return 0  # another run recorded it first
    except (OSError, smtplib.SMTPException):
        # Not recorded (rolled back), so the next run tries again; carry on with the others.
        logger.exception("Reminder %s for response %s not sent", kind, response.pk)
        return 0
    return 1


def _message(response, kind, base_url, on):
    title = response.inspection.title
    url = base_url.rstrip("/") + reverse("responses:workspace", args=[response.pk])
    if kind == CHIEF_COMMENTS_DUE:
        subject = f"Chief constable’s comments due: {title}"
        lead = (
            f"The chief constable’s comments on this report are due on "
            f"{response.chief_comments_due:%-d %B %Y} and have not been recorded as received."
        )
    elif kind == ReminderKind.OVERDUE:
        subject = f"Overdue Section 55 response: {title}"
        lead = f"The Section 55 response was due on {response.deadline:%-d %B %Y}."
    else:
        left = days_left(response.deadline, on)
        subject = f"Section 55 response due in {left} day{'s' if left != 1 else ''}: {title}"
        lead = f"The Section 55 response is due on {response.deadline:%-d %B %Y}."
    body = (
        f"{lead}\n\nOffice: {response.policing_body.name}\n"
        f"Status: {response.get_status_display()}\n\nOpen the response: {url}\n"
    )
    return subject, body
