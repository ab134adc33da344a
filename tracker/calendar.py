"""An office's deadlines as an iCalendar feed, for Outlook or Google Calendar."""

import datetime

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from responses.choices import SENT_STATUSES
from responses.models import Section55Response
from tracker.queries import tracker_rows


def deadlines_calendar(user, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Inspection findings tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Inspection deadlines")
    responses = (
        Section55Response.objects.visible_to(user)
        .exclude(status__in=SENT_STATUSES)
        .with_deadline_state()
        .select_related("inspection", "policing_body")
    )
    for response in responses:
        url = request.build_absolute_uri(reverse("responses:workspace", args=[response.pk]))
        if response.deadline_on:
            calendar.add_component(
                _event(
                    f"response-{response.pk}-deadline",
                    response.deadline_on,
                    f"Section 55 response due: {response.inspection.title}",
                    url,
                    response.deadline_rule,
                )
            )
        if response.chief_comments_due and not response.chief_comments_received:
            calendar.add_component(
                _event(
                    f"response-{response.pk}-chief",
                    response.chief_comments_due,
                    f"Chief constable’s comments due: {response.inspection.title}",
                    url,
                    "",
                )
            )
    dated = tracker_rows(user).filter(finding__due_date__isnull=False)
    seen = set()
    for row in dated:
        finding = row.finding
        if finding.pk in seen:
            continue
        seen.add(finding.pk)
        url = request.build_absolute_uri(
            reverse("tracker:inspection", args=[finding.inspection.slug]) + f"#finding-{finding.pk}"
        )
        calendar.add_component(
            _event(
                f"finding-{finding.pk}-due",
                finding.due_date,
                f"Recommendation due: {finding.inspection.title}",
                url,
                finding.text,
            )
        )
    return calendar.to_ical()


def _event(uid, day, summary, url, description):
    event = Event()
    event.add("uid", f"{uid}@{settings.CALENDAR_UID_DOMAIN}")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", day)  # an all-day event
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("url", url)
    event.add("description", f"{description}\n{url}".strip())
    return event


def revoke_feed_when_an_app_is_added(sender, user, **kwargs):
    """A feed address made with the password alone stops when the user adds an app."""
    from tracker.models import CalendarToken

    return CalendarToken.objects.filter(user=user).delete()[0] > 0
