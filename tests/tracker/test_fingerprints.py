"""The fingerprints that cached dashboard and tracker fragments are keyed on: each input of the
figures moves them, text edits and other offices' work do not, and the pages show a change at
once."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forces.models import Body
from inspections.models import GradedJudgement
from progress.choices import ProgressStatus, Rag
from progress.services import Change, add_update
from responses.choices import ResponseStatus
from tests.factories import (
    FindingFactory,
    FindingResponseFactory,
    GradedJudgementFactory,
    ResponseFactory,
)
from tracker import fingerprints

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)


def office_moves(world, change):
    before = fingerprints.office_work(world.norfolk.pk)
    change()
    return fingerprints.office_work(world.norfolk.pk) != before


def reference_moves(change):
    before = fingerprints.reference()
    change()
    return fingerprints.reference() != before


def test_reference_data_changes_move_the_reference_fingerprint(world):
    norfolk = Body.objects.get(short_name="Norfolk")

    def publish_later():
        world.inspection.publication_date = datetime.date(2026, 10, 2)
        world.inspection.save()

    def regrade():
        judgement = GradedJudgement.objects.first()
        judgement.grade = "inadequate" if judgement.grade != "inadequate" else "good"
        judgement.save()

    def change_convention():
        world.norfolk.deadline_convention = (
            "statutory" if world.norfolk.deadline_convention != "statutory" else "after_publication"
        )
        world.norfolk.save()

    assert reference_moves(publish_later)
    assert reference_moves(lambda: FindingFactory(inspection=world.inspection))
    assert reference_moves(lambda: world.afi.directed_at.add(norfolk) or world.afi.save())
    assert reference_moves(regrade)
    assert reference_moves(lambda: GradedJudgementFactory(inspection=world.inspection))
    assert reference_moves(change_convention)
    assert not reference_moves(lambda: None)


def test_office_work_moves_the_office_fingerprint(world):
    norfolk_force = Body.objects.get(short_name="Norfolk")
    answer = FindingResponseFactory(
        response=world.draft, finding=world.afi, office_comment="", chief_constable_response=""
    )

    def write_first_text():
        answer.office_comment = "We accept this."
        answer.save()

    def edit_text():
        answer.office_comment = "We accept this, with thanks."
        answer.save()

    def submit():
        world.draft.status = ResponseStatus.IN_REVIEW
        world.draft.save()

    def progress(status):
        return lambda: add_update(
            world.afi,
            norfolk_force,
            world.users["own_staff"],
            Change(text="Update", dated=datetime.date(2026, 11, 20), status=status, rag=Rag.GREEN),
        )

    assert office_moves(world, write_first_text)  # the response is now "in progress"
    assert not office_moves(world, edit_text)  # no figure depends on the words
    assert office_moves(world, submit)
    assert office_moves(world, progress(ProgressStatus.BEING_PROGRESSED))  # a new record
    assert office_moves(world, progress(ProgressStatus.COMPLETE))  # the record changed
    assert office_moves(
        world, lambda: ResponseFactory(inspection=world.unstarted, policing_body=world.norfolk)
    )
    # Another office's work leaves Norfolk's fingerprint alone.
    assert not office_moves(
        world,
        lambda: FindingResponseFactory(
            response=world.suffolk_draft,
            finding=world.eastern.findings.first(),
            office_comment="Suffolk",
        ),
    )


def test_a_response_moves_it_when_its_figures_change_not_its_words(world):
    from responses.models import Section55Response

    draft = world.draft

    def write(field, text):
        def change():
            response = Section55Response.objects.get(pk=draft.pk)  # as a page would load it
            setattr(response, field, text)
            response.save()

        return change

    def submit_on(day):
        def change():
            response = Section55Response.objects.get(pk=draft.pk)
            response.status = ResponseStatus.SUBMITTED
            response.submitted_on = day
            response.save()

        return change

    assert not office_moves(world, write("key_findings", "A summary."))  # not read by figures
    assert office_moves(world, write("general_comment", "Our view."))  # now "in progress"
    assert not office_moves(world, write("general_comment", "Our considered view."))
    assert not office_moves(world, write("conclusion", "In sum."))  # already started
    assert office_moves(world, submit_on(datetime.date(2026, 11, 20)))
    assert office_moves(world, submit_on(datetime.date(2026, 11, 30)))  # on time to late
    # A save from a query that did not read the texts cannot tell: it counts as a change.
    partial = Section55Response.objects.only("pk", "key_findings").get(pk=draft.pk)
    partial.key_findings = "Shorter."
    assert office_moves(world, lambda: partial.save(update_fields=["key_findings"]))


def test_text_moving_from_one_response_to_another_moves_it(world):
    """Counting answered findings alone would miss one emptied and another filled."""
    other = ResponseFactory(inspection=world.unstarted, policing_body=world.norfolk)
    first = FindingResponseFactory(response=world.draft, finding=world.afi, office_comment="Yes")
    second = FindingResponseFactory(response=other, office_comment="")

    def move():
        first.office_comment = ""
        first.save()
        second.office_comment = "Yes"
        second.save()

    assert office_moves(world, move)


def counts(html):
    """The dashboard's figures as {link's query string: number}."""
    return {
        query: int(number)
        for query, number in re.findall(
            r'href="/[a-z/]*\?([^"]*)"><span class="app-state-counts__number">(\d+)</span>', html
        )
    }


@time_machine.travel(TODAY, tick=False)
def test_the_dashboard_shows_a_change_at_once(world, as_user):
    client = as_user("own_manager")
    norfolk_force = Body.objects.get(short_name="Norfolk")
    before = counts(client.get(reverse("tracker:dashboard")).content.decode())
    assert counts(client.get(reverse("tracker:dashboard")).content.decode()) == before  # reused
    add_update(
        world.afi,
        norfolk_force,
        world.users["own_staff"],
        Change(text="Done", dated=datetime.date(2026, 11, 20), status=ProgressStatus.COMPLETE),
    )
    after = counts(client.get(reverse("tracker:dashboard")).content.decode())
    assert after["progress=complete"] == before["progress=complete"] + 1
    # The next day the same data gives other states: the date is part of the key.
    with time_machine.travel(TODAY + datetime.timedelta(days=10), tick=False):
        client.force_login(world.users["own_manager"])  # the session has long expired
        later = counts(client.get(reverse("tracker:dashboard")).content.decode())
    assert later["deadline_state=overdue"] > after["deadline_state=overdue"]


@time_machine.travel(TODAY, tick=False)
def test_a_cached_dashboard_asks_only_for_the_fingerprints(world, as_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user("own_manager")
    client.get(reverse("tracker:dashboard"))
    with CaptureQueriesContext(connection) as cached:
        client.get(reverse("tracker:dashboard"))
    client.get(reverse("tracker:dashboard") + "?grid_year=x")  # another key: computed
    with CaptureQueriesContext(connection) as computed:
        client.get(reverse("tracker:dashboard") + "?grid_year=y")
    assert len(cached) < len(computed)
    assert not any("force_progress" in query["sql"] for query in cached.captured_queries)
    assert any("force_progress" in query["sql"] for query in computed.captured_queries)


@time_machine.travel(TODAY, tick=False)
def test_the_tracker_shows_a_change_at_once(world, as_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user("own_staff")
    url = reverse("tracker:list") + "?progress=complete"
    assert "No findings match your filters." in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    # Reused: the tracker's own query (its join to the progress records) is not run again.
    assert not any("force_progress" in query["sql"] for query in cached.captured_queries)
    add_update(
        world.afi,
        Body.objects.get(short_name="Norfolk"),
        world.users["own_staff"],
        Change(text="Done", dated=datetime.date(2026, 11, 20), status=ProgressStatus.COMPLETE),
    )
    html = client.get(url).content.decode()
    assert "1 finding</p>" in html and f"#finding-{world.afi.pk}" in html


@time_machine.travel(TODAY, tick=False)
def test_the_states_settings_are_part_of_the_key(world, as_user, settings):
    """A restart with another PROGRESS_UPDATE_DAYS or due-soon window must not be served the
    lists cached under the old one (the shared fragment table outlives restarts)."""
    client = as_user("own_staff")
    url = reverse("tracker:list")
    client.get(url, {"update_due": "yes"})
    settings.PROGRESS_UPDATE_DAYS = 100_000
    with CaptureQueriesContext(connection) as recomputed:
        client.get(url, {"update_due": "yes"})
    assert any("force_progress" in query["sql"] for query in recomputed.captured_queries)
    settings.SECTION55_DUE_SOON_DAYS = 0
    with CaptureQueriesContext(connection) as recomputed:
        client.get(url, {"update_due": "yes"})
    assert any("force_progress" in query["sql"] for query in recomputed.captured_queries)
