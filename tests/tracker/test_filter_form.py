"""The tracker's filter form submits what it shows: applying the filters again (and again)
gives the same rows and no error, and its export links carry working values."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class FilterForm(HTMLParser):
    """The values a browser would send from the page's GET form (the filter panel)."""

    def __init__(self):
        super().__init__()
        self.values, self.in_form, self.select = {}, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "get":
            self.in_form = True
        elif not self.in_form:
            return
        elif tag == "input" and attrs.get("type") in ("text", "hidden"):
            self.values[attrs["name"]] = attrs.get("value", "")
        elif tag == "input" and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.values[attrs["name"]] = attrs.get("value", "on")
        elif tag == "select":
            self.select = attrs["name"]
            self.values.setdefault(self.select, None)
        elif (
            tag == "option"
            and self.select
            and ("selected" in attrs or self.values[self.select] is None)
        ):
            self.values[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None


def form_values(page):
    parser = FilterForm()
    parser.feed(page.content.decode())
    return parser.values


def test_applying_the_filters_again_keeps_them(world, as_user):
    client = as_user("own_staff")
    page = client.get(reverse("tracker:list"), {"ordering": "deadline", "kind": "recommendation"})
    for _ in range(3):
        values = form_values(page)
        assert values["ordering"] == "deadline" and values["kind"] == "recommendation"
        page = client.get(reverse("tracker:list"), values)
        assert page.status_code == 200
        assert "There is a problem" not in page.content.decode()
    csv = client.get(reverse("tracker:export_csv"), form_values(page))
    assert csv["Content-Type"].startswith("text/csv")


def test_the_default_order_is_sent_back_as_the_default(world, as_user):
    client = as_user("own_staff")
    values = form_values(client.get(reverse("tracker:list")))
    assert values.get("ordering", "") == ""
    page = client.get(reverse("tracker:list"), values)
    assert "There is a problem" not in page.content.decode()
    assert form_values(page).get("ordering", "") == ""


def test_the_sort_order_is_chosen_from_the_column_headers(world, as_user):
    """No "Sort by" box: the headers link to the sorted list, keeping the filters; a second
    click on the same header reverses it."""
    client = as_user("own_staff")
    page = client.get(reverse("tracker:list"), {"kind": "recommendation"}).content.decode()
    assert 'name="ordering"' not in page.split("<table")[0].split("moj-filter__options")[1]
    assert 'href="?kind=recommendation&amp;ordering=deadline"' in page
    state = 'aria-sort="ascending"><a class="app-sort-link" href="?kind=recommendation">State'
    assert state in page
    page = client.get(reverse("tracker:list"), {"kind": "recommendation", "ordering": "deadline"})
    deadline = 'aria-sort="ascending"><a class="app-sort-link" href="?kind=recommendation&amp;'
    assert deadline + 'ordering=-deadline">Deadline' in page.content.decode()
    assert form_values(page)["ordering"] == "deadline"  # applying filters keeps the order


def test_a_filter_in_use_is_a_tag_that_removes_it(world, as_user):
    client = as_user("own_staff")
    html = client.get(reverse("tracker:list"), {"kind": "recommendation", "state": "overdue"})
    html = html.content.decode()
    assert "Selected filters" in html
    remove = '<span class="govuk-visually-hidden">Remove this filter: '
    assert f'href="?state=overdue">{remove}Kind of finding</span> Recommendation</a>' in html
    assert f'href="?kind=recommendation">{remove}Deadline state</span> Overdue</a>' in html
