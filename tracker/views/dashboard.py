from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from accounts import access
from forces.models import LocalPolicingBody
from inspections.choices import Programme
from inspections.models import GradedJudgement, Inspection
from progress.choices import ProgressStatus, Rag
from responses.choices import SENT_STATUSES
from responses.deadlines import (
    RESPONSE_STATE_URGENCY,
    FindingState,
    ResponseState,
)
from tracker import fingerprints, panel
from tracker.queries import row_summary, state_counts
from tracker.views.scope import (
    FINDING_STATE_URGENCY,
    office_scope,
    scoped_responses,
    scoped_rows,
    urgency,
)


@login_required
def dashboard(request):
    if access.office(request.user) is None and not access.is_administrator(request.user):
        raise Http404
    office = office_scope(request)

    def figures():
        return render_to_string(
            "tracker/_dashboard_figures.html", _dashboard_context(request, office), request
        )

    html = fingerprints.rendered(request, office, "dashboard", figures)
    return render(request, "tracker/dashboard.html", {"figures": html})


def _dashboard_context(request, office):
    responses = scoped_responses(request, office).with_deadline_state()
    counts = state_counts(responses, "deadline_state")
    total = sum(counts.values())
    response_states = [
        {
            "state": state,
            "label": ResponseState(state).label,
            "count": counts.get(state, 0),
            "percent": round(100 * counts.get(state, 0) / total, 1) if total else 0,
        }
        for state in RESPONSE_STATE_URGENCY
    ]
    open_items = (
        responses.exclude(status__in=SENT_STATUSES)
        .select_related("inspection", "policing_body")
        .order_by(
            urgency("deadline_state", RESPONSE_STATE_URGENCY),
            F("deadline_on").asc(nulls_last=True),
            "pk",
        )[:10]
    )
    rows = scoped_rows(request, office)
    summary = row_summary(rows)
    finding_counts, progress_counts, rag_counts = (
        summary["state"],
        summary["progress"],
        summary["rag"],
    )
    office_query = (
        f"office={office.pk}&" if office and access.is_administrator(request.user) else ""
    )
    return {
        "office": office,
        "offices": LocalPolicingBody.objects.all() if access.is_administrator(request.user) else [],
        "office_query": office_query,
        "response_states": response_states,
        "response_total": total,
        "open_items": open_items,
        "finding_states": [
            {"state": s, "label": FindingState(s).label, "count": finding_counts.get(s, 0)}
            for s in FINDING_STATE_URGENCY
        ],
        "progress_states": [
            {"state": s, "label": s.label, "count": progress_counts.get(s, 0)}
            for s in ProgressStatus
        ],
        "rag_states": [{"state": r, "label": r.label, "count": rag_counts.get(r, 0)} for r in Rag]
        + [{"state": "none", "label": "Not rated", "count": rag_counts.get("", 0)}],
        "repeat_count": summary["repeats"],
        "can_report_to_panel": panel.can_report(request.user),
        "grid": grade_grid(request),
    }


def grade_grid(request):
    """Forces against questions for one programme year: {"questions", "rows", ...}."""
    judgements = GradedJudgement.objects.filter(
        inspection__in=Inspection.objects.visible_to(request.user), body__kind="force"
    )
    years = list(
        judgements.filter(inspection__programme=Programme.PEEL)
        .order_by("-inspection__programme_year")
        .values_list("inspection__programme_year", flat=True)
        .distinct()
    )
    year = request.GET.get("grid_year") or (years[0] if years else "")
    if year not in years:
        year = years[0] if years else ""
    chosen = (
        judgements.filter(inspection__programme=Programme.PEEL, inspection__programme_year=year)
        .select_related("body")
        .order_by("body__name", "order", "-inspection__publication_date")
    )
    questions, cells = [], {}
    for judgement in chosen:
        if judgement.question not in questions:
            questions.append(judgement.question)
        cells.setdefault(judgement.body, {}).setdefault(judgement.question, judgement)
    rows = [(body, [cells[body].get(q) for q in questions]) for body in cells]
    return {"years": years, "year": year, "questions": questions, "rows": rows}
