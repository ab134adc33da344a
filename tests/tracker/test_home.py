"""The staff home page says what needs doing now: responses, and tracked findings that are
overdue, due soon or due a progress update, each count linking to the tracker list it counts."""

import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.urls import reverse

from forces.models import Body
from inspections.choices import FindingKind
from progress.services import Change, add_update
from tests.factories import FindingFactory, InspectionFactory, ResponseFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)


def listed(client, **query):
    """The tracker list's page of rows, rendered afresh (not from the fragment cache)."""
    for cache in ("fragments", "shared_fragments"):
        caches[cache].clear()
    return client.get(reverse("tracker:list"), query).context["page"]


def counted(client, **query):
    return listed(client, **query).paginator.count


def due_ids(client, inspection):
    page = listed(client, update_due="yes", inspection=inspection.pk)
    return {row.finding_id for row in page.object_list}


@time_machine.travel(NOW, tick=False)
def test_home_counts_the_findings_to_act_on_as_the_tracker_lists_them(world, as_user):
    norfolk = Body.objects.get(short_name="Norfolk")
    sent = ResponseFactory(
        inspection=InspectionFactory(publication_date=datetime.date(2026, 3, 2), bodies=[norfolk]),
        policing_body=world.norfolk,
        status="published",
        submitted_on=datetime.date(2026, 4, 20),
        published_on=datetime.date(2026, 4, 20),
    )
    stale = FindingFactory(inspection=sent.inspection, directed_at=[norfolk])
    fresh = FindingFactory(inspection=sent.inspection, directed_at=[norfolk])
    overdue = FindingFactory(
        inspection=sent.inspection,
        directed_at=[norfolk],
        kind=FindingKind.RECOMMENDATION,
        due_date=datetime.date(2026, 10, 1),
    )
    add_update(fresh, norfolk, world.users["own_staff"], Change(text="Done some", dated=NOW.date()))
    client = as_user("own_staff")
    home = client.get(reverse("home"))
    counts = home.context["finding_counts"]
    assert counts["overdue"] == counted(client, state="overdue") >= 1
    assert counts["due_soon"] == counted(client, state="due_soon")
    assert counts["update_due"] == counted(client, update_due="yes")
    due = due_ids(client, sent.inspection)
    assert stale.pk in due and overdue.pk in due and fresh.pk not in due
    html = home.content.decode()
    assert f'href="{reverse("tracker:list")}?update_due=yes"' in html
    assert overdue.label in html  # among the most urgent


@time_machine.travel(NOW, tick=False)
def test_an_update_older_than_the_interval_is_due_again(world, as_user, settings):
    settings.PROGRESS_UPDATE_DAYS = 30
    norfolk = Body.objects.get(short_name="Norfolk")
    sent = ResponseFactory(
        inspection=InspectionFactory(publication_date=datetime.date(2026, 3, 2), bodies=[norfolk]),
        policing_body=world.norfolk,
        status="submitted",
        submitted_on=datetime.date(2026, 4, 20),
    )
    finding = FindingFactory(inspection=sent.inspection, directed_at=[norfolk])
    with time_machine.travel(NOW - datetime.timedelta(days=31), tick=False):
        add_update(finding, norfolk, world.users["own_staff"], Change(text="Old", dated=NOW.date()))
    client = as_user("own_staff")
    assert finding.pk in due_ids(client, sent.inspection)
    settings.PROGRESS_UPDATE_DAYS = 32
    assert finding.pk not in due_ids(client, sent.inspection)


def test_an_administrator_home_has_no_office_findings(world, as_user):
    assert "finding_counts" not in as_user("admin").get(reverse("home")).context
