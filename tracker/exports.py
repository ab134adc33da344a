"""The tracker as CSV and XLSX: the columns a Police and Crime Panel paper shows."""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from core.spreadsheets import safe_cell, xlsx_cells
from inspections.choices import FindingKind
from progress.choices import ProgressStatus, Rag
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
    "Progress",
    "RAG",
    "Last update",
]


# The columns, read as plain values: no model instances for 100,000 rows.
COLUMNS = [
    "finding__inspection__title",
    "finding__inspection__publication_date",
    "finding__kind",
    "finding__number",
    "finding__text",
    "body__name",
    "body__policing_body__name",
    "deadline_on",
    "state",
    "response_status",
    "progress_status",
    "progress_rag",
    "response_updated_at",
]
KIND_LABELS = dict(FindingKind.choices)
STATE_LABELS = dict(FindingState.choices)
STATUS_LABELS = dict(ResponseStatus.choices)
PROGRESS_LABELS = dict(ProgressStatus.choices)
RAG_LABELS = dict(Rag.choices)


def export_rows(rows):
    for values in rows.values_list(*COLUMNS).iterator(2000):
        values = list(values)
        values[2] = KIND_LABELS[values[2]]
        values[8] = STATE_LABELS[values[8]]
        values[9] = STATUS_LABELS[values[9]] if values[9] else "Not started"
        values[10] = PROGRESS_LABELS[values[10]]
        values[11] = RAG_LABELS.get(values[11], "")
        yield values


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
        yield writer.writerow([safe_cell(title) for title in HEADERS])
        for values in export_rows(rows):
            yield writer.writerow([_text(safe_cell(value)) for value in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def append_header(sheet, titles):
    """A bold header row on a write-only sheet."""
    sheet.append(xlsx_cells(sheet, titles, font=Font(bold=True)))


def as_xlsx(rows, filename):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tracker")
    append_header(sheet, HEADERS)
    for values in export_rows(rows):
        # Spreadsheet cells hold no time zone: last update in local (UK) time.
        if values[-1] is not None:
            values[-1] = timezone.localtime(values[-1]).replace(tzinfo=None)
        sheet.append(xlsx_cells(sheet, values))
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    book.save(response)
    return response
