from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone

from accounts import access
from inspections.models import Inspection
from responses.choices import SENT_STATUSES
from responses.deadlines import RESPONSE_EXPECTED_WINDOW, section55_deadline
from responses.models import Section55Response


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
        {"office": office, "open_responses": open_responses, "unanswered": unanswered},
    )
