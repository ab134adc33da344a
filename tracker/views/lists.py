from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.utils import timezone

from accounts import access
from core.filters import filter_panel, sort_headers
from core.pagination import paginate
from inspections.models import Inspection
from responses.deadlines import RESPONSE_STATE_URGENCY
from responses.filtersets import ResponseFilterSet
from tracker import bulk, exports, fingerprints
from tracker.filtersets import TrackerFilterSet
from tracker.views.scope import (
    FINDING_STATE_URGENCY,
    PAGE_SIZE,
    office_scope,
    scoped_responses,
    scoped_rows,
    urgency,
)

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


# The tracker's sortable columns (TrackerFilterSet's ordering); "state" is the default order,
# most urgent first.
SORTABLE = ["published", "force", "deadline", "state"]


def _query(request):
    """The tracker's parameters. The sort order comes from the column headers' links, never
    typed, so one the list does not offer is dropped (most urgent first), not an error."""
    query = request.GET.copy()
    offered = TrackerFilterSet.base_filters["ordering"].param_map
    if query.get("ordering", "").removeprefix("-") not in offered:
        query.pop("ordering", None)
    return query


def _tracker_filterset(request):
    office = office_scope(request)
    scoped = scoped_rows(request, office)
    filterset = TrackerFilterSet(_query(request), queryset=scoped, request=request)
    inspections = Inspection.objects.visible_to(request.user)
    if office:
        inspections = inspections.filter(bodies__policing_body=office).distinct()
    # The choices are the inspections in scope, not every visible report in the country.
    filterset.filters["inspection"].queryset = inspections.order_by(
        "-publication_date", "title"
    ).only("pk", "title")  # hundreds of options: load only what an <option> shows
    rows = filterset.qs
    if not filterset.data.get("ordering"):
        rows = rows.order_by(
            urgency("state", FINDING_STATE_URGENCY),
            F("deadline_on").asc(nulls_last=True),
            "-finding__inspection__publication_date",
            "finding__order",
            "pk",
        )
    return filterset, rows


@login_required
def tracker_list(request):
    office = office_scope(request)
    if request.method == "POST" or office is None:
        # A form with errors shows the rows the user ticked; all offices: not worth a key.
        filterset, rows = _tracker_filterset(request)
        form = bulk.bulk_form(request, rows)
        if form.is_bound and form.is_valid():
            count = bulk.apply(form, request.user)
            messages.success(request, f"Update added to {count} finding{pluralize(count)}.")
            # To the top of the content, where the success banner is (the form's own address
            # may carry #bulk-update, which a redirect would keep).
            return redirect(request.get_full_path() + "#main-content")
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
        "panel": filter_panel(filterset.form, filterset.data, kept=("ordering", "office")),
        "sort": sort_headers(filterset.data, SORTABLE, default="state"),
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
    office = office_scope(request)

    def results():
        responses = scoped_responses(request, office).with_deadline_state()
        filterset = ResponseFilterSet(request.GET, queryset=responses, request=request)
        rows = filterset.qs.select_related("inspection", "policing_body").order_by(
            urgency("deadline_state", RESPONSE_STATE_URGENCY),
            F("deadline_on").asc(nulls_last=True),
            "pk",
        )
        page, query = paginate(request, rows, PAGE_SIZE)
        hidden = () if access.is_administrator(request.user) else ("policing_body",)
        context = {
            "filterset": filterset,
            "panel": filter_panel(filterset.form, request.GET, hidden=hidden, kept=("office",)),
            "page": page,
            "query": query,
        }
        return {
            "content": render_to_string("tracker/_response_list_content.html", context, request),
            "has_errors": bool(filterset.form.errors),
        }

    parts = fingerprints.rendered(request, office, "responses", results)
    return render(request, "tracker/response_list.html", {"results": parts})
