"""The Police and Crime Panel report: an office's findings over a period, as PDF and XLSX.

Both formats come from ``panel_report``: open findings by inspection with their status, RAG
and latest update; overdue items; items closed in the period; counts by status and RAG.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import DateField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.template.loader import render_to_string
from openpyxl import Workbook

from accounts import access
from core.spreadsheets import xlsx_cells
from forces.choices import BodyKind
from inspections.choices import RESPONSE_KINDS
from letters.pdf import html_to_pdf
from progress.choices import CLOSED_STATUSES, ProgressStatus, Rag
from progress.models import ProgressUpdate
from responses import deadlines
from tracker.exports import append_header
from tracker.queries import FindingTarget, annotate_rows


def can_report(user):
    """Managers produce the Police and Crime Panel report for their office; administrators for
    any office."""
    return access.is_administrator(user) or access.is_manager(user)


@dataclass
class PanelReport:
    office: object
    start: object
    end: object
    on: object
    open_by_inspection: list = field(default_factory=list)  # [(inspection, [rows])]
    overdue: list = field(default_factory=list)
    closed: list = field(default_factory=list)
    status_counts: list = field(default_factory=list)  # [(label, n)] for open rows
    rag_counts: list = field(default_factory=list)


def _latest(field_name):
    updates = ProgressUpdate.objects.filter(progress_id=OuterRef("progress_pk")).order_by(
        "-dated", "-created_at", "-pk"
    )
    return Subquery(updates.values(field_name)[:1])


def _closed_on():
    """When a closed record closed: HMICFRS's date, else the update that set a closed status."""
    closing = ProgressUpdate.objects.filter(
        progress_id=OuterRef("progress_pk"), status__in=CLOSED_STATUSES
    ).order_by("-dated", "-created_at", "-pk")
    return Coalesce(
        "force_progress__closed_on",
        Subquery(closing.values("dated")[:1]),
        output_field=DateField(),
    )


def panel_report(office, start, end, on=None):
    on = on or deadlines.today()
    rows = FindingTarget.objects.filter(
        body__kind=BodyKind.FORCE,
        body__policing_body=office,
        finding__kind__in=RESPONSE_KINDS,
        finding__inspection__publication_date__lte=end,
    )
    rows = (
        annotate_rows(rows, on=on)
        .annotate(
            latest_text=_latest("text"),
            latest_dated=_latest("dated"),
            owner=Coalesce("force_progress__owner", Value("")),
            closed_on=_closed_on(),
        )
        .order_by("-finding__inspection__publication_date", "finding__order", "body__name", "pk")
    )
    report = PanelReport(office=office, start=start, end=end, on=on)
    statuses, rags = Counter(), Counter()
    groups = {}
    for row in rows:
        if row.progress_closed:
            if row.closed_on and start <= row.closed_on <= end:
                report.closed.append(row)
            continue
        groups.setdefault(row.finding.inspection, []).append(row)
        statuses[row.progress_status] += 1
        rags[row.progress_rag] += 1
        if row.deadline_on is not None and row.deadline_on < on:
            report.overdue.append(row)
    report.open_by_inspection = list(groups.items())
    report.status_counts = [
        (status.label, statuses[status]) for status in ProgressStatus if statuses[status]
    ]
    report.rag_counts = [(rag.label, rags[rag]) for rag in Rag] + [("Not rated", rags[""])]
    return report


def filename(report, extension):
    period = f"{report.start:%Y-%m-%d}-to-{report.end:%Y-%m-%d}"
    return f"panel-report-{report.office.slug}-{period}.{extension}"


def as_pdf(report):
    html = render_to_string("tracker/panel_report_pdf.html", {"report": report})
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "pdf")}"'
    return response


COLUMNS = [
    "Inspection",
    "Published",
    "Finding",
    "Number",
    "Text",
    "Force",
    "Status",
    "RAG",
    "Owner",
    "Target or deadline",
    "Overdue",
    "Latest update",
    "Latest update date",
    "Closed on",
]


def _sheet_row(row, on):
    finding = row.finding
    return [
        finding.inspection.title,
        finding.inspection.publication_date,
        finding.get_kind_display(),
        finding.number,
        finding.text,
        row.body.name,
        ProgressStatus(row.progress_status).label,
        Rag(row.progress_rag).label if row.progress_rag else "",
        row.owner,
        row.deadline_on,
        "Yes" if (not row.progress_closed and row.deadline_on and row.deadline_on < on) else "",
        row.latest_text or "",
        row.latest_dated,
        row.closed_on if row.progress_closed else None,
    ]


def as_xlsx(report):
    book = Workbook(write_only=True)
    sheets = [
        ("Open findings", [r for _, rows in report.open_by_inspection for r in rows]),
        ("Overdue", report.overdue),
        ("Closed in period", report.closed),
    ]
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        append_header(sheet, COLUMNS)
        for row in rows:
            sheet.append(xlsx_cells(sheet, _sheet_row(row, report.on)))
    summary = book.create_sheet("Summary")
    lines = [
        [f"{report.office.name}: {report.start:%-d %B %Y} to {report.end:%-d %B %Y}"],
        ["Open findings by status", "Count"],
        *report.status_counts,
        ["Open findings by RAG", "Count"],
        *report.rag_counts,
    ]
    for line in lines:
        summary.append(xlsx_cells(summary, line))
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "xlsx")}"'
    book.save(response)
    return response
