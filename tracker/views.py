from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from accounts import access, two_factor
from core.pagination import paginate
from forces.models import LocalPolicingBody
from inspections.choices import Programme
from inspections.models import GradedJudgement, Inspection
from progress import bulk, panel
from progress.choices import ProgressStatus, Rag
from responses.choices import SENT_STATUSES
from responses.deadlines import (
    RESPONSE_EXPECTED_WINDOW,
    RESPONSE_STATE_URGENCY,
    FindingState,
    ResponseState,
    section55_deadline,
)
from responses.filtersets import ResponseFilterSet
from responses.models import Section55Response
from tracker import exports, fingerprints
from tracker.calendar import deadlines_calendar
from tracker.filtersets import TrackerFilterSet
from tracker.models import CalendarToken
from tracker.queries import row_summary, state_counts, tracker_rows

PAGE_SIZE = 25
FINDING_STATE_URGENCY = [FindingState.OVERDUE, FindingState.DUE_SOON, FindingState.OPEN]


def _urgency(field, order):
    return Case(
        *(When(**{field: value}, then=Value(i)) for i, value in enumerate(order)),
        output_field=IntegerField(),
    )


def _office_scope(request):
    """The office a dashboard is about: the user's own; an administrator may pick any."""
    if access.is_administrator(request.user):
        office_id = request.GET.get("office")
        if office_id and office_id.isdigit():
            return LocalPolicingBody.objects.filter(pk=office_id).first()
        return None
    return access.office(request.user)


def _scoped_responses(request, office):
    responses = Section55Response.objects.visible_to(request.user)
    return responses.filter(policing_body=office) if office else responses


def _scoped_rows(request, office):
    rows = tracker_rows(request.user)
    return rows.filter(body__policing_body=office) if office else rows


@login_required
def dashboard(request):
    if access.office(request.user) is None and not access.is_administrator(request.user):
        raise Http404
    office = _office_scope(request)

    def figures():
        return render_to_string(
            "tracker/_dashboard_figures.html", _dashboard_context(request, office), request
        )

    html = fingerprints.rendered(request, office, "dashboard", figures)
    return render(request, "tracker/dashboard.html", {"figures": html})


def _dashboard_context(request, office):
    responses = _scoped_responses(request, office).with_deadline_state()
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
            _urgency("deadline_state", RESPONSE_STATE_URGENCY),
            F("deadline_on").asc(nulls_last=True),
            "pk",
        )[:10]
    )
    rows = _scoped_rows(request, office)
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


def _tracker_filterset(request):
    office = _office_scope(request)
    scoped = _scoped_rows(request, office)
    filterset = TrackerFilterSet(request.GET, queryset=scoped, request=request)
    inspections = Inspection.objects.visible_to(request.user)
    if office:
        inspections = inspections.filter(bodies__policing_body=office).distinct()
    # The choices are the inspections in scope, not every visible report in the country.
    filterset.filters["inspection"].queryset = inspections.order_by(
        "-publication_date", "title"
    ).only("pk", "title")  # hundreds of options: load only what an <option> shows
    rows = filterset.qs
    if not request.GET.get("ordering"):
        rows = rows.order_by(
            _urgency("state", FINDING_STATE_URGENCY),
            F("deadline_on").asc(nulls_last=True),
            "-finding__inspection__publication_date",
            "finding__order",
            "pk",
        )
    return filterset, rows


# The list's own columns: sorting 100,000 rows is far cheaper without report summaries riding along.
LIST_COLUMNS = [
    "finding__kind",
    "finding__number",
    "finding__text",
    "finding__inspection__slug",
    "finding__inspection__title",
    "finding__inspection__publication_date",
    "finding__inspection__publication_date_precision",
    "body__short_name",
    "body__slug",
    "body__kind",
    "body__policing_body_id",
    "body__policing_body__deadline_convention",
]


@login_required
def tracker_list(request):
    office = _office_scope(request)
    if request.method == "POST" or office is None:
        # A form with errors shows the rows the user ticked; all offices: not worth a key.
        filterset, rows = _tracker_filterset(request)
        form = bulk.bulk_form(request, rows)
        if form.is_bound and form.is_valid():
            count = bulk.apply(form, request.user)
            messages.success(request, f"Update added to {count} finding{pluralize(count)}.")
            return redirect(request.get_full_path())
        parts = _tracker_results(request, filterset, rows, form)
    else:
        form = bulk.bulk_form(request, rows=None)  # unbound: no rows to check

        def results():  # the queries are built only when the fragment is
            filterset, rows = _tracker_filterset(request)
            return _tracker_results(request, filterset, rows, form)

        parts = fingerprints.rendered(request, office, "tracker", results)
    return render(request, "tracker/tracker_list.html", {"results": parts, "bulk_form": form})


