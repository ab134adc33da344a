from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.shortcuts import render
from django.utils import timezone

from accounts import access
from inspections.models import Inspection
from responses.choices import SENT_STATUSES
from responses.deadlines import RESPONSE_EXPECTED_WINDOW, FindingState, section55_deadline
from responses.models import Section55Response
from tracker.queries import tracker_rows, update_due_condition
from tracker.views.scope import FINDING_STATE_URGENCY, urgency

URGENT_SHOWN = 5


def home(request):
    """Signed in: the work by deadline (open responses, recent reports without one)."""
    if not request.user.is_authenticated:
        return render(request, "home.html")
    office = access.office(request.user)
    open_responses = (
        Section55Response.objects.visible_to(request.user)
        .exclude(status__in=SENT_STATUSES)
        .with_deadline_state()
        .select_related("inspection", "policing_body")
        .order_by("deadline_on", "inspection__title")
    )
    unanswered = []
    if office is not None:
        today = timezone.localdate()
        candidates = (
            Inspection.objects.visible_to(request.user)
            .filter(
                bodies__policing_body=office, publication_date__gte=today - RESPONSE_EXPECTED_WINDOW
            )
            .exclude(
                Exists(
                    Section55Response.objects.filter(
                        inspection=OuterRef("pk"), policing_body=office
                    )
                )
            )
            .distinct()
            .order_by("publication_date")
        )
        unanswered = [
            (inspection, section55_deadline(inspection.publication_day, office.deadline_convention))
            for inspection in candidates
        ]
    return render(
        request,
        "dashboard.html",
        {
            "office": office,
            "open_responses": open_responses,
            "unanswered": unanswered,
            **_findings_needing_attention(request.user, office),
        },
    )


def _findings_needing_attention(user, office):
    """The office's tracked findings that need doing now, in two queries: how many are overdue,
    due soon and due a progress update, and the most urgent few."""
    if office is None:
        return {}
    rows = tracker_rows(user)
    counts = rows.aggregate(
        overdue=Count("pk", filter=Q(state=FindingState.OVERDUE)),
        due_soon=Count("pk", filter=Q(state=FindingState.DUE_SOON)),
        update_due=Count("pk", filter=update_due_condition()),
    )
    urgent = rows.filter(state__in=[FindingState.OVERDUE, FindingState.DUE_SOON]).order_by(
        urgency("state", FINDING_STATE_URGENCY), F("deadline_on").asc(nulls_last=True), "pk"
    )[:URGENT_SHOWN]
    return {
        "finding_counts": counts,
        "urgent_rows": urgent,
        "update_days": settings.PROGRESS_UPDATE_DAYS,
    }
