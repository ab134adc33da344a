"""The inspections list (filters, pagination) and the inspection page."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from forces.models import Body
from tests.factories import GradedJudgementFactory, InspectionFactory

pytestmark = pytest.mark.django_db


def listing(client, **params):
    return client.get(reverse("tracker:inspections"), params).content.decode()


EASTERN = "An inspection of the eastern regional response"
PEEL_2122 = "PEEL 2021/22: Police effectiveness, efficiency and legitimacy"
PEEL_2015 = "PEEL: Police effectiveness 2015"


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({}, [EASTERN, PEEL_2122, PEEL_2015], []),
        ({"programme": "soc_regional"}, [EASTERN], [PEEL_2122, PEEL_2015]),
        ({"year": "2022"}, [PEEL_2122], [EASTERN, PEEL_2015]),
        ({"grade": "inadequate"}, [EASTERN], [PEEL_2122, PEEL_2015]),
        ({"grade": "outstanding"}, [PEEL_2122, PEEL_2015], [EASTERN]),
        ({"q": "stop search"}, [PEEL_2122], [EASTERN]),  # every word must match
        ({"q": "technical surveillance"}, [EASTERN], [PEEL_2122, PEEL_2015]),  # finding text
    ],
)
def test_filters(world, as_user, params, shown, hidden):
    html = listing(as_user("own_staff"), **params)
    for title in shown:
        assert title in html, params
    for title in hidden:
        assert title not in html, params


def test_force_filter(world, as_user):
    kent = Body.objects.get(short_name="Kent")
    html = listing(as_user("own_staff"), force=kent.pk)
    assert EASTERN in html and PEEL_2122 not in html
    assert "1 inspection matches your filters" in html


def test_has_open_response_is_about_the_users_office(world, as_user):
    html = listing(as_user("own_staff"), has_open_response="yes")
    assert "An inspection of vetting in Norfolk" in html  # Norfolk's draft
    assert EASTERN not in html  # Norfolk's is published; Suffolk's draft is not ours
    assert EASTERN in listing(as_user("other_staff"), has_open_response="yes")


def test_bad_filter_values_are_reported_not_crashed(world, as_user):
    html = listing(as_user("own_staff"), year="soon", programme="nonsense")
    assert "There is a problem" in html
    assert "Enter the year as a number, for example 2024" in html


def test_pagination_keeps_the_filters(world, as_user):
    for n in range(25):
        InspectionFactory(
            title=f"Vetting review {n:02d}",
            programme="thematic",
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        )
    client = as_user("own_staff")
    first = listing(client, programme="thematic")
    assert "25 inspections match your filters" in first
    assert first.count("Vetting review ") == 20
    assert "programme=thematic&amp;page=2" in first
    second = listing(client, programme="thematic", page=2)
    assert second.count("Vetting review ") == 5
    assert "Vetting review 00" in second  # oldest last


def test_inspection_page(world, as_user):
    GradedJudgementFactory(
        inspection=world.eastern,
        body=Body.objects.get(short_name="Norfolk"),
        question="Four-tier question",
        scale="four_tier",
        grade="good",
    )
    html = (
        as_user("own_staff")
        .get(reverse("tracker:inspection", args=[world.eastern.slug]))
        .content.decode()
    )
    assert '<caption class="govuk-table__caption govuk-table__caption--m">Graded judgements' in html
    assert "Cambridgeshire Constabulary" in html and "Inadequate" in html
    assert "Four-tier (before PEEL 2021/22)" in html
    for heading in [
        "Causes of concern",
        "Recommendations",
        "Areas for improvement",
        "Innovative practice",
    ]:
        assert f">{heading}</h3>" in html
    assert "For Eastern Region Special Operations Unit and its 7 constituent forces" in html
    assert "Area for improvement 14" in html
    assert "due 1 September 2023" in html.replace("Due", "due")
    assert "Open the response" in html  # Norfolk's published response


def test_start_button_only_where_the_office_may_start(world, as_user):
    url = reverse("tracker:inspection", args=[world.unstarted.slug])
    assert "Start the response" in as_user("own_staff").get(url).content.decode()
    assert "does not cover your force" in as_user("other_staff").get(url).content.decode()


@time_machine.travel(datetime.datetime(2026, 11, 10, 12, tzinfo=datetime.UTC), tick=False)
def test_workspace_header_block_shows_deadline_days_left_and_rule(world, as_user):
    html = (
        as_user("own_staff")
        .get(reverse("responses:workspace", args=[world.draft.pk]))
        .content.decode()
    )
    # Published 1 October 2026; Norfolk counts 56 days after publication.
    assert "26 November 2026" in html
    assert "16 days left" in html
    assert "56 days after the day the report was published" in html
    for key in [
        "Inspection title",
        "Published on",
        "Publication types",
        "Police forces",
        "Link to report",
        "Section 55 response deadline",
    ]:
        assert f'<dt class="govuk-summary-list__key">{key}</dt>' in html
    assert "Norfolk Constabulary" in html


def test_home_lists_work_by_deadline(world, as_user):
    html = as_user("own_staff").get("/").content.decode()
    assert html.index("An inspection of vetting in Norfolk") < html.index(
        "Reports without a response"
    )
    assert "Custody in Norfolk" in html  # published, covers Norfolk, not started
    assert "Not yet published" not in html


@pytest.mark.parametrize(
    ("url", "user", "shown", "hidden"),
    [
        (
            "/inspections/",
            "own_staff",
            ["programme", "year", "force", "grade", "has_open_response", "q"],
            [],
        ),
        ("/inspections/", "admin", ["programme", "q"], ["has_open_response"]),
        (
            "/tracker/",
            "own_staff",
            ["inspection", "programme", "force", "kind", "state", "year"],
            [],
        ),
        (
            "/responses/",
            "own_staff",
            ["deadline_state", "status", "programme", "year"],
            ["policing_body"],
        ),
        ("/responses/", "admin", ["deadline_state", "policing_body"], []),
    ],
)
def test_filter_panels_show_their_fields(world, as_user, url, user, shown, hidden):
    html = as_user(user).get(url).content.decode()
    for name in shown:
        assert f'for="id_{name}"' in html, name
    for name in hidden:
        assert f'id="id_{name}"' not in html, name


def test_the_list_names_each_inspections_bodies(world, as_user):
    html = as_user("own_staff").get(reverse("tracker:inspections")).content.decode()
    eastern_bodies = ", ".join(b.short_name for b in world.eastern.bodies.order_by("kind", "name"))
    assert eastern_bodies in html
