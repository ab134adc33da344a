"""The tracker rows, their deadline states, the dashboard and the filtered lists it links to."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from forces.models import Body
from responses.deadlines import FindingState, finding_state
from responses.models import Section55Response
from tests.factories import FindingFactory, InspectionFactory, ResponseFactory
from tracker.queries import tracker_rows

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)


@time_machine.travel(TODAY, tick=False)
def test_rows_are_findings_per_force_of_the_users_office(world):
    rows = tracker_rows(world.users["own_staff"])
    assert {row.body.short_name for row in rows} == {"Norfolk"}
    eastern = {row.finding.number for row in rows if row.finding.inspection_id == world.eastern.pk}
    assert eastern == {1, 2, 11, 12, 13, 14}
    suffolk = tracker_rows(world.users["other_staff"])
    assert {row.body.short_name for row in suffolk} == {"Suffolk"}
    assert tracker_rows(world.users["admin"]).count() > rows.count() + suffolk.count()


@time_machine.travel(TODAY, tick=False)
def test_deadlines_and_states(world):
    rows = {row.finding_id: row for row in tracker_rows(world.users["own_staff"])}
    # The recommendation's own date wins; 1 March 2027 is more than 14 days away.
    assert rows[world.recommendation.pk].deadline_on == datetime.date(2027, 3, 1)
    assert rows[world.recommendation.pk].state == FindingState.OPEN
    # The AFI awaits Norfolk's draft response: published 1 Oct 2026, +56 days (Norfolk's rule).
    assert rows[world.afi.pk].deadline_on == datetime.date(2026, 11, 26)
    assert rows[world.afi.pk].state == FindingState.DUE_SOON
    # Norfolk's eastern response was submitted: its AFIs no longer have a response deadline.
    afi_11 = world.eastern.findings.get(number=11)
    assert rows[afi_11.pk].deadline_on is None and rows[afi_11.pk].state == FindingState.OPEN
    # Python and SQL agree.
    for row in rows.values():
        assert row.state == finding_state(due_date=row.deadline_on)


@time_machine.travel(TODAY, tick=False)
def test_overdue_recommendations_and_old_unanswered_reports(world):
    cambs = tracker_rows(world.users["admin"]).filter(body__short_name="Cambridgeshire")
    states = {row.finding.kind: row.state for row in cambs}
    assert states["recommendation"] == FindingState.OVERDUE  # due 1 September 2023
    # The AFIs of a 2023 report Cambridgeshire never answered are history, not overdue.
    assert states["area_for_improvement"] == FindingState.OPEN


@time_machine.travel(TODAY, tick=False)
def test_a_recent_unanswered_report_counts_against_its_deadline(world):
    norfolk = Body.objects.get(short_name="Norfolk")
    inspection = InspectionFactory(publication_date=datetime.date(2026, 9, 1), bodies=[norfolk])
    finding = FindingFactory(inspection=inspection, directed_at=[norfolk])
    row = tracker_rows(world.users["own_staff"]).get(finding=finding)
    assert row.deadline_on == datetime.date(2026, 10, 27)  # 1 Sep + 56 (Norfolk)
    assert row.state == FindingState.OVERDUE
    assert not row.response_exists


@time_machine.travel(TODAY, tick=False)
def test_dashboard_counts_link_to_the_lists_they_count(world, as_user):
    ResponseFactory(
        inspection=InspectionFactory(publication_date=datetime.date(2026, 8, 1)),
        policing_body=world.norfolk,
    )  # overdue, not started
    client = as_user("own_manager")
    html = client.get(reverse("tracker:dashboard")).content.decode()
    responses = Section55Response.objects.filter(policing_body=world.norfolk).with_deadline_state()
    for state in ["overdue", "due_soon", "submitted_on_time"]:
        count = responses.filter(deadline_state=state).count()
        link = f'href="{reverse("tracker:responses")}?deadline_state={state}"'
        assert link in html
        listed = client.get(reverse("tracker:responses"), {"deadline_state": state})
        assert listed.context["page"].paginator.count == count
        assert f'<span class="app-state-counts__number">{count}</span>' in html
    for state in ["overdue", "due_soon", "open"]:
        link = f'href="{reverse("tracker:list")}?state={state}"'
        assert link in html
        listed = client.get(reverse("tracker:list"), {"state": state}).context["page"]
        rows = tracker_rows(world.users["own_manager"]).filter(state=state).count()
        assert listed.paginator.count == rows
    assert "Outstanding" in html and "PEEL 2021/22" in html  # the grade grid


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_counts_work_status_and_deadline_apart(world, as_user):
    """A response in review whose deadline is near is one "In review" and one "Due soon": work
    status and deadline state are two figures, not one (it read "0 in progress, 1 due soon")."""
    in_review = ResponseFactory(
        inspection=InspectionFactory(publication_date=TODAY - datetime.timedelta(days=50)),
        policing_body=world.suffolk,
        status="in_review",
    )
    context = as_user("admin").get(reverse("tracker:dashboard"), {"office": world.suffolk.pk})
    suffolk = Section55Response.objects.filter(policing_body=world.suffolk).with_deadline_state()
    assert suffolk.get(pk=in_review.pk).deadline_state == "due_soon"
    work = {row["state"]: row["count"] for row in context.context["work_states"]}
    deadline = {row["state"]: row["count"] for row in context.context["deadline_states"]}
    assert work["in_review"] == suffolk.filter(status="in_review").count() == 1
    assert deadline["due_soon"] == suffolk.filter(deadline_state="due_soon").count() == 1
    assert list(work) == [
        "draft", "awaiting_chief", "in_review", "approved", "submitted", "published"
    ]  # fmt: skip
    assert list(deadline) == [
        "overdue", "due_soon", "on_track", "submitted_late", "submitted_on_time"
    ]  # fmt: skip
    html = context.content.decode()
    assert "Where the work is" in html and "Against the deadline" in html
    assert "Awaiting the chief constable" in html  # the labels as written, not lower-cased


def test_on_track_lists_the_open_responses_not_yet_near_their_deadline(world, as_user):
    client = as_user("own_manager")
    listed = client.get(reverse("tracker:responses"), {"deadline_state": "on_track"})
    on_track = (
        Section55Response.objects.filter(policing_body=world.norfolk)
        .with_deadline_state()
        .filter(deadline_state__in=["not_started", "in_progress"])
    )
    assert listed.context["page"].paginator.count == on_track.count()


def test_dashboard_labels_are_written_for_people(world, as_user):
    html = as_user("own_manager").get(reverse("tracker:dashboard")).content.decode()
    assert "closed by hmicfrs" not in html and "Closed by HMICFRS" in html
    assert "an earlier report's." not in html
    assert re.search(r"finding(s repeat findings| repeats a finding) of an earlier report", html)


def test_dashboard_for_administrators_filters_by_office(world, as_user):
    client = as_user("admin")
    everything = client.get(reverse("tracker:dashboard")).context
    suffolk = client.get(reverse("tracker:dashboard"), {"office": world.suffolk.pk}).context
    assert suffolk["office"] == world.suffolk
    for figure in ["work_states", "deadline_states"]:  # each response counted once in each
        assert sum(r["count"] for r in suffolk[figure]) == 1
        total = sum(r["count"] for r in everything[figure])
        assert total == Section55Response.objects.count()
    assert (
        f"office={world.suffolk.pk}&amp;deadline_state="
        in client.get(reverse("tracker:dashboard"), {"office": world.suffolk.pk}).content.decode()
    )


def test_office_members_cannot_pick_another_office(world, as_user):
    context = (
        as_user("own_staff").get(reverse("tracker:dashboard"), {"office": world.suffolk.pk}).context
    )
    assert context["office"] == world.norfolk
    rows = as_user("own_staff").get(reverse("tracker:list"), {"office": world.suffolk.pk})
    assert {row.body.short_name for row in rows.context["page"]} == {"Norfolk"}


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("own_staff", 200),
        ("own_manager", 200),
        ("other_staff", 200),
        ("anonymous", 302),
    ],
)
def test_pages_need_sign_in(world, as_user, user, expected):
    for name in [
        "tracker:dashboard",
        "tracker:list",
        "tracker:responses",
        "tracker:account",
        "tracker:export_csv",
        "tracker:export_xlsx",
    ]:
        assert as_user(user).get(reverse(name)).status_code == expected, name


def test_grade_grid_switches_year(world, as_user):
    from tests.factories import GradedJudgementFactory

    norfolk = Body.objects.get(short_name="Norfolk")
    old = InspectionFactory(
        programme="peel",
        programme_year="2016",
        bodies=[norfolk],
        publication_date=datetime.date(2017, 3, 1),
    )
    GradedJudgementFactory(
        inspection=old,
        body=norfolk,
        question="Efficiency",
        scale="four_tier",
        grade="requires_improvement",
    )
    GradedJudgementFactory(
        inspection=old,
        body=norfolk,
        question="Legitimacy",
        scale="four_tier",
        grade="good",
    )
    suffolk = Body.objects.get(short_name="Suffolk")
    old.bodies.add(suffolk)
    GradedJudgementFactory(
        inspection=old, body=suffolk, question="Efficiency", scale="four_tier", grade="good"
    )
    html = as_user("own_manager").get(reverse("tracker:dashboard"), {"grid_year": "2016"}).content
    assert b"Efficiency" in html and b"Requires improvement" in html
    # Suffolk has no Legitimacy grade: its cell says so to screen readers.
    suffolk_row = html.decode().split(">Suffolk</th>")[1].split("</tr>")[0]
    assert suffolk_row.count("<td") == 2 and "Not graded" in suffolk_row


def test_a_user_with_no_office_gets_an_empty_tracker_not_an_error(world, client):
    """Signed in, but a member of no office (and not an administrator): nothing to list."""
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("nobody", password="x" * 20)
    client.force_login(nobody)
    page = client.get(reverse("tracker:list"), {"ordering": "deadline"})
    assert page.status_code == 200
    assert "No findings match your filters." in page.content.decode()
    assert client.get(reverse("tracker:export_csv")).status_code == 200


def test_most_urgent_first_puts_closed_findings_last(world, as_user):
    """Urgency ranks overdue, due soon, open; a closed finding came first (NULL sorts first)."""
    from progress.services import Change, add_update

    norfolk = Body.objects.get(short_name="Norfolk")
    add_update(
        world.afi,
        norfolk,
        world.users["own_staff"],
        Change(text="Done", dated=datetime.date(2026, 11, 20), status="complete"),
    )
    rows = list(as_user("own_staff").get(reverse("tracker:list")).context["page"].object_list)
    states = [row.state for row in rows]
    assert "closed" in states
    assert states.index("closed") > max(i for i, s in enumerate(states) if s != "closed")
