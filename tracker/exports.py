"""The tracker as CSV and XLSX: the columns a Police and Crime Panel paper shows."""

import csv

from django.http import HttpResponse, StreamingHttpResponse

from core.spreadsheets import Column, add_sheet, csv_value, workbook
from inspections.choices import FindingKind
from progress.choices import ProgressStatus, Rag
from responses.choices import ResponseStatus
from responses.deadlines import FindingState

# The sheet's columns: wide and wrapped for long text, narrow for short values and dates (each
# wide enough for its heading and the autofilter's button).
SHEET_COLUMNS = [
    Column("Inspection", 45, wrap=True),
    Column("Published", 13),
    Column("Finding", 22),
    Column("Report number", 17),
    Column("Finding text", 70, wrap=True),
    Column("Force", 28, wrap=True),
    Column("Office", 30, wrap=True),
    Column("Deadline", 13),
    Column("State", 12),
    Column("Response status", 24, wrap=True),
    Column("Progress", 24),
    Column("RAG", 9),
    Column("Progress last updated", 25),
]
HEADERS = [column.title for column in SHEET_COLUMNS]


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
    "progress_updated_at",
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


def as_csv(rows, filename):
    """UTF-8 with a byte order mark, which Excel needs to read it as UTF-8."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([csv_value(title) for title in HEADERS])
        for values in export_rows(rows):
            yield writer.writerow([csv_value(value) for value in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(book, filename):
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    book.save(response)
    return response


def as_xlsx(rows, filename):
    book = workbook(title="Inspection findings tracker")
    add_sheet(book, "Tracker", SHEET_COLUMNS, export_rows(rows))
    return xlsx_response(book, f"{filename}.xlsx")
