"""The Police and Crime Panel report, as PDF and XLSX, for managers."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from forces.models import Body
from progress.services import Change, add_update

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


def test_xlsx(as_user, tracked):
    response = as_user("own_manager").get(
        reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx"}
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Open findings", "Overdue", "Closed in period", "Summary"]
    overdue = list(book["Overdue"].values)
    assert overdue[0][0] == "Inspection"
    assert [row[11] for row in overdue[1:]] == ["Vetting backlog persists."]
    assert [row[6] for row in overdue[1:]] == ["Being progressed"]
    closed = list(book["Closed in period"].values)[1:]
    assert [row[12].date() if hasattr(row[12], "date") else row[12] for row in closed] == [
        datetime.date(2026, 6, 1)
    ]
    assert all("Suffolk" not in (row[5] or "") for row in list(book["Open findings"].values)[1:])


def test_closed_outside_the_period_is_left_out(as_user, tracked):
    period = {**PERIOD, "start_1": "7", "output": "xlsx"}
    response = as_user("own_manager").get(reverse("tracker:panel_report"), period)
    book = load_workbook(io.BytesIO(response.content))
    assert list(book["Closed in period"].values)[1:] == []


def test_bad_period_is_explained(as_user, world):
    response = as_user("own_manager").get(
        reverse("tracker:panel_report"), {**PERIOD, "end_2": "2025", "output": "pdf"}
    )
    assert response.status_code == 200
    assert "The end of the period must be on or after its start" in response.content.decode()


def test_administrator_chooses_the_office(as_user, tracked):
    client = as_user("admin")
    response = client.get(reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx"})
    assert response.status_code == 200 and "Choose the office" in response.content.decode()
    response = client.get(
        reverse("tracker:panel_report"), {**PERIOD, "output": "xlsx", "office": "norfolk"}
    )
    assert response.status_code == 200
