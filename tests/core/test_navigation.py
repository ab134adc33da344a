"""The service navigation names every section, and marks the one the page is in: Home on the
home page only, Responses on the response list and every response's pages, Tracker on the
tracker and on a finding's progress, none on the account page."""

from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.context_processors import navigation
from forces.models import Body

pytestmark = pytest.mark.django_db

SECTIONS = ["Home", "Inspections", "Responses", "Dashboard", "Tracker", "Imports"]


class Menu(HTMLParser):
    """The items of the service navigation: (label, href, active, aria-current)."""

    def __init__(self):
        super().__init__()
        self.items, self.in_list, self.item = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "ul" and "govuk-service-navigation__list" in classes:
            self.in_list = True
        elif self.in_list and tag == "li":
            active = "govuk-service-navigation__item--active" in classes
            self.item = {"label": "", "href": None, "active": active, "current": None}
        elif self.item is not None and tag == "a":
            self.item["href"] = attrs.get("href")
            self.item["current"] = attrs.get("aria-current")

    def handle_data(self, data):
        if self.item is not None:
            self.item["label"] += data.strip()

    def handle_endtag(self, tag):
        if tag == "li" and self.item is not None:
            self.items.append(self.item)
            self.item = None
        elif tag == "ul":
            self.in_list = False


def menu(page):
    parser = Menu()
    parser.feed(page.content.decode())
    return parser.items


def active(items):
    return [item["label"] for item in items if item["active"]]


def paths(world):
    """Representative pages of each section, with the item each should mark (None: none)."""
    draft = world.draft.pk
    norfolk = Body.objects.get(short_name="Norfolk")
    return [
        ("/", "Home"),
        (reverse("tracker:inspections"), "Inspections"),
        (reverse("tracker:inspection", args=[world.inspection.slug]), "Inspections"),
        (reverse("tracker:responses"), "Responses"),
        (reverse("responses:workspace", args=[draft]), "Responses"),
        (reverse("responses:edit_letter", args=[draft]), "Responses"),
        (reverse("responses:edit_finding", args=[draft, world.afi.pk]), "Responses"),
        (reverse("responses:history", args=[draft]), "Responses"),
        (reverse("tracker:dashboard"), "Dashboard"),
        (reverse("tracker:list"), "Tracker"),
        (reverse("progress:finding", args=[world.afi.pk, norfolk.slug]), "Tracker"),
        (reverse("imports:list"), "Imports"),
        (reverse("imports:upload"), "Imports"),
        (reverse("tracker:account"), None),
    ]


@pytest.mark.parametrize(
    ("role", "sections"),
    [
        ("own_staff", SECTIONS),
        ("own_manager", SECTIONS),
        ("admin", [*SECTIONS, "Data entry"]),
    ],
)
def test_every_section_is_in_the_menu_and_only_the_current_one_is_marked(
    world, as_user, role, sections
):
    client = as_user(role)
    for path, expected in paths(world):
        page = client.get(path)
        assert page.status_code == 200, path
        items = menu(page)
        assert [item["label"] for item in items] == sections, path
        assert active(items) == ([expected] if expected else []), path
        for item in items:
            if item["active"]:
                # The section's own page is the current page; a page within it is in it.
                assert item["current"] == ("page" if item["href"] == path else "true"), path
            else:
                assert item["current"] is None, path


def test_the_response_menu_item_opens_the_response_list(world, as_user):
    items = menu(as_user("own_staff").get("/"))
    assert {"label": "Responses", "href": reverse("tracker:responses")}.items() <= next(
        item for item in items if item["label"] == "Responses"
    ).items()


def test_the_panel_report_is_part_of_the_tracker(world, as_user):
    page = as_user("own_manager").get(reverse("tracker:panel_report"))
    assert page.status_code == 200
    assert active(menu(page)) == ["Tracker"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Home"),
        ("/responses/", "Responses"),
        ("/responses/12/", "Responses"),
        ("/responses/12/steps/submit/", "Responses"),
        ("/responses/start/some-report/", "Responses"),
        ("/responses/12/letter.pdf", "Responses"),
        ("/progress/findings/3/norfolk/", "Tracker"),
        ("/progress/panel-report/", "Tracker"),
        ("/tracker/export.csv", "Tracker"),
        ("/inspections/peel-2023/", "Inspections"),
        ("/account/", None),
        ("/account/api-token/", None),
        ("/published/norfolk/", None),
        ("/no-such-page/", None),
        ("/admin/", "Data entry"),
    ],
)
def test_the_marked_section_by_address(admin_user, path, expected):
    """Every address marks at most one section; Home marks the home page alone."""
    request = RequestFactory().get(path)
    request.user = admin_user
    items = navigation(request)["navigation"]
    assert [item["label"] for item in items if item["active"]] == ([expected] if expected else [])


def test_a_signed_out_visitor_has_no_menu():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert navigation(request) == {"navigation": []}
