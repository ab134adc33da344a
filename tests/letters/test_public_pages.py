"""The public pages belong to the office that publishes: its name (and logo) as the header, its
website in the footer, none of the internal tool's chrome and no script. An Atom feed per
office, and a national index of every published response with whether it met its deadline."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from letters.models import Letterhead
from responses.models import Section55Response

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PAGES = [
    ("letters:national_index", []),
    ("letters:published_index", ["norfolk"]),
    ("letters:published", ["norfolk", "eastern-soc-2021-22"]),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_public_pages_show_the_office_not_the_tool(world, name, args):
    html = Client().get(reverse(name, args=args)).content.decode()
    for internal in [
        "Inspection findings tracker",
        "Sign in",
        "Beta",
        "Report problems",
        "<script",
    ]:
        assert internal not in html, internal
    assert 'class="app-public-header"' in html
    if args:
        assert "Norfolk Police and Crime Commissioner" in html.split("</header>")[0]
        assert "Published by Norfolk Police and Crime Commissioner" in html


def test_the_footer_links_the_offices_website_and_the_logo_is_served(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world.norfolk.website = "https://www.norfolk-pcc.gov.uk/"
    world.norfolk.save()
    Letterhead.objects.create(
        policing_body=world.norfolk,
        heading_name="Norfolk PCC",
        logo=SimpleUploadedFile("logo.png", PNG, content_type="image/png"),
    )
    html = Client().get(reverse("letters:published_index", args=["norfolk"])).content.decode()
    assert 'href="https://www.norfolk-pcc.gov.uk/"' in html
    logo = reverse("letters:published_logo", args=["norfolk"])
    assert f'src="{logo}"' in html
    served = Client().get(logo)
    assert served["Content-Type"] == "image/png" and served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PNG


def test_the_atom_feed_has_one_entry_per_published_response(world):
    feed = Client().get(reverse("letters:published_feed", args=["norfolk"]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)  # noqa: S314 - our own feed; well-formed, or it raises
    assert root.tag == f"{ATOM}feed"
    published = Section55Response.objects.filter(policing_body=world.norfolk, status="published")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == published.count() >= 1
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    for response in published:
        url = reverse("letters:published", args=["norfolk", response.inspection.slug])
        assert any(link.endswith(url) for link in links)
    assert "vetting" not in feed.content.decode().lower()  # Norfolk's draft


def test_the_national_index_lists_every_published_response_and_the_deadline(world):
    page = Client().get(reverse("letters:national_index"))
    listed = list(page.context["page"].object_list)
    expected = Section55Response.objects.filter(status="published").count()
    assert len(listed) == expected >= 2
    assert all(row.status == "published" for row in listed)
    assert {row.met_deadline for row in listed} <= {True, False, None}
    html = page.content.decode()
    assert "56-day deadline" in html and ("Met" in html or "Missed" in html)


def test_the_national_index_filters_by_office_year_programme_and_deadline(world):
    client = Client()
    url = reverse("letters:national_index")
    norfolk = client.get(url, {"office": "norfolk"}).context["page"].object_list
    assert {row.policing_body.slug for row in norfolk} == {"norfolk"}
    year = client.get(url, {"year": 2023}).context["page"].object_list
    assert {row.inspection.publication_date.year for row in year} == {2023}
    late = client.get(url, {"deadline": "missed"}).context["page"].object_list
    assert all(row.met_deadline is False for row in late)
    bad = client.get(url, {"year": "soon"}).content.decode()
    assert "There is a problem" in bad


def test_a_response_published_late_is_marked_missed_even_if_submitted_on_time(world):
    """The Act asks for publication within 56 days: an on-time submission published months
    later missed it."""
    response = Section55Response.objects.filter(status="published").first()
    published = response.inspection.publication_date
    Section55Response.objects.filter(pk=response.pk).update(
        submitted_on=published + datetime.timedelta(days=10),
        published_on=published + datetime.timedelta(days=200),
    )
    missed = Client().get(reverse("letters:national_index"), {"deadline": "missed"})
    assert response.pk in {row.pk for row in missed.context["page"].object_list}
    met = Client().get(reverse("letters:national_index"), {"deadline": "met"})
    assert response.pk not in {row.pk for row in met.context["page"].object_list}


def test_a_control_character_in_a_title_does_not_break_the_feed(world):
    response = Section55Response.objects.filter(policing_body=world.norfolk, status="published")
    inspection = response.first().inspection
    type(inspection).objects.filter(pk=inspection.pk).update(title="Vertical\x0btab report")
    feed = Client().get(reverse("letters:published_feed", args=["norfolk"]))
    assert feed.status_code == 200
    ET.fromstring(feed.content)  # noqa: S314 - our own feed
    assert b"Verticaltab report" in feed.content


def test_the_public_pdf_is_rendered_once(world, monkeypatch):
    """A public address: a second download must not render the letter again."""
    from letters import views

    calls = []
    real = views.render_pdf
    monkeypatch.setattr(views, "render_pdf", lambda response: calls.append(1) or real(response))
    url = reverse("letters:published_pdf", args=["norfolk", "eastern-soc-2021-22"])
    first, second = Client().get(url), Client().get(url)
    assert first.content == second.content and first.content.startswith(b"%PDF")
    assert len(calls) == 1


def test_a_logo_gone_from_storage_is_a_404(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    letterhead = Letterhead.objects.create(
        policing_body=world.norfolk,
        heading_name="Norfolk PCC",
        logo=SimpleUploadedFile("logo.png", PNG, content_type="image/png"),
    )
    (tmp_path / letterhead.logo.name).unlink()
    assert Client().get(reverse("letters:published_logo", args=["norfolk"])).status_code == 404


def test_the_feed_names_its_author(world):
    feed = Client().get(reverse("letters:published_feed", args=["norfolk"]))
    root = ET.fromstring(feed.content)  # noqa: S314 - our own feed
    assert root.find(f"{ATOM}author/{ATOM}name").text == world.norfolk.name
