"""Cells and sheets for the spreadsheet exports (the tracker's CSV and XLSX, the Police and Crime
Panel XLSX), written as offices use spreadsheets, and with user text that is never a formula.

Excel, LibreOffice and Google Sheets run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a leading tab or carriage return can hide one; a finding's text, an owner or an
update typed as ``=HYPERLINK(...)`` would run on the reader's machine (CSV or formula injection).
As OWASP's CSV injection guidance says, such a cell is written with a single quote in front, so
it shows as the text it is. Only strings are escaped: numbers and dates stay typed.

A sheet (``add_sheet``) has a frozen bold header row that prints on every page, an autofilter
over its data, each column its width, long text wrapped, and dates as date cells shown the UK way
(31/12/2026). Empty values are blank cells. A CSV (``csv_value``) writes dates as 2026-12-31 and
times in UK local time to the minute (2026-12-31 19:22).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

UK_DATE = "dd/mm/yyyy"
UK_DATE_TIME = "dd/mm/yyyy hh:mm"

# The workbook's named styles (a cell takes one whole: cheap for 100,000 rows).
HEADING = "Export heading"
VALUE = "Export value"
LONG_TEXT = "Export long text"
DATE = "Export date"
DATE_TIME = "Export date and time"


def safe_cell(value):
    """The value to write in a cell: a string that would start a formula gets a leading quote;
    anything else (numbers, dates, None) as it is. Every export writes its cells through this."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def local_time(value):
    """An aware date-time in UK local time (settings.TIME_ZONE), to the second: spreadsheet cells
    hold no time zone."""
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0)


def csv_value(value):
    """A CSV field: blank for no value, dates as 2026-12-31, date-times in UK local time as
    2026-12-31 19:22, and text that never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return local_time(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_cell(value)


@dataclass(frozen=True)
class Column:
    """A column of an exported sheet: its heading, its width in characters, and whether its
    text is long (wide and wrapped)."""

    title: str
    width: float
    wrap: bool = False


def workbook(title=""):
    """A write-only workbook (rows go out as they come) with the exports' styles."""
    book = Workbook(write_only=True)
    top = Alignment(vertical="top")
    for style in [
        NamedStyle(HEADING, font=Font(bold=True), alignment=top),
        NamedStyle(VALUE, alignment=top),
        NamedStyle(LONG_TEXT, alignment=Alignment(vertical="top", wrap_text=True)),
        NamedStyle(DATE, alignment=top, number_format=UK_DATE),
        NamedStyle(DATE_TIME, alignment=top, number_format=UK_DATE_TIME),
    ]:
        book.add_named_style(style)
    book.properties.title = title
    book.properties.creator = "Inspection findings tracker"
    return book


def _style(value, wrap):
    if isinstance(value, datetime.datetime):
        return DATE_TIME
    if isinstance(value, datetime.date):
        return DATE
    return LONG_TEXT if wrap and isinstance(value, str) else VALUE


def xlsx_cells(sheet, values, columns=None, style=None):
    """A row for a write-only sheet. Strings are string cells whatever they hold (openpyxl
    would otherwise store one beginning with ``=`` as a formula); empty values are blank cells;
    dates are date cells in the UK format. ``style`` names one style for the row (the header);
    otherwise each cell's comes from its value and its column."""
    cells = []
    for index, value in enumerate(values):
        if value is None or value == "":
            cells.append(None)  # no cell at all: blank
            continue
        if isinstance(value, str):
            # XML cannot hold most control characters (openpyxl refuses them, failing the whole
            # export): each shows as a replacement character instead of vanishing.
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        elif isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = local_time(value)
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        wrap = columns is not None and index < len(columns) and columns[index].wrap
        cell.style = style or _style(value, wrap)
        cells.append(cell)
    return cells


def add_sheet(book, title, columns, rows):
    """A sheet of ``book`` holding one list: ``columns`` (Column) and ``rows`` (lists of values,
    any iterable: written as they come). The header row is frozen, bold and printed on every
    page; the autofilter covers the header and every row; printed, the sheet is landscape and
    one page wide."""
    sheet = book.create_sheet(title)
    # Everything above the rows (panes, column widths) goes out before the first row does.
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.append(xlsx_cells(sheet, [column.title for column in columns], style=HEADING))
    last_row = 1
    for values in rows:
        sheet.append(xlsx_cells(sheet, values, columns))
        last_row += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"
    return sheet
