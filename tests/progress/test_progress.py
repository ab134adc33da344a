"""Tracking findings to closure: updates, evidence, status and RAG, who may do it."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forces.models import Body
from inspections.choices import FindingKind
from progress.choices import ProgressStatus, Rag
from progress.models import Evidence, FindingProgress, ProgressUpdate
from progress.services import Change, add_update
from tests.factories import FindingFactory, UserFactory
from tests.imports.pdfs import report_pdf

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def norfolk(world):
    return Body.objects.get(short_name="Norfolk")


@pytest.fixture
def suffolk(world):
    return Body.objects.get(short_name="Suffolk")


def url_for(finding, body):
    return reverse("progress:finding", args=[finding.pk, body.slug])


def post_update(client, finding, body, version=0, **fields):
    today = datetime.date.today()
    data = {
        "text": "Plan agreed with the force.",
        "dated_0": today.day,
        "dated_1": today.month,
        "dated_2": today.year,
        "version": version,
        **fields,
    }
    return client.post(url_for(finding, body), data)


# -- access -----------------------------------------------------------------------------------
def test_anonymous_is_sent_to_sign_in(client, world, norfolk):
    response = client.get(url_for(world.afi, norfolk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_outsider_and_other_office_get_404(client, as_user, world, norfolk):
    client.force_login(UserFactory())
    assert client.get(url_for(world.afi, norfolk)).status_code == 404
    other = as_user("other_staff")
    assert other.get(url_for(world.afi, norfolk)).status_code == 404
    assert post_update(other, world.afi, norfolk).status_code == 404
    assert not FindingProgress.objects.exists()


def test_inspection_page_links_progress_for_the_offices_own_forces(
    as_user, world, norfolk, suffolk
):
    """Norfolk sees a progress link for Norfolk on a regional finding, not for Suffolk; an
    administrator sees both; a finding that needs no response has none."""
    regional = world.eastern.findings.filter(directed_at=suffolk).filter(directed_at=norfolk)[0]
    practice = FindingFactory(
        inspection=world.eastern, kind=FindingKind.INNOVATIVE_PRACTICE, directed_at=[norfolk]
    )
    page = reverse("tracker:inspection", args=[world.eastern.slug])
    staff = as_user("own_staff").get(page).content.decode()
    assert url_for(regional, norfolk) in staff
    assert url_for(regional, suffolk) not in staff
    assert url_for(practice, norfolk) not in staff
    admin = as_user("admin").get(page).content.decode()
    assert url_for(regional, norfolk) in admin and url_for(regional, suffolk) in admin
    assert url_for(practice, norfolk) not in admin


def test_office_updates_only_its_own_force_on_a_shared_finding(as_user, world, norfolk, suffolk):
    regional = world.eastern.findings.filter(directed_at=suffolk).filter(directed_at=norfolk)[0]
    norfolk_staff = as_user("own_staff")
    assert norfolk_staff.get(url_for(regional, norfolk)).status_code == 200
    assert norfolk_staff.get(url_for(regional, suffolk)).status_code == 404
    assert post_update(norfolk_staff, regional, suffolk).status_code == 404
    assert as_user("other_staff").get(url_for(regional, suffolk)).status_code == 200


def test_admin_may_update_any_force(as_user, world, norfolk):
    response = post_update(as_user("admin"), world.afi, norfolk, status="being_progressed")
    assert response.status_code == 302


# -- updates ----------------------------------------------------------------------------------
def test_updates_are_added_never_overwritten(as_user, world, norfolk):
    client = as_user("own_staff")
    response = post_update(
        client, world.afi, norfolk, status="being_progressed", rag="amber", owner="ACC Crime"
    )
    assert response.status_code == 302
    progress = FindingProgress.objects.get(finding=world.afi, body=norfolk)
    assert (progress.status, progress.rag, progress.owner) == (
        "being_progressed",
        "amber",
        "ACC Crime",
    )
    response = post_update(
        client,
        world.afi,
        norfolk,
        version=progress.version,
        text="Training delivered.",
        rag="green",
    )
    assert response.status_code == 302
    progress.refresh_from_db()
    assert progress.rag == "green" and progress.status == "being_progressed"
    texts = list(progress.updates.values_list("text", flat=True))
    assert texts == ["Training delivered.", "Plan agreed with the force."]
    page = client.get(url_for(world.afi, norfolk)).content.decode()
    assert page.index("Training delivered.") < page.index("Plan agreed with the force.")
    assert progress.history.count() == 3  # created, and two updates
    assert ProgressUpdate.objects.filter(progress=progress, rag="amber").exists()


def test_a_stale_form_does_not_overwrite_and_keeps_the_text(as_user, world, norfolk):
    client = as_user("own_staff")
    post_update(client, world.afi, norfolk, status="being_progressed")
    response = post_update(client, world.afi, norfolk, version=0, text="Written meanwhile.")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else added an update" in html and "Written meanwhile." in html
    assert ProgressUpdate.objects.count() == 1


def test_closure_by_hmicfrs_needs_its_date(as_user, world, norfolk):
    client = as_user("own_staff")
    response = post_update(client, world.afi, norfolk, status="closed_by_hmicfrs")
    assert response.status_code == 200
    assert "Enter the date HMICFRS closed it" in response.content.decode()
    response = post_update(
        client,
        world.afi,
        norfolk,
        status="closed_by_hmicfrs",
        closed_on_0="1",
        closed_on_1="11",
        closed_on_2="2026",
        closed_by="HMICFRS letter of 1 November 2026",
    )
    assert response.status_code == 302
    progress = FindingProgress.objects.get()
    assert progress.closed_on == datetime.date(2026, 11, 1) and progress.is_closed
    rows = as_user("own_staff").get(reverse("tracker:list") + "?state=closed").context["page"]
    assert [row.finding_id for row in rows.object_list] == [world.afi.pk]


def test_bad_input_is_shown_beside_the_field_and_kept(as_user, world, norfolk):
    client = as_user("own_staff")
    response = post_update(
        client,
        world.afi,
        norfolk,
        text="",
        owner="Typed owner",
        dated_0="31",
        dated_1="2",
        dated_2="2025",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_text-error"' in html and "Enter the update" in html
    assert "Enter a real date" in html and 'value="Typed owner"' in html


# -- evidence ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, data, kind",
    [("plan.pdf", None, "pdf"), ("letter.docx", "docx", "docx"), ("poster.png", PNG, "png")],
)
def test_evidence_is_stored_by_content_and_downloaded_by_the_office(
    as_user, world, norfolk, settings, tmp_path, name, data, kind
):
    settings.MEDIA_ROOT = tmp_path
    content = {None: report_pdf("Evidence"), "docx": docx_bytes()}.get(data, data)
    client = as_user("own_staff")
    response = post_update(client, world.afi, norfolk, evidence=SimpleUploadedFile(name, content))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.name, evidence.size) == (kind, name, len(content))
    download = client.get(reverse("progress:evidence", args=[evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == content
    assert (
        as_user("other_staff").get(reverse("progress:evidence", args=[evidence.pk])).status_code
        == 404
    )
    assert (
        as_user("anonymous").get(reverse("progress:evidence", args=[evidence.pk])).status_code
        == 302
    )


def zip_bytes(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n"


@pytest.mark.parametrize(
    "name, content",
    [
        ("plan.pdf", b"MZ\x90\x00 an executable"),
        # The PDF signature must open the file: a page of HTML naming it later is not a PDF,
        # nor is a PDF behind anything else (readers skip junk; we need not accept it).
        ("page.html", HTML + b"%PDF-1.7\n"),
        ("plan.pdf", HTML + b"%PDF-1.7\n" + b"x" * 4000),
        ("plan.pdf", "junk"),
        ("poster.png", b"<svg>" + PNG),
        ("photo.jpg", b" \xff\xd8\xff\xe0"),
        ("letter.docx", zip_bytes(**{"[Content_Types].xml": "<Types/>", "index.html": "<p/>"})),
    ],
    ids=[
        "executable",
        "html-naming-pdf",
        "html-before-pdf",
        "junk-before-pdf",
        "late-png",
        "late-jpeg",
        "zip-without-document",
    ],
)
def test_evidence_that_is_not_what_it_claims_is_refused(
    as_user, world, norfolk, settings, tmp_path, name, content
):
    settings.MEDIA_ROOT = tmp_path
    if content == "junk":
        content = b"\n\n" + report_pdf("Evidence")
    response = post_update(
        as_user("own_staff"),
        world.afi,
        norfolk,
        text="Kept text",
        evidence=SimpleUploadedFile(name, content),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"“{name}” must be a PDF, a Word document, or a PNG or JPEG image" in html
    assert "Kept text" in html
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize(
    "name, content, stored, content_type",
    [
        # The signature opens the file, so it is accepted: as what it is, never as HTML or SVG.
        ("page.html", PNG + HTML, "page.png", "image/png"),
        ("drawing.svg", PNG + b"<svg onload='alert(1)'/>", "drawing.png", "image/png"),
        ("notes.htm", b"\xff\xd8\xff\xe0" + HTML, "notes.jpg", "image/jpeg"),
        ("letter.html", "pdf", "letter.pdf", "application/pdf"),
        ("plan.xhtml", "docx", "plan.docx", DOCX_TYPE),
        ("photo.JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo.JPEG", "image/jpeg"),
    ],
    ids=[
        "png-named-html",
        "png-named-svg",
        "jpeg-named-htm",
        "pdf-named-html",
        "docx-named-xhtml",
        "jpeg-keeps-its-name",
    ],
)
def test_evidence_is_stored_and_served_as_what_its_content_is(
    as_user, world, norfolk, settings, tmp_path, name, content, stored, content_type
):
    settings.MEDIA_ROOT = tmp_path
    content = {"pdf": report_pdf("Evidence"), "docx": docx_bytes()}.get(content, content)
    client = as_user("own_staff")
    response = post_update(client, world.afi, norfolk, evidence=SimpleUploadedFile(name, content))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.name == name  # shown in the timeline as uploaded
    assert Path(evidence.file.name).name == stored
    download = client.get(reverse("progress:evidence", args=[evidence.pk]))
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"] == f'attachment; filename="{stored}"'
    assert download["X-Content-Type-Options"] == "nosniff"


def test_evidence_size_limit(as_user, world, norfolk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EVIDENCE_MAX_MB = 1
    big = SimpleUploadedFile("big.png", PNG + b"\x00" * (1024 * 1024))
    response = post_update(as_user("own_staff"), world.afi, norfolk, evidence=big)
    assert "larger than 1 MB" in response.content.decode()


# -- repeats ----------------------------------------------------------------------------------
def test_a_repeated_finding_shows_the_earlier_one_and_its_history(as_user, world, norfolk):
    earlier = world.eastern.findings.get(number=13)
    add_update(
        earlier,
        norfolk,
        world.users["own_staff"],
        Change(text="Old work.", dated=datetime.date(2024, 1, 5), status="being_progressed"),
    )
    world.afi.repeats = earlier
    world.afi.save()
    client = as_user("own_staff")
    html = client.get(url_for(world.afi, norfolk)).content.decode()
    assert "This repeats an earlier finding" in html and earlier.text[:40] in html
    assert "Old work." in html
    dashboard = client.get(reverse("tracker:dashboard"))
    assert dashboard.context["repeat_count"] == 1


# -- bulk -------------------------------------------------------------------------------------
def test_bulk_update_from_the_tracker(as_user, world, norfolk):
    client = as_user("own_staff")
    rows = list(client.get(reverse("tracker:list")).context["page"].object_list)[:3]
    response = client.post(
        reverse("tracker:list"),
        {
            "bulk-rows": [r.pk for r in rows],
            "bulk-status": "being_progressed",
            "bulk-rag": "red",
            "bulk-text": "Reviewed at the board.",
        },
    )
    assert response.status_code == 302
    records = FindingProgress.objects.all()
    assert records.count() == 3
    assert set(records.values_list("status", "rag")) == {("being_progressed", "red")}
    assert ProgressUpdate.objects.filter(text="Reviewed at the board.").count() == 3
    filtered = client.get(reverse("tracker:list") + "?progress=being_progressed&rag=red")
    assert filtered.context["page"].paginator.count == 3


def test_bulk_update_refuses_other_offices_rows_and_keeps_input(as_user, world, suffolk):
    from tracker.queries import tracker_rows

    suffolk_row = tracker_rows(world.users["other_staff"]).first()
    client = as_user("own_staff")
    response = client.post(
        reverse("tracker:list"),
        {"bulk-rows": [suffolk_row.pk], "bulk-status": "complete", "bulk-text": "Mine"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not FindingProgress.objects.exists()
    response = client.post(
        reverse("tracker:list"), {"bulk-status": "complete", "bulk-text": "Kept"}
    )
    html = response.content.decode()
    assert "Select at least one finding" in html and "Kept" in html


# -- API and queries --------------------------------------------------------------------------
def test_api_shows_progress_filterably_and_only_in_scope(as_user, world, norfolk):
    add_update(
        world.afi,
        norfolk,
        world.users["own_staff"],
        Change(text="x", dated=datetime.date.today(), status="complete", rag="green"),
    )
    client = as_user("own_staff")
    data = client.get("/api/v1/tracker/?progress=complete").json()
    assert [row["finding"] for row in data["results"]] == [world.afi.pk]
    assert data["results"][0]["rag"] == "green" and data["results"][0]["state"] == "closed"
    assert client.get("/api/v1/tracker/?rag=amber").json()["count"] == 0
    other = as_user("other_staff").get("/api/v1/tracker/?progress=complete").json()
    assert other["count"] == 0
    assert as_user("anonymous").get("/api/v1/tracker/").status_code in (401, 403)
    assert as_user("own_staff").get("/api/v1/tracker/?progress=bogus").status_code == 400


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_pages_run_a_fixed_number_of_queries(as_user, world, norfolk):
    client = as_user("own_staff")
    user = world.users["own_staff"]
    add_update(world.afi, norfolk, user, Change(text="one", dated=datetime.date.today()))
    urls = [
        url_for(world.afi, norfolk),
        reverse("tracker:list"),
        reverse("tracker:dashboard"),
        "/api/v1/tracker/",
    ]
    before = [count(client, url) for url in urls]
    for n in range(4):
        add_update(
            world.afi,
            norfolk,
            user,
            Change(text=f"more {n}", dated=datetime.date.today(), rag=Rag.AMBER),
        )
        finding = FindingFactory(
            inspection=world.inspection,
            kind=FindingKind.AREA_FOR_IMPROVEMENT,
            number=10 + n,
            directed_at=[norfolk],
        )
        add_update(
            finding,
            norfolk,
            user,
            Change(text="new", dated=datetime.date.today(), status=ProgressStatus.BEING_PROGRESSED),
        )
    assert [count(client, url) for url in urls] == before


def test_the_page_has_a_real_file_input_for_evidence(as_user, world, norfolk):
    html = as_user("own_staff").get(url_for(world.afi, norfolk)).content.decode()
    assert 'type="file"' in html and " multiple" in html and 'name="evidence"' in html


def test_inspection_page_links_to_progress_for_the_office_forces_only(
    as_user, world, norfolk, suffolk
):
    url = reverse("tracker:inspection", args=[world.eastern.slug])
    html = as_user("own_staff").get(url).content.decode()
    regional = world.eastern.findings.filter(directed_at=suffolk).filter(directed_at=norfolk)[0]
    assert url_for(regional, norfolk) in html
    assert url_for(regional, suffolk) not in html
    practice = world.eastern.findings.get(kind=FindingKind.INNOVATIVE_PRACTICE)
    assert f"/progress/findings/{practice.pk}/" not in html


def test_the_page_reads_top_down_with_a_way_back(as_user, world, norfolk):
    """Breadcrumbs back to the tracker and the report; the timeline before the form to add to
    it; what "Awaiting review" means (it did not say review by whom); no bare "None"."""
    html = as_user("own_staff").get(url_for(world.afi, norfolk)).content.decode()
    crumbs = html.split('class="govuk-breadcrumbs"')[1].split("</nav>")[0]
    assert reverse("tracker:list") in crumbs and reverse("home") in crumbs
    assert reverse("tracker:inspection", args=[world.afi.inspection.slug]) in crumbs
    assert html.index(">Updates</h2>") < html.index(">Add an update</h2>")
    assert "Nobody has yet said how the force is getting on with it" in html
    assert "What the statuses mean" in html
    assert ">None<" not in html
    assert 'Target date</dt><dd class="govuk-summary-list__value">Not set' in html


def test_a_closure_cannot_be_dated_in_the_future_or_before_the_report(as_user, world, norfolk):
    """A closure dated 2099 (or 1990) took the finding out of every Panel report."""
    client = as_user("own_staff")
    published = world.afi.inspection.publication_date
    for closed in [datetime.date(2099, 1, 1), published - datetime.timedelta(days=1)]:
        page = post_update(
            client,
            world.afi,
            norfolk,
            status="closed_by_hmicfrs",
            closed_on_0=closed.day,
            closed_on_1=closed.month,
            closed_on_2=closed.year,
            closed_by="Revisit letter",
        )
        assert page.status_code == 200
        assert "The date HMICFRS closed it must be" in page.content.decode()
    assert not FindingProgress.objects.filter(finding=world.afi, body=norfolk).exists()


def test_practice_findings_have_no_progress_page(as_user, world, norfolk):
    """Innovative and promising practice are not tracked: no page, so no stray records."""
    practice = FindingFactory(
        inspection=world.afi.inspection, kind="innovative_practice", directed_at=[norfolk]
    )
    assert as_user("admin").get(url_for(practice, norfolk)).status_code == 404


def test_a_bulk_note_needs_no_new_status(as_user, world, norfolk):
    """The same note on several findings, their status and RAG left as they are."""
    rows = as_user("own_staff").get(reverse("tracker:list")).context["page"].object_list
    chosen = [str(row.pk) for row in rows[:2]]
    page = as_user("own_staff").post(
        reverse("tracker:list"), {"bulk-rows": chosen, "bulk-text": "Discussed at the board."}
    )
    assert page.status_code == 302 and page["Location"].endswith("#main-content")
    assert ProgressUpdate.objects.filter(text="Discussed at the board.").count() == 2
