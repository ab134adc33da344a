"""The history timeline shows who changed what, and when."""

import pytest
from django.urls import reverse

from responses.history import timeline
from responses.models import FindingResponse

pytestmark = pytest.mark.django_db


def test_timeline_shows_who_what_and_when(world, as_user):
    staff = as_user("own_staff")
    staff.post(
        reverse("responses:edit_letter", args=[world.draft.pk]),
        {"version": 1, "general_comment": "First words."},
    )
    staff.post(
        reverse("responses:edit_finding", args=[world.draft.pk, world.recommendation.pk]),
        {
            "version": 1,
            "office_comment": "On the recommendation.",
            "action": "taken",
            "action_explanation": "Done in October.",
        },
    )
    staff.post(reverse("responses:edit_checklist", args=[world.draft.pk]), {"panel_done": "on"})
    staff.post(
        reverse("responses:step", args=[world.draft.pk, "send_for_review"]),
        {"note": "Please review"},
    )
    manager = as_user("own_manager")
    manager.post(
        reverse("responses:edit_letter", args=[world.draft.pk]),
        {"version": 3, "general_comment": "Better words."},
    )

    events = timeline(world.draft)
    titles = [e.title for e in events]
    assert titles[0] == "Changed the response"
    assert "Status: Draft → In review" in titles
    assert "Wrote the response to recommendation" in titles
    assert "Ticked “Response forwarded to Police and Crime Panel”" in titles
    latest = events[0]
    assert latest.who == world.users["own_manager"]
    change = next(c for c in latest.changes if c.label == "General comment")
    assert (change.old, change.new) == ("First words.", "Better words.")
    step = next(e for e in events if e.title.startswith("Status"))
    assert step.who == world.users["own_staff"] and step.note == "Please review"

    html = manager.get(reverse("responses:history", args=[world.draft.pk])).content.decode()
    assert "Maya Manager" in html and "Nell Staff" in html
    assert "Better words." in html and "First words." in html
    assert "Please review" in html


def test_demo_response_history_needs_no_user(demo_data):
    from responses.models import Section55Response

    response = Section55Response.objects.get(inspection__slug="eastern-soc-2021-22")
    events = timeline(response)
    assert events and all(e.who is None for e in events)
    assert FindingResponse.objects.filter(response=response).count() == 6
