"""Every Section 55 deadline rule, in one place.

Police Act 1996 s.55(5A): the local policing body publishes its response "before the end of the
period of 56 days beginning with the day on which the report is published". The publication day
is day 1, so the last day is publication + 55 days (19 May 2023 -> 13 July 2023). Many offices
count 56 days *after* publication instead (-> 14 July 2023); each office chooses its convention.

States are derived here from dates, both in Python (one response) and as a queryset expression
(lists that filter and sort by state), and never stored.
"""

import datetime

from django.conf import settings
from django.db import NotSupportedError
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    TextChoices,
    Value,
    When,
)
from django.utils import timezone

from forces.choices import DeadlineConvention
from inspections.choices import DatePrecision

DAYS_AFTER_PUBLICATION = {
    DeadlineConvention.STATUTORY: 55,
    DeadlineConvention.AFTER_PUBLICATION: 56,
}

RULE_EXPLANATIONS = {
    DeadlineConvention.STATUTORY: (
        "56 days beginning with the day the report was published (Police Act 1996, "
        "section 55(5A)): the publication day counts as day 1."
    ),
    DeadlineConvention.AFTER_PUBLICATION: (
        "56 days after the day the report was published (this office's convention; "
        "the statutory last day is one day earlier)."
    ),
}


# A report with no response from an office is only expected to get one for this long after
# publication; older unanswered reports are history, not work (home page, tracker, dashboard).
RESPONSE_EXPECTED_WINDOW = datetime.timedelta(days=365)


