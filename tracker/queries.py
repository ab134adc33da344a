"""The tracker: every finding that needs a response, once per force it is directed at, with its
office's response and its deadline state. One query builds it; lists, exports, the dashboard
and the calendar feed all start here."""

from django.db.models import Count, Exists, OuterRef, Subquery

from accounts import access
from forces.choices import BodyKind
from inspections.choices import RESPONSE_KINDS
from inspections.models import Finding
from responses import deadlines
from responses.models import Section55Response

FindingTarget = Finding.directed_at.through


def tracker_rows(user, on=None):
    """Tracker rows the user may see: their office's forces, or everything for administrators."""
    rows = FindingTarget.objects.filter(
        body__kind=BodyKind.FORCE,
        finding__kind__in=RESPONSE_KINDS,
        finding__inspection__in=access.visible_inspections(user),
    )
    office = access.office(user)
    if not access.is_administrator(user):
        rows = rows.filter(body__policing_body=office) if office else rows.none()
    return annotate_rows(rows, on=on)


def annotate_rows(rows, on=None):
    response = Section55Response.objects.filter(
        inspection=OuterRef("finding__inspection"), policing_body=OuterRef("body__policing_body")
    )
    return (
        rows.select_related("finding__inspection", "body__policing_body")
        .annotate(
            response_exists=Exists(response),
            response_pk=Subquery(response.values("pk")[:1]),
            response_status=Subquery(response.values("status")[:1]),
            response_submitted_on=Subquery(response.values("submitted_on")[:1]),
            response_updated_at=Subquery(response.values("updated_at")[:1]),
            response_deadline=deadlines.deadline_expression(
                publication_date="finding__inspection__publication_date",
                precision="finding__inspection__publication_date_precision",
                convention="body__policing_body__deadline_convention",
            ),
        )
        .annotate(deadline_on=deadlines.finding_deadline_expression(on=on))
        .annotate(state=deadlines.finding_state_expression(on=on))
    )


def state_counts(queryset, field):
    """{state: count} in one query."""
    counts = queryset.order_by().values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in counts}
