"""The Section 55 deadline rules: the date maths, and every state in Python and in SQL."""

import datetime

import pytest
import time_machine

from forces.choices import DeadlineConvention
from inspections.choices import DatePrecision
from responses.choices import ResponseStatus
from responses.deadlines import (
    FindingState,
    ResponseState,
    days_left,
    explain_rule,
    finding_state,
    response_state,
    section55_deadline,
)
from responses.models import Section55Response
from tests.factories import (
    FindingFactory,
    FindingResponseFactory,
    InspectionFactory,
    PolicingBodyFactory,
    ResponseFactory,
)

D = datetime.date
PUBLISHED = D(2023, 5, 19)  # the eastern SOC report


def test_statutory_deadline_counts_publication_day_as_day_one():
    assert section55_deadline(PUBLISHED, DeadlineConvention.STATUTORY) == D(2023, 7, 13)


def test_office_convention_counts_56_days_after_publication():
    # The seed response states 14 July 2023 for this report.
    assert section55_deadline(PUBLISHED, DeadlineConvention.AFTER_PUBLICATION) == D(2023, 7, 14)


def test_statutory_is_the_default():
    assert section55_deadline(PUBLISHED) == D(2023, 7, 13)


def test_no_publication_date_means_no_deadline():
    assert section55_deadline(None) is None
    assert days_left(None) is None


def test_rule_explanations_name_the_rule():
    assert "beginning with the day" in explain_rule(DeadlineConvention.STATUTORY)
    assert "after" in explain_rule(DeadlineConvention.AFTER_PUBLICATION)


def test_days_left_is_zero_on_the_last_day_and_negative_after():
    deadline = D(2023, 7, 13)
    assert days_left(deadline, on=D(2023, 7, 13)) == 0
    assert days_left(deadline, on=D(2023, 7, 1)) == 12
    assert days_left(deadline, on=D(2023, 7, 14)) == -1


