"""CSV, XLSX and iCalendar exports: contents, dates as dates, and who may fetch them."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from forces.models import Body
from progress.models import FindingProgress
from progress.services import Change, add_update
from responses.models import Section55Response
from tracker.exports import HEADERS
from tracker.models import CalendarToken

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@time_machine.travel(TODAY, tick=False)
def test_csv_has_the_panel_columns_and_follows_the_filters(world, as_user):
    client = as_user("own_manager")
    response = client.get(reverse("tracker:export_csv"), {"inspection": world.eastern.pk})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment; filename=" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == HEADERS
    body = rows[1:]
    assert sorted(int(r[3]) for r in body) == [1, 2, 11, 12, 13, 14]
    afi_13 = next(r for r in body if r[3] == "13")
    assert afi_13[0].startswith("PEEL 2021/22: An inspection of the eastern regional")
    assert afi_13[1] == "2023-05-19"
    assert afi_13[2] == "Area for improvement"
    assert (
        afi_13[4]
        == "The constabulary should improve how it records disruptions on the national database"
    )
    assert afi_13[5:9] == [
        "Norfolk Constabulary",
        "Norfolk Police and Crime Commissioner",
        "",
        "Open",
    ]
    assert afi_13[9] == "Published"
    assert afi_13[10]  # last update


@time_machine.travel(TODAY, tick=False)
def test_xlsx_has_dates_as_dates(world, as_user):
    response = as_user("own_manager").get(
        reverse("tracker:export_xlsx"), {"kind": "recommendation"}
    )
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Tracker"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert sheet.cell(row=1, column=1).font.bold
    assert len(rows) == 2  # Norfolk's one recommendation
    row = rows[1]
    assert row[1] == datetime.datetime(2026, 10, 1)  # a real date cell
    assert row[7] == datetime.datetime(2027, 3, 1)
    assert row[8] == "Open"


# 11:22 on 1 July 2026 in UTC is 12:22 in London (British Summer Time).
SUMMER_UPDATE = datetime.datetime(2026, 7, 1, 11, 22, 13, 151398, tzinfo=datetime.UTC)


@pytest.fixture
def updated_in_summer(world):
    """Norfolk's progress on the vetting report's recommendation, last updated on a summer's
    day (the response's own changes are not the finding's progress)."""
    progress_updated(world, SUMMER_UPDATE)
    Section55Response.objects.filter(pk=world.draft.pk).update(
        updated_at=SUMMER_UPDATE.replace(month=8)
    )
    return world


def progress_updated(world, when):
    norfolk = Body.objects.get(short_name="Norfolk")
    add_update(
        world.recommendation,
        norfolk,
        world.users["own_staff"],
        Change(text="Plan agreed", dated=when.date()),
    )
    FindingProgress.objects.filter(finding=world.recommendation, body=norfolk).update(
        updated_at=when
    )


def xlsx(client, **filters):
    response = client.get(reverse("tracker:export_xlsx"), filters)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_xlsx_sheet_is_laid_out_for_an_office(world, as_user):
    book = xlsx(as_user("own_manager"))
    assert book.sheetnames == ["Tracker"]
    sheet = book["Tracker"]
    assert sheet.freeze_panes == "A2"  # the header row stays in view
    assert sheet.print_title_rows == "$1:$1"  # and prints on every page
    assert sheet.max_row > 5
    assert sheet.auto_filter.ref == f"A1:M{sheet.max_row}"  # the header and every row
    header = next(sheet.iter_rows(max_row=1))
    assert [cell.value for cell in header] == HEADERS
    assert all(cell.font.bold for cell in header)
    width = {
        title: sheet.column_dimensions[cell.column_letter].width
        for title, cell in zip(HEADERS, header, strict=True)
    }
    assert width["Finding text"] >= 60 and width["Inspection"] >= 40
    assert width["RAG"] <= 10 and width["Published"] <= 14 and width["Deadline"] <= 14
    for title in HEADERS:
        assert width[title] >= len(title) + 3, title  # the heading and the filter button fit
    for row in sheet.iter_rows(min_row=2):
        text = row[4]
        assert text.alignment.wrap_text and text.alignment.vertical == "top"
        assert row[0].alignment.wrap_text  # the inspection's title
        assert not row[1].alignment.wrap_text


def test_xlsx_dates_are_uk_date_cells(updated_in_summer, as_user):
    sheet = xlsx(as_user("own_manager"), inspection=updated_in_summer.inspection.pk)["Tracker"]
    rows = {row[2].value: row for row in sheet.iter_rows(min_row=2)}
    recommendation = rows["Recommendation"]
    published, deadline, updated = recommendation[1], recommendation[7], recommendation[12]
    for cell in (published, deadline, updated):
        assert cell.is_date and cell.data_type == "d", cell.coordinate
    assert published.value == datetime.datetime(2026, 10, 1)
    assert published.number_format == "dd/mm/yyyy"
    assert deadline.value == datetime.datetime(2027, 3, 1)
    assert deadline.number_format == "dd/mm/yyyy"
    # The last update in UK local time, without microseconds.
    assert updated.value == datetime.datetime(2026, 7, 1, 12, 22, 13)
    assert updated.number_format == "dd/mm/yyyy hh:mm"


def test_xlsx_empty_values_are_blank_cells(world, as_user):
    sheet = xlsx(as_user("own_manager"), inspection=world.eastern.pk)["Tracker"]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 6
    for row in rows:
        deadline, rag = row[7], row[11]
        # Norfolk answered the eastern report: no deadline, and nobody has rated the findings.
        assert deadline.value is None and deadline.data_type == "n"
        assert rag.value is None and rag.data_type == "n"
    assert not any(cell.value in ("None", "") for row in rows for cell in row)


def test_csv_is_utf8_with_a_byte_order_mark_and_plain_dates(updated_in_summer, as_user):
    response = as_user("own_manager").get(
        reverse("tracker:export_csv"), {"inspection": updated_in_summer.inspection.pk}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbfInspection,")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == HEADERS
    recommendation = next(row for row in rows[1:] if row[2] == "Recommendation")
    assert recommendation[1] == "2026-10-01"  # published
    assert recommendation[7] == "2027-03-01"  # deadline
    # Progress last updated: UK local time (BST in July) to the minute, no microseconds or offset.
    assert recommendation[12] == "2026-07-01 12:22"
    assert "None" not in content.decode("utf-8-sig")


def test_csv_time_in_winter_is_greenwich_mean_time(world, as_user):
    winter = datetime.datetime(2026, 11, 1, 19, 22, 13, 151398, tzinfo=datetime.UTC)
    progress_updated(world, winter)
    rows = csv_rows(
        as_user("own_manager").get(
            reverse("tracker:export_csv"), {"inspection": world.inspection.pk}
        )
    )
    recommendation = next(row for row in rows[1:] if row[2] == "Recommendation")
    assert recommendation[12] == "2026-11-01 19:22"
    assert {row[12] for row in rows[1:] if row is not recommendation} == {""}  # never updated


def test_export_is_scoped_to_the_users_office(world, as_user):
    rows = csv_rows(as_user("other_staff").get(reverse("tracker:export_csv")))
    assert {r[5] for r in rows[1:]} == {"Suffolk Constabulary"}


def test_bad_filters_show_the_list_with_errors_instead_of_exporting(world, as_user):
    response = as_user("own_staff").get(reverse("tracker:export_csv"), {"year": "last"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_calendar_token_lifecycle_and_feed(world, as_user):
    client = as_user("own_staff")
    client.post(reverse("tracker:calendar_token"), {"action": "create"})
    token = CalendarToken.objects.get(user=world.users["own_staff"]).token
    assert token in client.get(reverse("tracker:account")).content.decode()

    world.draft.chief_comments_due = datetime.date(2026, 10, 15)
    world.draft.save()
    from django.test import Client

    anonymous = Client()  # a calendar app has no session
    feed = anonymous.get(reverse("tracker:calendar_feed", args=[token]))
    assert feed["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(feed.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    deadline = events["Section 55 response due: An inspection of vetting in Norfolk"]
    assert deadline.decoded("dtstart") == datetime.date(2026, 11, 26)
    assert f"/responses/{world.draft.pk}/" in str(deadline["url"])
    assert events["Chief constable’s comments due: An inspection of vetting in Norfolk"]
    recommendation = events["Recommendation due: An inspection of vetting in Norfolk"]
    assert recommendation.decoded("dtstart") == datetime.date(2027, 3, 1)
    assert not any("Suffolk" in s or "eastern" in s for s in events)  # Suffolk's draft

    client.post(reverse("tracker:calendar_token"), {"action": "revoke"})
    assert anonymous.get(reverse("tracker:calendar_feed", args=[token])).status_code == 404
    assert not CalendarToken.objects.filter(user=world.users["own_staff"]).exists()


def test_replacing_the_token_retires_the_old_address(world, as_user):
    client = as_user("own_staff")
    client.post(reverse("tracker:calendar_token"), {"action": "create"})
    old = CalendarToken.objects.get(user=world.users["own_staff"]).token
    client.post(reverse("tracker:calendar_token"), {"action": "create"})
    new = CalendarToken.objects.get(user=world.users["own_staff"]).token
    assert new != old
    from django.test import Client

    assert Client().get(reverse("tracker:calendar_feed", args=[old])).status_code == 404
    assert Client().get(reverse("tracker:calendar_feed", args=[new])).status_code == 200


def test_unknown_token_and_inactive_user(world):
    from django.test import Client

    assert Client().get(reverse("tracker:calendar_feed", args=["guess"])).status_code == 404
    token = CalendarToken.objects.create(user=world.users["own_staff"])
    world.users["own_staff"].is_active = False
    world.users["own_staff"].save()
    assert Client().get(reverse("tracker:calendar_feed", args=[token.token])).status_code == 404


def test_token_changes_need_post(world, as_user):
    assert as_user("own_staff").get(reverse("tracker:calendar_token")).status_code == 405
