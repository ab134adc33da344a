"""The inspection reports as an office sees them: the list, and each report with its grades
and findings, with the office's response and what it may do next (start a response, import).
"""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.template.loader import render_to_string

from accounts import access
from core.filters import filter_panel
from core.pagination import paginate
from forces.models import Body
from imports import rules
from inspections.choices import FINDING_KIND_PLURALS, RESPONSE_KINDS, FindingKind
from inspections.models import Finding, GradedJudgement, Inspection
from responses.filtersets import OfficeInspectionFilterSet
from responses.models import Section55Response
from tracker import fingerprints

PAGE_SIZE = 20

# The order a reader meets findings in: the most serious first.
KIND_ORDER = [
    FindingKind.CAUSE_OF_CONCERN,
    FindingKind.RECOMMENDATION,
    FindingKind.AREA_FOR_IMPROVEMENT,
    FindingKind.INNOVATIVE_PRACTICE,
    FindingKind.PROMISING_PRACTICE,
]


def _with_office_response(queryset, office):
    responses = Section55Response.objects.filter(inspection=OuterRef("pk"), policing_body=office)
    return queryset.annotate(
        office_response_pk=Subquery(responses.values("pk")[:1]),
        office_response_status=Subquery(responses.values("status")[:1]),
    )


@login_required
def inspection_list(request):
    office = access.office(request.user)

    def content():  # the queries are built only when the fragment is
        queryset = Inspection.objects.visible_to(request.user).prefetch_related(
            Prefetch("bodies", queryset=Body.objects.order_by("kind", "name"))
        )
        filterset = OfficeInspectionFilterSet(request.GET, queryset=queryset, request=request)
        finding_count = (
            Finding.objects.filter(inspection=OuterRef("pk"))
            .order_by()
            .values("inspection")
            .annotate(n=Count("pk"))
            .values("n")
        )
        inspections = (
            _with_office_response(filterset.qs, office)
            .annotate(finding_count=Coalesce(Subquery(finding_count), 0))
            .order_by("-publication_date", "title", "pk")
        )
        page, query = paginate(request, inspections, PAGE_SIZE)
        hidden = () if office else ("has_open_response",)  # a question for an office's members
        context = {
            "filterset": filterset,
            "panel": filter_panel(filterset.form, request.GET, hidden=hidden, kept=("office",)),
            "page": page,
            "office": office,
            "query": query,
        }
        return render_to_string("tracker/_inspection_list_content.html", context, request)

    html = fingerprints.rendered(request, office, "inspections", content)
    return render(request, "tracker/inspection_list.html", {"content": html})


@login_required
def inspection_detail(request, slug):
    office = access.office(request.user)
    inspection = access.get_visible_or_404(
        _with_office_response(Inspection.objects.visible_to(request.user), office).prefetch_related(
            Prefetch("bodies", queryset=Body.objects.order_by("kind", "name"))
        ),
        slug=slug,
    )

    office_pk = getattr(office, "pk", None)

    def findings_html():
        grades = GradedJudgement.objects.filter(inspection=inspection).select_related("body")
        findings = with_targets(
            Finding.objects.filter(inspection=inspection).select_related("parent")
        )
        # Asked once, not for each body: a national report directs every finding at 43.
        administrator = access.is_administrator(request.user)
        for finding in findings:
            answerable = finding.kind in RESPONSE_KINDS
            finding.progress_bodies = [
                body
                for body in finding.targets
                if answerable
                and body.is_force
                and (administrator or body.policing_body_id == office_pk)
            ]
        context = {
            "inspection": inspection,
            "grades": grades,
            "finding_groups": group_findings(findings),
            "office": office,
        }
        return render_to_string("tracker/_inspection_findings.html", context, request)

    response = None
    if inspection.office_response_pk:
        response = Section55Response.objects.select_related("inspection", "policing_body").get(
            pk=inspection.office_response_pk
        )
    return render(
        request,
        "tracker/inspection_detail.html",
        {
            "inspection": inspection,
            # Reference data and the office's own links: no office work shown, none in the key.
            "findings_html": fingerprints.rendered(
                request, office, f"inspection {inspection.pk}", findings_html, include_work=False
            ),
            "office": office,
            "response": response,
            "can_start": response is None
            and Section55Response.objects.startable(request.user, inspection),
            "can_import": rules.can_import(request.user)
            and rules.importable_inspections(request.user).filter(pk=inspection.pk).exists(),
        },
    )


def with_targets(findings):
    """The findings, each with ``targets``: the bodies it is directed at, forces' kind and name
    order. One query of pairs and one of the bodies they name: a national report directs each
    finding at 43 forces, and a prefetch would build a Body for every pair."""
    findings = list(findings)
    pairs = Finding.directed_at.through.objects.filter(
        finding_id__in=[finding.pk for finding in findings]
    ).values_list("finding_id", "body_id")
    by_finding = {}
    for finding_id, body_id in pairs:
        by_finding.setdefault(finding_id, []).append(body_id)
    wanted = {body_id for ids in by_finding.values() for body_id in ids}
    bodies = list(Body.objects.filter(pk__in=wanted).order_by("kind", "name"))
    rank = {body.pk: i for i, body in enumerate(bodies)}
    for finding in findings:
        ids = sorted(by_finding.get(finding.pk, []), key=rank.__getitem__)
        finding.targets = [bodies[rank[body_id]] for body_id in ids]
    return findings


def group_findings(findings):
    """[(kind label, [(directed-at label, [finding, ...]), ...]), ...] in reading order."""
    by_kind = {kind: [] for kind in KIND_ORDER}
    for finding in findings:
        by_kind[finding.kind].append(finding)
    groups = []
    for kind in KIND_ORDER:
        if not by_kind[kind]:
            continue
        sub = []
        for bodies, items in groupby(by_kind[kind], key=lambda f: tuple(f.targets)):
            sub.append((directed_at_label(bodies), list(items)))
        groups.append((FINDING_KIND_PLURALS[kind], kind, sub))
    return groups


def directed_at_label(bodies):
    if not bodies:
        return "Not directed at a particular body"
    rocus = [b for b in bodies if not b.is_force]
    forces = [b for b in bodies if b.is_force]
    if rocus and len(forces) > 1:
        return f"{', '.join(r.name for r in rocus)} and its {len(forces)} constituent forces"
    return ", ".join(b.name for b in bodies)
