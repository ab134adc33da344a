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

from accounts import access
from core.spreadsheets import Column, add_sheet, workbook
from forces.choices import BodyKind
from inspections.choices import RESPONSE_KINDS
from letters.pdf import html_to_pdf
from progress.choices import CLOSED_STATUSES, ProgressStatus, Rag
from progress.models import ProgressUpdate
from responses import deadlines
from tracker.exports import xlsx_response
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

    @property
    def open(self):
        """The open rows, inspection by inspection."""
        return [row for _, rows in self.open_by_inspection for row in rows]


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
        # An inspection's rows together (two may share a publication date): each list shows
        # them under its title.
        .order_by(
            "-finding__inspection__publication_date",
            "finding__inspection_id",
            "finding__order",
            "body__name",
            "pk",
        )
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


def render_html(report):
    return render_to_string("tracker/panel_report_pdf.html", {"report": report})


def as_pdf(report):
    response = HttpResponse(html_to_pdf(render_html(report)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(report, "pdf")}"'
    return response


COLUMNS = [
    Column("Inspection", 45, wrap=True),
    Column("Published", 13),
    Column("Finding", 22),
    Column("Number", 11),
    Column("Text", 70, wrap=True),
    Column("Force", 28, wrap=True),
    Column("Status", 24),
    Column("RAG", 9),
    Column("Owner", 22, wrap=True),
    Column("Target or deadline", 21),
    Column("Overdue", 11),
    Column("Latest update", 60, wrap=True),
    Column("Latest update date", 21),
    Column("Closed on", 13),
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
        Rag(row.progress_rag).label if row.progress_rag else None,
        row.owner,
        row.deadline_on,
        "Yes" if (not row.progress_closed and row.deadline_on and row.deadline_on < on) else None,
        row.latest_text,
        row.latest_dated,
        row.closed_on if row.progress_closed else None,
    ]


def as_xlsx(report):
    """A sheet for each of the report's lists, and one saying whose report it is and when."""
    period = f"{report.start:%-d %B %Y} to {report.end:%-d %B %Y}"
    book = workbook(title=f"Inspection findings: {report.office.name}, {period}")
    lists = [
        ("Open findings", report.open),
        ("Overdue", report.overdue),
        ("Closed in the period", report.closed),
    ]
    for title, rows in lists:
        add_sheet(book, title, COLUMNS, (_sheet_row(row, report.on) for row in rows))
    add_sheet(
        book,
        "Open findings by status",
        [Column("Status", 28), Column("Findings", 12)],
        report.status_counts,
    )
    add_sheet(
        book,
        "Open findings by RAG rating",
        [Column("RAG rating", 14), Column("Findings", 12)],
        report.rag_counts,
    )
    add_sheet(
        book,
        "Report details",
        [Column("Detail", 16), Column("Value", 45, wrap=True)],
        [
            ("Office", report.office.name),
            ("Period from", report.start),
            ("Period to", report.end),
            ("Produced on", report.on),
        ],
    )
    return xlsx_response(book, filename(report, "xlsx"))