class ResponseState(TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    SUBMITTED_ON_TIME = "submitted_on_time", "Submitted on time"
    SUBMITTED_LATE = "submitted_late", "Submitted late"


class FindingState(TextChoices):
    OPEN = "open", "Open"
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    CLOSED = "closed", "Closed"


def today():
    return timezone.localdate()


def due_soon_days():
    return settings.SECTION55_DUE_SOON_DAYS


def section55_deadline(publication_date, convention=DeadlineConvention.STATUTORY):
    """The last day to publish the response, or None while the publication day is unknown."""
    if publication_date is None:
        return None
    return publication_date + datetime.timedelta(days=DAYS_AFTER_PUBLICATION[convention])


def explain_rule(convention):
    return RULE_EXPLANATIONS[convention]


def days_left(deadline, on=None):
    """Days from ``on`` (today) to the deadline: 0 on the last day, negative once overdue."""
    if deadline is None:
        return None
    return (deadline - (on or today())).days


def response_state(*, deadline, submitted_on, started, on=None):
    """The deadline state of one response. ``started``: any work recorded on it."""
    on = on or today()
    if submitted_on is not None:
        if deadline is None or submitted_on <= deadline:
            return ResponseState.SUBMITTED_ON_TIME
        return ResponseState.SUBMITTED_LATE
    if deadline is not None:
        if on > deadline:
            return ResponseState.OVERDUE
        if (deadline - on).days <= due_soon_days():
            return ResponseState.DUE_SOON
    return ResponseState.IN_PROGRESS if started else ResponseState.NOT_STARTED


def finding_state(*, due_date, closed_on=None, on=None):
    """The state of a dated recommendation or a tracked finding."""
    on = on or today()
    if closed_on is not None:
        return FindingState.CLOSED
    if due_date is not None:
        if on > due_date:
            return FindingState.OVERDUE
        if (due_date - on).days <= due_soon_days():
            return FindingState.DUE_SOON
    return FindingState.OPEN


# --- Query expressions -------------------------------------------------------------------------


class AddDays(Func):
    """``date + days`` as a date, on SQLite and PostgreSQL (Django's date + duration arithmetic
    yields a datetime string on SQLite, which then compares wrongly with dates)."""

    output_field = DateField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError(f"AddDays is not implemented for {connection.vendor}.")

    def _compile(self, compiler):
        date_sql, date_params = compiler.compile(self.source_expressions[0])
        days_sql, days_params = compiler.compile(self.source_expressions[1])
        return date_sql, days_sql, (*date_params, *days_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        date_sql, days_sql, params = self._compile(compiler)
        return f"date({date_sql}, ({days_sql}) || ' days')", params

    def as_postgresql(self, compiler, connection, **extra_context):
        date_sql, days_sql, params = self._compile(compiler)
        return f"({date_sql} + ({days_sql})::integer)", params


def deadline_expression(
    publication_date="inspection__publication_date",
    precision="inspection__publication_date_precision",
    convention="policing_body__deadline_convention",
):
    """The response deadline as a query expression (None while the publication day is unknown)."""
    days = Case(
        *(When(**{convention: name}, then=Value(n)) for name, n in DAYS_AFTER_PUBLICATION.items()),
        output_field=IntegerField(),
    )
    return Case(
        When(**{precision: DatePrecision.DAY}, then=AddDays(publication_date, days)),
        default=Value(None, output_field=DateField()),
        output_field=DateField(),
    )


# A response's own texts that count as work started (Section55Response.has_letter_text).
STARTING_TEXTS = ("chief_constable_response", "general_comment", "conclusion")


def started_expression(finding_responses_model):
    """True when any work is recorded on a response: past draft, or any text written."""
    texts_written = Exists(
        finding_responses_model.objects.answered().filter(response_id=OuterRef("pk"))
    )
    started = ~Q(status="draft") | texts_written
    for name in STARTING_TEXTS:
        started |= ~Q(**{name: ""})
    return ExpressionWrapper(started, output_field=BooleanField())


def response_state_expression(deadline="deadline_on", started="has_started", on=None):
    """The expression twin of ``response_state``; needs the deadline and started annotations."""
    on = on or today()
    soon = on + datetime.timedelta(days=due_soon_days())
    return Case(
        When(
            Q(submitted_on__isnull=False, **{f"{deadline}__isnull": True}),
            then=Value(ResponseState.SUBMITTED_ON_TIME),
        ),
        When(
            Q(submitted_on__isnull=False, submitted_on__lte=F(deadline)),
            then=Value(ResponseState.SUBMITTED_ON_TIME),
        ),
        When(submitted_on__isnull=False, then=Value(ResponseState.SUBMITTED_LATE)),
        When(**{f"{deadline}__lt": on}, then=Value(ResponseState.OVERDUE)),
        When(**{f"{deadline}__lte": soon}, then=Value(ResponseState.DUE_SOON)),
        When(**{started: True}, then=Value(ResponseState.IN_PROGRESS)),
        default=Value(ResponseState.NOT_STARTED),
        output_field=CharField(),
    )


# Most urgent first, for sorting lists by state.
RESPONSE_STATE_URGENCY = [
    ResponseState.OVERDUE,
    ResponseState.DUE_SOON,
    ResponseState.NOT_STARTED,
    ResponseState.IN_PROGRESS,
    ResponseState.SUBMITTED_LATE,
    ResponseState.SUBMITTED_ON_TIME,
]


def finding_deadline_expression(on=None):
    """For a row of the tracker (a finding directed at a force, annotated with the force's
    office's ``response_submitted_on``, ``response_exists`` and ``response_deadline``, and its
    progress record's ``progress_target``): the target the office set, else the
    recommendation's own due date, else the response deadline while the office still owes its
    response, else none."""
    on = on or today()
    owes_response = Q(response_submitted_on__isnull=True) & (
        Q(response_exists=True)
        | Q(finding__inspection__publication_date__gte=on - RESPONSE_EXPECTED_WINDOW)
    )
    return Case(
        # The office's own target for the finding (issue 8's progress record) comes first.
        When(progress_target__isnull=False, then=F("progress_target")),
        When(finding__due_date__isnull=False, then=F("finding__due_date")),
        When(owes_response, then=F("response_deadline")),
        default=Value(None, output_field=DateField()),
        output_field=DateField(),
    )


def finding_state_expression(deadline="deadline_on", on=None):
    """The expression twin of ``finding_state``, for tracker rows annotated with
    ``progress_closed`` (the force's progress record says it is closed)."""
    on = on or today()
    soon = on + datetime.timedelta(days=due_soon_days())
    return Case(
        When(progress_closed=True, then=Value(FindingState.CLOSED)),
        When(**{f"{deadline}__lt": on}, then=Value(FindingState.OVERDUE)),
        When(**{f"{deadline}__lte": soon}, then=Value(FindingState.DUE_SOON)),
        default=Value(FindingState.OPEN),
        output_field=CharField(),
    )
