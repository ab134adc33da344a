"""The tracker as CSV and XLSX: the columns a Police and Crime Panel paper shows."""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from inspections.choices import FindingKind
from responses.choices import ResponseStatus
from responses.deadlines import FindingState

HEADERS = [
    "Inspection",
    "Published",
    "Finding",
    "Report number",
    "Finding text",
    "Force",
    "Office",
    "Deadline",
    "State",
    "Response status",
    "Last update",
]


def row_values(row):
    finding = row.finding
    return [
        finding.inspection.title,
        finding.inspection.publication_date,
        FindingKind(finding.kind).label,
        finding.number,
        finding.text,
        row.body.name,
        row.body.policing_body.name,
        row.deadline_on,
        FindingState(row.state).label,
        ResponseStatus(row.response_status).label if row.response_status else "Not started",
        row.response_updated_at,
    ]


class _Echo:
    def write(self, value):
        return value


def _text(value):
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else value


def as_csv(rows, filename):
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(HEADERS)
        for row in rows.iterator(2000):
            yield writer.writerow([_text(value) for value in row_values(row)])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(rows, filename):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tracker")
    bold = Font(bold=True)
    header = [WriteOnlyCell(sheet, value=title) for title in HEADERS]
    for cell in header:
        cell.font = bold
    sheet.append(header)
    for row in rows.iterator(2000):
        values = row_values(row)
        # Spreadsheet cells hold no time zone: last update in local (UK) time.
        if values[-1] is not None:
            values[-1] = timezone.localtime(values[-1]).replace(tzinfo=None)
        sheet.append(values)
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    book.save(response)
    return response
