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
    assert values["ordering"] == ""
    page = client.get(reverse("tracker:list"), values)
    assert "There is a problem" not in page.content.decode()
    assert form_values(page)["ordering"] == ""