def _tracker_results(request, filterset, rows, form):
    """The tracker page's parts that depend on the data: filters, count, rows, pages."""
    page, query = paginate(request, rows.only(*LIST_COLUMNS), PAGE_SIZE)
    context = {
        "filterset": filterset,
        "page": page,
        "query": query,
        "bulk_form": form,
        "chosen": set(form.data.getlist(form.add_prefix("rows"))) if form.is_bound else set(),
    }

    def part(template):
        return render_to_string(template, context, request)

    return {
        "filters": part("tracker/_tracker_filters.html"),
        "head": part("tracker/_tracker_head.html"),
        "table": part("tracker/_tracker_table.html") if page.object_list else "",
        "pagination": part("govuk/pagination.html"),
        "has_rows": bool(page.object_list),
        "has_errors": bool(filterset.form.errors),
    }


@login_required
def tracker_export(request, fmt):
    filterset, rows = _tracker_filterset(request)
    if not filterset.is_valid():
        return tracker_list(request)  # the list shows what is wrong with the filters
    name = f"inspection-findings-{timezone.localdate():%Y-%m-%d}"
    return exports.as_csv(rows, name) if fmt == "csv" else exports.as_xlsx(rows, name)


@login_required
def response_list(request):
    office = _office_scope(request)

    def results():
        responses = _scoped_responses(request, office).with_deadline_state()
        filterset = ResponseFilterSet(request.GET, queryset=responses, request=request)
        rows = filterset.qs.select_related("inspection", "policing_body").order_by(
            _urgency("deadline_state", RESPONSE_STATE_URGENCY),
            F("deadline_on").asc(nulls_last=True),
            "pk",
        )
        page, query = paginate(request, rows, PAGE_SIZE)
        context = {"filterset": filterset, "page": page, "query": query}
        return {
            "content": render_to_string("tracker/_response_list_content.html", context, request),
            "has_errors": bool(filterset.form.errors),
        }

    parts = fingerprints.rendered(request, office, "responses", results)
    return render(request, "tracker/response_list.html", {"results": parts})


@login_required
def account(request):
    token = CalendarToken.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(f"/calendar/{token.token}.ics") if token else None
    api_token = Token.objects.filter(user=request.user).first()
    return render(
        request,
        "tracker/account.html",
        {
            "token": token,
            "feed_url": feed_url,
            "api_token": api_token,
            "two_factor_on": two_factor.confirmed_device(request.user) is not None,
            "two_factor_required": two_factor.required(request.user),
        },
    )


@login_required
@require_POST
def api_token(request):
    return _replace_or_revoke(request, Token, "API token")


def _replace_or_revoke(request, model, name):
    """A user's secret (calendar or API token): the old one always stops working. Made only by
    a session that may (checked with the user's row locked, so an app added at the same moment
    either comes first and refuses it, or comes after and revokes it)."""
    with transaction.atomic():
        creating = request.POST.get("action") == "create"
        if creating and not two_factor.may_mint_secrets(request):
            messages.error(
                request, f"Enter the code from your authenticator app first: no {name} was made."
            )
            return redirect("tracker:account")
        model.objects.filter(user=request.user).delete()
        if creating:
            model.objects.create(user=request.user)
    if creating:
        messages.success(request, f"Your {name} has been created.")
    else:
        messages.success(request, f"Your {name} has been revoked. It no longer works.")
    return redirect("tracker:account")


@login_required
@require_POST
def calendar_token(request):
    return _replace_or_revoke(request, CalendarToken, "calendar feed address")


def calendar_feed(request, token):
    """No sign-in: the secret token is the credential (calendar apps cannot sign in)."""
    found = (
        CalendarToken.objects.select_related("user__membership__policing_body")
        .filter(token=token)
        .first()
    )
    if found is None or not found.user.is_active:
        raise Http404
    if two_factor.lacks_required_app(found.user):
        raise Http404  # a password-only secret, while the office requires two-factor sign-in
    return HttpResponse(deadlines_calendar(found.user, request), content_type="text/calendar")


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
