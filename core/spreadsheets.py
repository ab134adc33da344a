"""Cells for the spreadsheet exports (the tracker's CSV and XLSX, the Police and Crime Panel
XLSX): user text is never a formula.

Excel, LibreOffice and Google Sheets run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a leading tab or carriage return can hide one; a finding's text, an owner or an
update typed as ``=HYPERLINK(...)`` would run on the reader's machine (CSV or formula injection).
As OWASP's CSV injection guidance says, such a cell is written with a single quote in front, so
it shows as the text it is. Only strings are escaped: numbers and dates stay typed.
"""

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value to write in a cell: a string that would start a formula gets a leading quote;
    anything else (numbers, dates, None) as it is. Every export writes its cells through this."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_cells(sheet, values, font=None):
    """A row for a write-only sheet. Strings are string cells whatever they hold (openpyxl
    would otherwise store one beginning with ``=`` as a formula)."""
    cells = []
    for value in values:
        if isinstance(value, str):
            # XML cannot hold most control characters (openpyxl refuses them, failing the whole
            # export): each shows as a replacement character instead of vanishing.
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if font is not None:
            cell.font = font
        cells.append(cell)
    return cells
