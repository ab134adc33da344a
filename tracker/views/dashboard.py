from collections import Counter

from django.contrib.auth.decorators import login_required
from django.db.models import Count, F
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from accounts import access
from forces.models import LocalPolicingBody
from inspections.choices import Programme
from inspections.models import GradedJudgement, Inspection
from progress.choices import ProgressStatus, Rag
from responses.choices import SENT_STATUSES, ResponseStatus
from responses.deadlines import (
    RESPONSE_STATE_URGENCY,
    FindingState,
    ResponseState,
)
from responses.filtersets import ON_TRACK, ON_TRACK_STATES
from tracker import fingerprints, panel
from tracker.queries import row_summary
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
    work_states, deadline_states, total = _response_figures(responses)
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
        "work_states": work_states,
        "deadline_states": deadline_states,
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


# The deadline figure's groups, most urgent first: an open response whose deadline is neither
# near nor past is "on track" whether or not its text is started (that is the work figure's).
DEADLINE_GROUPS = [
    (ResponseState.OVERDUE, "Overdue", [ResponseState.OVERDUE]),
    (ResponseState.DUE_SOON, "Due soon", [ResponseState.DUE_SOON]),
    (ON_TRACK, "On track", ON_TRACK_STATES),
    (ResponseState.SUBMITTED_LATE, "Submitted late", [ResponseState.SUBMITTED_LATE]),
    (ResponseState.SUBMITTED_ON_TIME, "Submitted on time", [ResponseState.SUBMITTED_ON_TIME]),
]


def _response_figures(responses):
    """The responses counted two ways from one query: where the work is (their status) and
    where they stand against the deadline. Each response is in one group of each."""
    counts = Counter()
    for group in responses.order_by().values("status", "deadline_state").annotate(n=Count("pk")):
        counts[group["status"], group["deadline_state"]] = group["n"]
    total = sum(counts.values())
    by_status = Counter()
    by_deadline = Counter()
    for (status, state), n in counts.items():
        by_status[status] += n
        by_deadline[state] += n
    work = [
        {"state": status.value, "label": status.label, "count": by_status[status]}
        for status in ResponseStatus
    ]
    deadline = []
    for key, label, states in DEADLINE_GROUPS:
        count = sum(by_deadline[state] for state in states)
        share = round(100 * count / total, 1) if total else 0
        deadline.append({"state": key, "label": label, "count": count, "percent": share})
    return work, deadline, total


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
