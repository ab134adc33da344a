from django.db import DatabaseError, connection
from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone

from accounts import access
from responses.choices import SENT_STATUSES
from responses.deadlines import RESPONSE_EXPECTED_WINDOW, section55_deadline
from responses.models import Section55Response


def home(request):
    if not request.user.is_authenticated:
        return render(request, "home.html")
    office = access.office(request.user)
    open_responses = (
        access.visible_responses(request.user)
        .exclude(status__in=SENT_STATUSES)
        .with_deadline_state()
        .select_related("inspection", "policing_body")
        .order_by("deadline_on", "inspection__title")
    )
    unanswered = []
    if office is not None:
        today = timezone.localdate()
        candidates = (
            access.visible_inspections(request.user)
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


def healthz(request):
    """For load balancers and monitors: 200 when the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def favicon(request):
    # Resolved per request: hashed static names exist only once collectstatic has run.
    return redirect(static("images/favicon.svg"), permanent=True)
