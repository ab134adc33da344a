"""What an outside tester sent the tracker pages (issue 18's attack), each now answered
cleanly: digits that are not ASCII, ids too large for the database, a sort order the list
does not offer, and "Clear filters" for an administrator looking at one office."""

import pytest
from django.urls import reverse

from core.numbers import parse_id

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "٦", "99999999999999999999999", "-1", "0", "", "1e3"])
def test_parse_id_takes_only_ascii_database_ids(value):
    assert parse_id(value) is None


def test_parse_id_takes_a_real_id():
    assert parse_id("26") == 26


@pytest.mark.parametrize("rows", ["²", "99999999999999999999999", "٦"])
def test_bulk_update_with_hostile_row_ids_is_a_form_error(world, as_user, rows):
    page = as_user("own_staff").post(
        reverse("tracker:list"),
        {"bulk-rows": rows, "bulk-status": "being_progressed", "bulk-text": "x"},
    )
    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()


@pytest.mark.parametrize(
    "name", ["tracker:list", "tracker:export_csv", "tracker:dashboard", "tracker:responses"]
)
@pytest.mark.parametrize("office", ["²", "99999999999999999999999"])
def test_an_administrators_hostile_office_is_all_offices(world, as_user, name, office):
    assert as_user("admin").get(reverse(name), {"office": office}).status_code == 200


@pytest.mark.parametrize("ordering", ["-x", "[]", "--deadline", "deadline,force"])
def test_a_sort_order_not_offered_is_the_default_order(world, as_user, ordering):
    client = as_user("own_staff")
    page = client.get(reverse("tracker:list"), {"ordering": ordering})
    default = client.get(reverse("tracker:list"))
    html = page.content.decode()
    assert "There is a problem" not in html
    assert [row.pk for row in page.context["page"].object_list] == [
        row.pk for row in default.context["page"].object_list
    ]
    export = client.get(reverse("tracker:export_csv"), {"ordering": ordering})
    assert export["Content-Type"].startswith("text/csv")


def test_clear_filters_keeps_the_administrators_office(world, as_user):
    html = as_user("admin").get(
        reverse("tracker:list"), {"office": world.norfolk.pk, "kind": "recommendation"}
    )
    html = html.content.decode()
    assert f'href="{reverse("tracker:list")}?office={world.norfolk.pk}">Clear filters' in html


def test_a_year_out_of_range_says_which_years(world, as_user):
    html = as_user("own_staff").get(reverse("tracker:list"), {"year": "99999"}).content.decode()
    assert "Enter a year from 1900 to 2100" in html
