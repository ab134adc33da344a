"""The public pages: published responses only, never a draft; and who may download letters."""

import pytest
from django.test import Client
from django.urls import reverse

from responses.models import Section55Response

pytestmark = pytest.mark.django_db


def test_public_index_by_year_links_report_and_pdf(world):
    html = Client().get(reverse("letters:published_index", args=["norfolk"])).content.decode()
    assert "HMICFRS reports and responses" in html
    assert html.index(">2023</h2>") < html.index(">2022</h2>")  # newest year first
    eastern = reverse("letters:published", args=["norfolk", "eastern-soc-2021-22"])
    assert f'href="{eastern}"' in html
    assert (
        'href="https://www.justiceinspectorates.gov.uk/hmicfrs/publications/peel-2021-22-an' in html
    )
    assert reverse("letters:published_pdf", args=["norfolk", "eastern-soc-2021-22"]) in html
    assert "vetting" not in html.lower()  # Norfolk's draft


def test_public_page_has_the_letter(world):
    response = Client().get(reverse("letters:published", args=["norfolk", "eastern-soc-2021-22"]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Inspection Title:",
        "Section 55 Response Deadline:",
        "14 July 2023",
        "Area for improvement 14:",
        "County Lines Team",
        "Norfolk and Suffolk Collaboration Board",
        "For Office Use Only:",
    ]:
        assert text in html, text
    assert html.count("<h1") == 1


def test_public_pdf(world):
    response = Client().get(
        reverse("letters:published_pdf", args=["norfolk", "eastern-soc-2021-22"])
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    "status", ["draft", "awaiting_chief", "in_review", "approved", "submitted"]
)
def test_drafts_are_never_public(world, status):
    import datetime

    sent = datetime.date(2026, 11, 1) if status == "submitted" else None
    Section55Response.objects.filter(pk=world.draft.pk).update(status=status, submitted_on=sent)
    client = Client()
    client.force_login(world.users["own_manager"])  # even for the office's own people
    for name in ["letters:published", "letters:published_pdf"]:
        assert client.get(reverse(name, args=["norfolk", world.inspection.slug])).status_code == 404
    index = client.get(reverse("letters:published_index", args=["norfolk"])).content.decode()
    assert world.inspection.title not in index


def test_publishing_makes_it_public(world):
    import datetime

    Section55Response.objects.filter(pk=world.draft.pk).update(
        status="published",
        submitted_on=datetime.date(2026, 11, 1),
        published_on=datetime.date(2026, 11, 2),
    )
    url = reverse("letters:published", args=["norfolk", world.inspection.slug])
    assert Client().get(url).status_code == 200


def test_another_offices_address_does_not_show_norfolks_response(world):
    url = reverse("letters:published", args=["suffolk", "eastern-soc-2021-22"])
    assert Client().get(url).status_code == 404
    assert Client().get(reverse("letters:published_index", args=["nowhere"])).status_code == 404


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("own_staff", 200),
        ("own_manager", 200),
        ("other_staff", 404),
        ("anonymous", 302),
    ],
)
def test_letter_download_follows_the_workspace_rules(world, as_user, user, expected):
    response = as_user(user).get(reverse("letters:pdf", args=[world.draft.pk]))
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]


def test_admin_action_downloads_one_letter(world, as_user):
    client = as_user("admin")
    url = reverse("admin:responses_section55response_changelist")
    reply = client.post(url, {"action": "download_letter", "_selected_action": [world.draft.pk]})
    assert reply["Content-Type"] == "application/pdf"
    reply = client.post(
        url,
        {"action": "download_letter", "_selected_action": [world.draft.pk, world.suffolk_draft.pk]},
        follow=True,
    )
    assert "Choose exactly one response." in reply.content.decode()


@pytest.mark.parametrize("date", [None, "future"])
def test_a_report_taken_back_to_data_entry_takes_its_public_response_with_it(world, date):
    """An administrator may clear or move a report's date (the admin allows a blank one): the
    public pages then show nothing of it, and the index does not fail on the missing year."""
    import datetime

    from inspections.models import Inspection

    new_date = None if date is None else datetime.date(2099, 1, 1)
    Inspection.objects.filter(slug="eastern-soc-2021-22").update(publication_date=new_date)
    client = Client()
    index = client.get(reverse("letters:published_index", args=["norfolk"]))
    assert index.status_code == 200
    assert "eastern-soc-2021-22" not in index.content.decode()
    for name in ("letters:published", "letters:published_pdf"):
        page = client.get(reverse(name, args=["norfolk", "eastern-soc-2021-22"]))
        assert page.status_code == 404
