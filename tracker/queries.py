"""The tracker: every finding that needs a response, once per force it is directed at, with its
office's response and its deadline state. One query builds it; lists, exports, the dashboard
and the calendar feed all start here."""

import datetime
from collections import Counter

from django.conf import settings
from django.db.models import Count, F, FilteredRelation, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts import access
from forces.choices import BodyKind
from inspections.choices import RESPONSE_KINDS
from inspections.models import Finding, Inspection
from progress.choices import CLOSED_STATUSES, ProgressStatus
from responses import deadlines
from responses.choices import SENT_STATUSES

FindingTarget = Finding.directed_at.through


def tracker_rows(user, on=None):
    """Tracker rows the user may see: their office's forces, or everything for administrators."""
    rows = FindingTarget.objects.filter(body__kind=BodyKind.FORCE, finding__kind__in=RESPONSE_KINDS)
    if not access.is_administrator(user):
        office = access.office(user)
        if office is None:  # annotated all the same: the pages filter and sort by its columns
            return annotate_rows(FindingTarget.objects.none(), on=on)
        rows = rows.filter(
            body__policing_body=office,
            finding__inspection__in=Inspection.objects.visible_to(user),
        )
    return annotate_rows(rows, on=on)


def annotate_rows(rows, on=None):
    # The office's response to the finding's report, by one LEFT JOIN: an office has at most one
    # response per inspection, so the join never repeats a row.
    return (
        rows.annotate(
            office_response=FilteredRelation(
                "finding__inspection__responses",
                condition=Q(finding__inspection__responses__policing_body=F("body__policing_body")),
            )
        )
        .annotate(
            # The force's progress record for the finding, if anyone has updated it yet.
            force_progress=FilteredRelation(
                "finding__progress", condition=Q(finding__progress__body=F("body"))
            )
        )
        .select_related("finding__inspection", "body__policing_body")
        .annotate(
            progress_pk=F("force_progress__pk"),
            progress_status=Coalesce(
                F("force_progress__status"), Value(ProgressStatus.AWAITING_REVIEW)
            ),
            progress_rag=Coalesce(F("force_progress__rag"), Value("")),
            progress_target=F("force_progress__target_date"),
            progress_closed=Q(force_progress__status__in=CLOSED_STATUSES),
            progress_updated_at=F("force_progress__updated_at"),
            response_pk=F("office_response__pk"),
            response_status=F("office_response__status"),
            response_submitted_on=F("office_response__submitted_on"),
            response_updated_at=F("office_response__updated_at"),
            response_exists=Q(office_response__pk__isnull=False),
            response_deadline=deadlines.deadline_expression(
                publication_date="finding__inspection__publication_date",
                precision="finding__inspection__publication_date_precision",
                convention="body__policing_body__deadline_convention",
            ),
        )
        .annotate(deadline_on=deadlines.finding_deadline_expression(on=on))
        .annotate(state=deadlines.finding_state_expression(on=on))
    )


def update_due_condition(on=None):
    """Tracker rows due a progress update: open, their office's response sent (tracking to
    closure has begun), and nobody has updated them for PROGRESS_UPDATE_DAYS (or ever)."""
    on = on or deadlines.today()
    cutoff = datetime.datetime.combine(
        on - datetime.timedelta(days=settings.PROGRESS_UPDATE_DAYS),
        datetime.time.min,
        tzinfo=timezone.get_current_timezone(),
    )
    # progress_status (coalesced), not progress_closed: a row nobody has updated has no
    # progress record, and SQL's NOT (NULL IN ...) is not true.
    return (
        Q(response_status__in=SENT_STATUSES)
        & ~Q(progress_status__in=CLOSED_STATUSES)
        & (Q(progress_updated_at__isnull=True) | Q(progress_updated_at__lt=cutoff))
    )


def update_due(rows, on=None):
    return rows.filter(update_due_condition(on))


def state_counts(queryset, field):
    """{state: count} in one query."""
    counts = queryset.order_by().values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in counts}


def row_summary(rows):
    """The dashboard's counts of tracker rows in one query: by deadline state, by progress
    status, by RAG among open rows, and how many repeat an earlier report's finding."""
    groups = (
        rows.order_by()
        .annotate(is_repeat=Q(finding__repeats__isnull=False))
        .values("state", "progress_status", "progress_rag", "progress_closed", "is_repeat")
        .annotate(n=Count("pk"))
    )
    summary = {"state": Counter(), "progress": Counter(), "rag": Counter(), "repeats": 0}
    for group in groups:
        summary["state"][group["state"]] += group["n"]
        summary["progress"][group["progress_status"]] += group["n"]
        if not group["progress_closed"]:
            summary["rag"][group["progress_rag"]] += group["n"]
        if group["is_repeat"]:
            summary["repeats"] += group["n"]
    return summary
