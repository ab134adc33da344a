"""The Police and Crime Panel report, as PDF and XLSX, for managers."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from forces.models import Body
from progress.services import Change, add_update
from tests.factories import FindingFactory, InspectionFactory
from tracker import panel

pytestmark = pytest.mark.django_db

PERIOD = {
    "start_0": "1",
    "start_1": "1",
    "start_2": "2026",
    "end_0": "31",
    "end_1": "12",
    "end_2": "2026",
}


@pytest.fixture
def tracked(world):
    """Norfolk: one finding closed in the period, one overdue with a red rating and updates."""
    norfolk = Body.objects.get(short_name="Norfolk")
    staff = world.users["own_staff"]
    add_update(
        world.afi,
        norfolk,
        staff,
        Change(
            text="Closed after the audit.",
            dated=datetime.date(2026, 6, 1),
            status="complete",
            rag="green",
        ),
    )
    add_update(
        world.recommendation,
        norfolk,
        staff,
        Change(
            text="Vetting backlog persists.",
            dated=datetime.date(2026, 5, 1),
            status="being_progressed",
            rag="red",
            target_date=datetime.date(2026, 4, 1),
            set_target=True,
        ),
    )
    return world


def test_only_managers_and_administrators_produce_it(as_user, world):
    url = reverse("tracker:panel_report")
    assert as_user("own_staff").get(url).status_code == 403
    assert as_user("anonymous").get(url).status_code == 302
    assert as_user("own_manager").get(url).status_code == 200
    assert as_user("admin").get(url).status_code == 200
    dashboard = as_user("own_manager").get(reverse("tracker:dashboard")).content.decode()
    assert url in dashboard
    assert url not in as_user("own_staff").get(reverse("tracker:dashboard")).content.decode()


def test_pdf(as_user, tracked, pdf_text, tmp_path):
    response = as_user("own_manager").get(
        reverse("tracker:panel_report"), {**PERIOD, "output": "pdf"}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "report to the Police and Crime Panel" in text
    assert "Norfolk Police and Crime Commissioner" in text
    overdue = text[text.index("Overdue") : text.index("Closed in the period")]
    assert "Vetting backlog persists." in overdue and "Red" in overdue
    closed = text[text.index("Closed in the period") : text.index("Open findings by inspection")]
    assert "Closed after the audit." in closed
    assert "Suffolk" not in text  # another office's findings are not in Norfolk's report


def pdf_pages(client, pdf_text, tmp_path):
    """The report's PDF as text, page by page (pdftotext ends each page with a form feed)."""
    response = client.get(reverse("tracker:panel_report"), {**PERIOD, "output": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return [" ".join(page.split()) for page in pdf_text(response.content, tmp_path).split("\f")]


def test_pdf_names_each_inspection_once_in_each_list(as_user, tracked, pdf_text, tmp_path):
    text = " ".join(pdf_pages(as_user("own_manager"), pdf_text, tmp_path))
    overdue = text[text.index("Overdue") : text.index("Closed in the period")]
    closed = text[text.index("Closed in the period") : text.index("Open findings by inspection")]
    open_ = text[text.index("Open findings by inspection") :]
    vetting = tracked.inspection.title
    assert overdue.count(vetting) == 1 and "Recommendation:" in overdue
    assert closed.count(vetting) == 1 and "Area for improvement 1:" in closed
    report = panel.panel_report(
        tracked.norfolk, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    )
    titles = [inspection.title for inspection, _ in report.open_by_inspection]
    assert vetting in titles and tracked.eastern.title in titles
    for title in titles:
        assert open_.count(title) == 1, title  # above its findings, not in each of them
    assert sum(len(rows) for _, rows in report.open_by_inspection) > len(titles)


def test_pdf_writes_empty_values_as_a_person_would(as_user, tracked, pdf_text, tmp_path):
    text = " ".join(pdf_pages(as_user("own_manager"), pdf_text, tmp_path))
    assert not re.search(r"\bNone\b", text)
    open_ = text[text.index("Open findings by inspection") :]
    # The eastern report's findings: Norfolk answered it, set no target and has given no update.
    assert "No deadline" in open_ and "No update yet" in open_


def test_pdf_rows_are_not_split_and_headers_repeat(as_user, tracked):
    html = panel.render_html(
        panel.panel_report(tracked.norfolk, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    )
    assert re.search(r"\btr\s*\{[^}]*break-inside:\s*avoid", html)
    assert re.search(r"\bthead\s*\{[^}]*display:\s*table-header-group", html)


def test_long_pdf_puts_no_row_across_a_page_boundary(as_user, world, pdf_text, tmp_path):
    norfolk = Body.objects.get(short_name="Norfolk")
    inspection = InspectionFactory(
        title="An inspection with many findings",
        publication_date=datetime.date(2026, 11, 1),  # its response is not yet due
        bodies=[norfolk],
    )
    for n in range(1, 41):
        # Each row's text begins and ends with its own marker (and fits before the template's
        # truncation); rows of different heights, so page ends fall anywhere.
        filler = " ".join(["the constabulary should improve its records"] * (1 + n % 4))
        FindingFactory(
            inspection=inspection,
            number=n,
            order=n,
            directed_at=[norfolk],
            text=f"Begin{n:02d}x {filler} end{n:02d}x",
        )
    pages = pdf_pages(as_user("own_manager"), pdf_text, tmp_path)
    with_rows = set()
    for n in range(1, 41):
        first = [i for i, page in enumerate(pages) if f"Begin{n:02d}x" in page]
        last = [i for i, page in enumerate(pages) if f"end{n:02d}x" in page]
        assert len(first) == 1 and first == last, f"row {n} is split across pages {first}, {last}"
        with_rows.update(first)
    assert len(with_rows) >= 3  # the list runs over several pages
    for i in with_rows:
        assert "Target or deadline" in pages[i], f"page {i + 1} has rows but no header row"
    assert inspection.title in " ".join(pages)


def test_xlsx(as_user, tracked):
    response = as_user("own_manager").get(
        reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx"}
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Open findings",
        "Overdue",
        "Closed in the period",
        "Open findings by status",
        "Open findings by RAG rating",
        "Report details",
    ]
    overdue = list(book["Overdue"].values)
    assert overdue[0][0] == "Inspection"
    assert [row[11] for row in overdue[1:]] == ["Vetting backlog persists."]
    assert [row[6] for row in overdue[1:]] == ["Being progressed"]
    closed = list(book["Closed in the period"].values)[1:]
    assert [row[12].date() if hasattr(row[12], "date") else row[12] for row in closed] == [
        datetime.date(2026, 6, 1)
    ]
    assert all("Suffolk" not in (row[5] or "") for row in list(book["Open findings"].values)[1:])


def panel_xlsx(client):
    response = client.get(reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx"})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


LISTS = ["Open findings", "Overdue", "Closed in the period"]
COUNTS = ["Open findings by status", "Open findings by RAG rating", "Report details"]


def test_xlsx_each_sheet_is_laid_out_for_an_office(as_user, tracked):
    book = panel_xlsx(as_user("own_manager"))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        last_column = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last_column}{sheet.max_row}", sheet.title
        assert all(cell.font.bold for cell in next(sheet.iter_rows(max_row=1))), sheet.title
    for title in LISTS:
        sheet = book[title]
        header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        width = {
            name: sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width
            for i, name in enumerate(header, start=1)
        }
        assert width["Text"] >= 60 and width["Latest update"] >= 50 and width["Inspection"] >= 40
        assert width["RAG"] <= 10 and width["Number"] <= 12 and width["Published"] <= 14
        assert all(width[name] >= len(name) + 3 for name in header)  # headings fit
        for row in sheet.iter_rows(min_row=2):
            by_name = dict(zip(header, row, strict=True))
            for name in ("Inspection", "Text", "Latest update"):
                if by_name[name].value is not None:
                    assert by_name[name].alignment.wrap_text, (title, name)
            assert not by_name["Status"].alignment.wrap_text
    assert sheet.max_row == 2  # one closed in the period: the filter covers it


def test_xlsx_dates_are_uk_date_cells_and_empty_values_blank(as_user, tracked):
    book = panel_xlsx(as_user("own_manager"))
    overdue = list(book["Overdue"].iter_rows())
    header = [cell.value for cell in overdue[0]]
    (row,) = [dict(zip(header, cells, strict=True)) for cells in overdue[1:]]
    dates = {
        "Published": datetime.datetime(2026, 10, 1),
        "Target or deadline": datetime.datetime(2026, 4, 1),
        "Latest update date": datetime.datetime(2026, 5, 1),
    }
    for name, value in dates.items():
        assert row[name].value == value and row[name].is_date, name
        assert row[name].number_format == "dd/mm/yyyy", name
    assert row["Overdue"].value == "Yes"
    for name in ("Owner", "Closed on"):  # nobody named; not closed
        assert row[name].value is None and row[name].data_type == "n", name
    (closed,) = [
        dict(zip(header, cells, strict=True)) for cells in list(book[LISTS[2]].iter_rows())[1:]
    ]
    assert closed["Closed on"].value == datetime.datetime(2026, 6, 1)
    assert closed["Closed on"].number_format == "dd/mm/yyyy"
    assert closed["Overdue"].value is None
    unrated = [
        cells[7] for cells in book["Open findings"].iter_rows(min_row=2) if cells[7].value is None
    ]
    assert unrated  # the eastern report's findings have no RAG rating: blank, not "None"
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                assert cell.value not in ("None", ""), (sheet.title, cell.coordinate)


def test_xlsx_counts_and_details_are_sheets_of_their_own(as_user, tracked):
    book = panel_xlsx(as_user("own_manager"))
    status = list(book["Open findings by status"].values)
    assert status[0] == ("Status", "Findings")
    assert ("Being progressed", 1) in status[1:]
    rag = dict(list(book["Open findings by RAG rating"].values)[1:])
    assert rag["Red"] == 1 and rag["Green"] == 0 and rag["Not rated"] >= 1
    details = dict(list(book["Report details"].values)[1:])
    assert details["Office"] == "Norfolk Police and Crime Commissioner"
    assert details["Period from"] == datetime.datetime(2026, 1, 1)
    assert details["Period to"] == datetime.datetime(2026, 12, 31)
    assert book["Report details"]["B3"].number_format == "dd/mm/yyyy"


def test_closed_outside_the_period_is_left_out(as_user, tracked):
    period = {**PERIOD, "start_1": "7", "output": "xlsx"}
    response = as_user("own_manager").get(reverse("tracker:panel_report"), period)
    book = load_workbook(io.BytesIO(response.content))
    assert list(book["Closed in the period"].values)[1:] == []


def test_bad_period_is_explained(as_user, world):
    response = as_user("own_manager").get(
        reverse("tracker:panel_report"), {**PERIOD, "end_2": "2025", "output": "pdf"}
    )
    assert response.status_code == 200
    assert "The ‘To’ date must be on or after the ‘From’ date" in response.content.decode()


def test_administrator_chooses_the_office(as_user, tracked):
    client = as_user("admin")
    response = client.get(reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx"})
    assert response.status_code == 200 and "Choose the office" in response.content.decode()
    response = client.get(
        reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx", "office": "norfolk"}
    )
    assert response.status_code == 200