@time_machine.travel(datetime.datetime(2023, 6, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_days_left_defaults_to_today():
    assert days_left(D(2023, 6, 11)) == 10


# One row per state: (today, submitted_on, started, expected). Deadline 13 July 2023, due soon
# from 14 days before (29 June).
STATES = [
    (D(2023, 5, 20), None, False, ResponseState.NOT_STARTED),
    (D(2023, 5, 20), None, True, ResponseState.IN_PROGRESS),
    (D(2023, 6, 28), None, True, ResponseState.IN_PROGRESS),  # 15 days left
    (D(2023, 6, 29), None, True, ResponseState.DUE_SOON),  # 14 days left
    (D(2023, 6, 29), None, False, ResponseState.DUE_SOON),
    (D(2023, 7, 13), None, True, ResponseState.DUE_SOON),  # the last day
    (D(2023, 7, 14), None, True, ResponseState.OVERDUE),
    (D(2023, 7, 14), None, False, ResponseState.OVERDUE),
    (D(2023, 8, 1), D(2023, 7, 13), True, ResponseState.SUBMITTED_ON_TIME),
    (D(2023, 8, 1), D(2023, 7, 14), True, ResponseState.SUBMITTED_LATE),
]


@pytest.mark.parametrize(("today", "submitted_on", "started", "expected"), STATES)
def test_response_state(today, submitted_on, started, expected):
    state = response_state(
        deadline=D(2023, 7, 13), submitted_on=submitted_on, started=started, on=today
    )
    assert state == expected


def test_due_soon_window_follows_the_setting(settings):
    settings.SECTION55_DUE_SOON_DAYS = 7
    kwargs = {"deadline": D(2023, 7, 13), "submitted_on": None, "started": True}
    assert response_state(**kwargs, on=D(2023, 7, 5)) == ResponseState.IN_PROGRESS
    assert response_state(**kwargs, on=D(2023, 7, 6)) == ResponseState.DUE_SOON


def test_without_a_deadline_a_response_is_never_due_or_overdue():
    kwargs = {"deadline": None, "submitted_on": None, "on": D(2030, 1, 1)}
    assert response_state(**kwargs, started=False) == ResponseState.NOT_STARTED
    assert response_state(**kwargs, started=True) == ResponseState.IN_PROGRESS


def _make_response(
    *,
    status=ResponseStatus.DRAFT,
    submitted_on=None,
    started=False,
    started_by_finding=False,
    convention=DeadlineConvention.STATUTORY,
):
    inspection = InspectionFactory(publication_date=PUBLISHED)
    body = PolicingBodyFactory(deadline_convention=convention)
    response = ResponseFactory(
        inspection=inspection,
        policing_body=body,
        status=status,
        submitted_on=submitted_on,
        general_comment="Our view." if started else "",
    )
    finding = FindingFactory(inspection=inspection)
    FindingResponseFactory(
        response=response, finding=finding, office_comment="Noted." if started_by_finding else ""
    )
    return response


@pytest.mark.django_db
@pytest.mark.parametrize(("today", "submitted_on", "started", "expected"), STATES)
def test_annotation_matches_python(today, submitted_on, started, expected):
    status = ResponseStatus.SUBMITTED if submitted_on else ResponseStatus.DRAFT
    response = _make_response(status=status, submitted_on=submitted_on, started=started)
    with time_machine.travel(datetime.datetime.combine(today, datetime.time(12)), tick=False):
        annotated = Section55Response.objects.with_deadline_state().get(pk=response.pk)
        assert annotated.deadline_on == D(2023, 7, 13)
        assert annotated.deadline_state == expected
        assert response.compute_deadline_state() == expected
        # Filtering by the annotation finds it under that state only.
        mine = Section55Response.objects.filter(inspection=response.inspection)
        assert list(mine.with_deadline_state().filter(deadline_state=expected)) == [response]
        assert not mine.with_deadline_state().exclude(deadline_state=expected).exists()


@pytest.mark.django_db
def test_writing_on_a_finding_counts_as_started():
    response = _make_response(started_by_finding=True)
    on = D(2023, 5, 20)
    annotated = Section55Response.objects.with_deadline_state(on=on).get(pk=response.pk)
    assert annotated.has_started is True
    assert annotated.deadline_state == ResponseState.IN_PROGRESS
    assert response.compute_deadline_state(on=on) == ResponseState.IN_PROGRESS


@pytest.mark.django_db
@pytest.mark.parametrize(
    "written", [None, "chief_constable_response", "office_comment", "action_explanation"]
)
def test_answered_in_sql_and_in_python_agree(written):
    """The workspace judges "started" from the answers it has read (is_answered); lists and the
    fingerprints' index from ANSWERED. An action chosen without text is not an answer."""
    response = _make_response()
    answer = response.finding_responses.get()
    answer.action = "taken"
    if written:
        setattr(answer, written, "Some text.")
    answer.save()
    answered_in_sql = response.finding_responses.answered().exists()
    assert answered_in_sql is (written is not None)
    assert answer.is_answered is answered_in_sql
    on = D(2023, 5, 20)
    expected = ResponseState.IN_PROGRESS if written else ResponseState.NOT_STARTED
    assert response.compute_deadline_state(on=on, answers=[answer]) == expected
    assert response.compute_deadline_state(on=on) == expected


@pytest.mark.django_db
def test_leaving_draft_counts_as_started():
    response = _make_response(status=ResponseStatus.IN_REVIEW)
    on = D(2023, 5, 20)
    annotated = Section55Response.objects.with_deadline_state(on=on).get(pk=response.pk)
    assert (
        annotated.deadline_state
        == ResponseState.IN_PROGRESS
        == response.compute_deadline_state(on=on)
    )


@pytest.mark.django_db
def test_annotation_uses_each_offices_convention():
    statutory = _make_response()
    office = _make_response(convention=DeadlineConvention.AFTER_PUBLICATION)
    rows = Section55Response.objects.with_deadline_state().in_bulk([statutory.pk, office.pk])
    assert rows[statutory.pk].deadline_on == D(2023, 7, 13) == statutory.deadline
    assert rows[office.pk].deadline_on == D(2023, 7, 14) == office.deadline


@pytest.mark.django_db
def test_submitted_on_the_office_deadline_is_on_time_only_under_that_convention():
    late = _make_response(status=ResponseStatus.SUBMITTED, submitted_on=D(2023, 7, 14))
    on_time = _make_response(
        status=ResponseStatus.SUBMITTED,
        submitted_on=D(2023, 7, 14),
        convention=DeadlineConvention.AFTER_PUBLICATION,
    )
    rows = Section55Response.objects.with_deadline_state().in_bulk([late.pk, on_time.pk])
    assert rows[late.pk].deadline_state == ResponseState.SUBMITTED_LATE
    assert rows[on_time.pk].deadline_state == ResponseState.SUBMITTED_ON_TIME


@pytest.mark.django_db
def test_month_only_publication_gives_no_deadline():
    response = _make_response()
    response.inspection.publication_date_precision = DatePrecision.MONTH
    response.inspection.save()
    annotated = Section55Response.objects.with_deadline_state(on=D(2030, 1, 1)).get(pk=response.pk)
    assert annotated.deadline_on is None
    assert response.deadline is None
    assert annotated.deadline_state == ResponseState.NOT_STARTED


@pytest.mark.django_db
def test_sorting_by_deadline_state_and_deadline():
    early = _make_response()
    later = _make_response()
    later.inspection.publication_date = D(2023, 6, 1)
    later.inspection.save()
    mine = Section55Response.objects.filter(pk__in=[later.pk, early.pk])
    assert list(mine.with_deadline_state().order_by("deadline_on")) == [early, later]
    assert list(mine.with_deadline_state().order_by("-deadline_on")) == [later, early]


@pytest.mark.parametrize(
    ("today", "closed_on", "expected"),
    [
        (D(2023, 8, 1), None, FindingState.OPEN),
        (D(2023, 8, 18), None, FindingState.DUE_SOON),
        (D(2023, 9, 1), None, FindingState.DUE_SOON),
        (D(2023, 9, 2), None, FindingState.OVERDUE),
        (D(2023, 9, 2), D(2023, 8, 30), FindingState.CLOSED),
    ],
)
def test_finding_state(today, closed_on, expected):
    # "By 1 September 2023" (the Cambridgeshire recommendations).
    assert finding_state(due_date=D(2023, 9, 1), closed_on=closed_on, on=today) == expected


def test_undated_finding_stays_open():
    assert finding_state(due_date=None, on=D(2040, 1, 1)) == FindingState.OPEN
