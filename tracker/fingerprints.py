"""What the dashboard's and tracker's figures are computed from, summed up in two cheap queries.

Heavy fragments of those pages are cached under these fingerprints (core.fragments), so a
cached fragment is used only while its inputs are unchanged: every request still asks the
database, but a question of a millisecond instead of the tens it takes to recompute.

- ``reference()``: inspections, findings (and whom they are directed at), grades and the offices'
  settings. Each has history, so every change through the interface or the admin adds a history
  row; the highest history id of each table moves with any change.
- ``office_work(pk)``: one office's responses (a save that changes what the figures read from a
  response moves its ``figures_changed_at``; rewording the letter does not), whether any text is
  written on their findings (what "in progress" is judged by: the count of answered findings,
  and which responses have them, not the text itself, so editing a comment keeps the
  fingerprint) and its forces' progress records.

The date is part of every key (deadline states change at midnight). If the tracker's state
rules come to depend on anything else, add it here: ``tests/tracker/test_fingerprints.py``
checks each input.
"""

import functools

from django.conf import settings
from django.db import connection

from accounts import access
from core.fragments import fragment
from forces.models import Body, LocalPolicingBody
from inspections.models import Finding, GradedJudgement, Inspection
from progress.models import FindingProgress
from responses import deadlines
from responses.models import FindingResponse, Section55Response
from tracker import panel


def _one_row(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return tuple(cursor.fetchone())


@functools.cache
def _history_tables():
    # Once per process: simple_history builds a new manager class on every ``Model.history``.
    return [
        model.history.model._meta.db_table
        for model in (Inspection, Finding, GradedJudgement, LocalPolicingBody)
    ]


def reference():
    tables = _history_tables()
    # Forces have no history: their count and highest id catch additions (the bodies are
    # reference data loaded from fixtures; a renamed force shows once a fragment expires:
    # within ten minutes, five in the shared table and five more in a process's memory).
    selects = [f"(SELECT MAX(history_id) FROM {table})" for table in tables] + [  # noqa: S608
        f"(SELECT COUNT(*) FROM {Body._meta.db_table})",  # noqa: S608
        f"(SELECT MAX(id) FROM {Body._meta.db_table})",  # noqa: S608
    ]
    return _one_row("SELECT " + ", ".join(selects))


@functools.cache
def _answered_sql():
    """One office's answered finding responses, from the ORM, so ANSWERED (responses.models) is
    the one definition; compiled once per process (a third of a millisecond each time), with
    the office as the last parameter. psycopg binds parameters client-side, so PostgreSQL sees
    the literals and matches the partial index's condition."""
    sql, params = (
        FindingResponse.objects.answered()
        .filter(response__policing_body_id=-1)
        .order_by()
        .values("response_id")
        .query.sql_with_params()
    )
    assert params[-1] == -1  # the office, filled in by office_work  # noqa: S101
    return sql, params[:-1]


def office_work(office_id):
    responses = Section55Response._meta.db_table
    progress = FindingProgress._meta.db_table
    bodies = Body._meta.db_table
    answered, answered_params = _answered_sql()
    # Table names from the models' metadata; the office is a parameter. One aggregate row from
    # each table: responses, answered findings, progress records.
    return _one_row(
        f"""SELECT * FROM
            (SELECT COUNT(*), MAX(figures_changed_at) FROM {responses}
              WHERE policing_body_id = %s) AS office_responses,
            (SELECT COUNT(*), COUNT(DISTINCT a.response_id), SUM(DISTINCT a.response_id)
              FROM ({answered}) AS a) AS answered,
            (SELECT COUNT(*), MAX(p.updated_at) FROM {progress} p
              JOIN {bodies} b ON b.id = p.body_id
              WHERE b.policing_body_id = %s) AS office_progress""",  # noqa: S608
        [office_id, *answered_params, office_id, office_id],
    )


def office_key(request, scope, page, *, include_work=True):
    """A fragment key (core.fragments) for office ``scope``'s view of a page: the page and its
    parameters, what the user's role changes on it, the date and the fingerprints.
    ``include_work=False`` for pages that show reference data only."""
    return (
        page,
        scope.pk,
        request.GET.urlencode(),
        access.is_administrator(request.user),
        panel.can_report(request.user),
        hasattr(request.user, "membership"),
        deadlines.today(),
        # The states' settings: a restart with new values must not serve the old states.
        settings.SECTION55_DUE_SOON_DAYS,
        settings.PROGRESS_UPDATE_DAYS,
        reference(),
        office_work(scope.pk) if include_work else None,
    )


def rendered(request, scope, page, render, *, include_work=True):
    """``render()`` for office ``scope``'s view of a page, through the fragment cache; with no
    office (an administrator's view of every office) computed each time, not worth a key."""
    if scope is None:
        return render()
    return fragment(office_key(request, scope, page, include_work=include_work), render)
