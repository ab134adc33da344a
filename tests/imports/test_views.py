"""Uploading, reviewing and saving an import through the browser's pages; who may do it."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imports.choices import ImportStatus
from imports.models import ReportImport
from inspections.choices import FindingKind
from inspections.models import Finding, Inspection
from tests.imports.pdfs import report_pdf, scanned_pdf

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"
UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"
EASTERN = (SEEDS / "eastern-region-soc-2021-22.txt").read_bytes()
WILTSHIRE = (UNSEEN / "peel-2023-25-wiltshire.txt").read_bytes()


def upload(client, data, name="report.txt", inspection=None):
    post = {"file": SimpleUploadedFile(name, data)}
    if inspection is not None:
        post["inspection"] = inspection.pk
    return client.post(reverse("imports:upload"), post)


def management(response):
    """The review form's own values, as the browser would post them back unchanged."""
    form_data = {}
    context = response.context
    state = context["state"]
    form_data["basis"] = state.basis
    for formset in (state.grades, state.findings):
        for key, value in formset.management_form.initial.items():
            form_data[f"{formset.prefix}-{key}"] = value
        for form in formset.forms:
            if not form.initial:
                # A blank row posts what a browser posts: empty values, unticked boxes.
                for name in form.fields:
                    if name not in ("remove", "is_overall", "directed_at"):
                        form_data.setdefault(f"{form.prefix}-{name}", "")
                continue
            for name, field in form.fields.items():
                value = form.initial.get(name)
                key = f"{form.prefix}-{name}"
                if name == "due_date":
                    for i, part in enumerate(field.widget.decompress(value)):
                        form_data[f"{key}_{i}"] = "" if part is None else part
                elif isinstance(value, bool):
                    if value:
                        form_data[key] = "on"
                elif value is not None:
                    form_data[key] = value
    if state.details is not None:
        for name, field in state.details.fields.items():
            value = state.details.initial.get(name)
            key = f"details-{name}"
            if name == "publication_date":
                for i, part in enumerate(field.widget.decompress(value)):
                    form_data[f"{key}_{i}"] = "" if part is None else part
            elif value is not None:
                form_data[key] = value
    return form_data


def norfolk_peel():
    """The demo's PEEL 2021/22 report on Norfolk alone: an inspection Norfolk's office may
    import into (published, covering no other force)."""
    return Inspection.objects.get(slug="peel-2021-22-norfolk")


def finding_index(data, text_start):
    for key, value in data.items():
        if key.endswith("-text") and str(value).startswith(text_start):
            return key.split("-")[1]
    raise AssertionError(text_start)


# -- who may import ---------------------------------------------------------------------------
@pytest.mark.parametrize("url_name", ["imports:list", "imports:upload"])
def test_anonymous_is_sent_to_sign_in(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url_name", ["imports:list", "imports:upload"])
def test_outsider_without_an_office_is_refused(client, world, url_name):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse(url_name)).status_code == 403


def test_another_office_cannot_see_or_save_an_import(as_user, world):
    client = as_user("own_staff")
    response = upload(client, EASTERN, inspection=norfolk_peel())
    review_url = response["Location"]
    report_import = ReportImport.objects.get()
    other = as_user("other_staff")
    assert other.get(review_url).status_code == 404
    assert other.post(review_url, {}).status_code == 404
    assert other.post(reverse("imports:discard", args=[report_import.pk])).status_code == 404
    assert report_import.file_name not in other.get(reverse("imports:list")).content.decode()
    anonymous = as_user("anonymous")
    assert anonymous.get(review_url).status_code == 302
    report_import.refresh_from_db()
    assert report_import.status == ImportStatus.IN_REVIEW


def test_office_can_only_choose_inspections_about_its_own_forces_alone(as_user, world):
    client = as_user("own_staff")
    choices = client.get(reverse("imports:upload")).context["form"].fields["inspection"].queryset
    assert norfolk_peel() in choices and world.eastern not in choices  # regional: ERSOU and 7
    assert not choices.exclude(bodies__policing_body=world.norfolk).exists()
    wiltshire = Inspection.objects.create(slug="w", title="Wiltshire", programme="peel")
    wiltshire.bodies.add(*world.eastern.bodies.none())
    response = upload(client, EASTERN, inspection=wiltshire)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_office_cannot_make_a_new_inspection_about_another_force(as_user, world):
    client = as_user("own_staff")
    response = client.get(upload(client, WILTSHIRE)["Location"])
    data = management(response)
    data["details-programme"] = "peel"
    response = client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 200
    assert "does not cover your force" in response.content.decode()
    assert not Inspection.objects.filter(title__icontains="Wiltshire").exists()


# -- uploads ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "must be a PDF or a plain text file"),
        (b"%PDF-1.4\n%broken", "could not be read"),
        # A PDF must start with its signature: anything in front (HTML here) is refused.
        (b"<html><script>alert(1)</script></html>\n", "must be a PDF or a plain text file"),
    ],
    ids=["png-named-pdf", "damaged", "html-before-pdf"],
)
def test_bad_uploads_get_a_message_next_to_the_field(as_user, world, data, message):
    if data.startswith(b"<html>"):
        data += report_pdf(EASTERN.decode())
    client = as_user("own_staff")
    response = upload(client, data, name="report.pdf")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file-error"' in html and message in html
    assert ReportImport.objects.count() == 0


@pytest.mark.parametrize(
    "name, data, stored",
    [("eastern.html", "pdf", "eastern.pdf"), ("eastern.html", EASTERN, "eastern.txt")],
    ids=["pdf-named-html", "text-named-html"],
)
def test_the_report_is_stored_as_what_its_content_is(
    as_user, world, settings, tmp_path, name, data, stored
):
    settings.MEDIA_ROOT = tmp_path
    data = report_pdf(EASTERN.decode()) if data == "pdf" else data
    assert upload(as_user("own_staff"), data, name=name).status_code == 302
    report_import = ReportImport.objects.get()
    assert report_import.file_name == name
    assert Path(report_import.file.name).name == stored


def test_scanned_pdf_upload_is_refused(as_user, world):
    response = upload(as_user("own_staff"), scanned_pdf(), name="scan.pdf")
    assert "looks like a scan" in response.content.decode()


def test_nothing_chosen_and_both_chosen(as_user, world):
    client = as_user("own_staff")
    response = client.post(reverse("imports:upload"), {})
    assert "Choose a report file, or paste the report" in response.content.decode()
    response = client.post(
        reverse("imports:upload"),
        {"file": SimpleUploadedFile("a.txt", EASTERN), "text": "typed text kept"},
    )
    assert "not both" in response.content.decode()
    assert "typed text kept" in response.content.decode()


def test_pasted_text_and_pdf_both_import(as_user, world):
    client = as_user("admin")
    response = client.post(
        reverse("imports:upload"),
        {"inspection": world.eastern.pk, "text": EASTERN.decode()},
    )
    assert response.status_code == 302
    response = upload(client, report_pdf(EASTERN.decode()), "eastern.pdf", world.eastern)
    report_import = ReportImport.objects.get(file_name="eastern.pdf")
    assert report_import.file.read()[:5] == b"%PDF-"
    assert len(report_import.extraction["findings"]) == 19


# -- review and save --------------------------------------------------------------------------
def test_reimporting_a_report_changes_nothing(as_user, world):
    client = as_user("admin")  # a regional report: administrators import it
    before = Finding.objects.filter(inspection=world.eastern).count()
    response = client.get(upload(client, EASTERN, inspection=world.eastern)["Location"])
    html = response.content.decode()
    assert html.count(">Unchanged</strong>") == 27
    assert ">New</strong>" not in html and ">Changed</strong>" not in html
    assert 'class="app-source"' in html and '<li value="846">' in html  # the source lines
    response = client.post(response.request["PATH_INFO"], management(response))
    assert response.status_code == 302
    assert Finding.objects.filter(inspection=world.eastern).count() == before
    report_import = ReportImport.objects.get()
    assert report_import.status == ImportStatus.SAVED
    assert report_import.summary == "0 added, 0 updated, 27 unchanged"


def test_the_same_file_as_a_new_inspection_is_compared_with_the_earlier_import(as_user, world):
    client = as_user("admin")
    first = client.get(upload(client, WILTSHIRE)["Location"])
    data = management(first)
    data["details-programme"] = "peel"
    assert client.post(first.request["PATH_INFO"], data).status_code == 302
    inspection = Inspection.objects.get(title__icontains="Wiltshire")
    assert inspection.findings.count() == 12
    assert inspection.graded_judgements.count() == 8
    second = client.get(upload(client, WILTSHIRE)["Location"], follow=True)
    assert second.context["state"].inspection == inspection
    assert "was imported before" in second.content.decode()
    assert second.content.decode().count(">Unchanged</strong>") == 20


def test_corrections_removals_and_additions_are_saved_together(as_user, world):
    client = as_user("admin")
    response = client.get(upload(client, WILTSHIRE)["Location"])
    data = management(response)
    data["details-programme"] = "peel"
    data["details-title"] = "PEEL 2023–25: Wiltshire Police"
    edited = finding_index(data, "The force should")
    data[f"findings-{edited}-text"] = "The force should do better, as corrected."
    removed = str(int(edited) + 1)
    removed_text = data[f"findings-{removed}-text"]
    data[f"findings-{removed}-remove"] = "on"
    extra = data["findings-TOTAL_FORMS"] - 1
    wiltshire_id = next(pk for pk, name in response.context["state"].bodies if "Wiltshire" in name)
    data[f"findings-{extra}-kind"] = FindingKind.PROMISING_PRACTICE
    data[f"findings-{extra}-text"] = "A practice the importer missed."
    data[f"findings-{extra}-directed_at"] = wiltshire_id
    response = client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 302, response.content.decode()[:3000]
    inspection = Inspection.objects.get(title="PEEL 2023–25: Wiltshire Police")
    texts = list(inspection.findings.values_list("text", flat=True))
    assert "The force should do better, as corrected." in texts
    assert removed_text not in texts
    assert "A practice the importer missed." in texts
    assert len(texts) == 12  # 12 read, one left out, one added
    recommendation = inspection.findings.filter(kind=FindingKind.RECOMMENDATION).first()
    assert recommendation.parent.kind == FindingKind.CAUSE_OF_CONCERN
    assert inspection.bodies.filter(name="Wiltshire Police").exists()


def test_errors_are_shown_beside_the_field_and_typing_is_kept(as_user, world):
    client = as_user("admin")
    response = client.get(upload(client, WILTSHIRE)["Location"])
    data = management(response)
    data["details-programme"] = "peel"
    first = finding_index(data, "The force should")
    data[f"findings-{first}-text"] = ""
    data[f"findings-{first}-number"] = "abc"
    data["details-title"] = "My typed title"
    response = client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the finding" in html and f'id="id_findings-{first}-text-error"' in html
    assert "My typed title" in html
    assert 'value="abc"' in html
    assert not Inspection.objects.filter(title="My typed title").exists()


def test_a_parent_must_be_a_kept_cause_of_concern(as_user, world):
    client = as_user("admin")
    response = client.get(upload(client, WILTSHIRE)["Location"])
    data = management(response)
    data["details-programme"] = "peel"
    cause = next(k.split("-")[1] for k, v in data.items() if v == FindingKind.CAUSE_OF_CONCERN)
    data[f"findings-{cause}-remove"] = "on"
    response = client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 200
    assert "Choose a cause of concern you are keeping" in response.content.decode()


def test_a_change_made_during_review_is_detected(as_user, world):
    client = as_user("admin")
    response = client.get(upload(client, EASTERN, inspection=world.eastern)["Location"])
    data = management(response)
    finding = world.eastern.findings.filter(number=11).get()
    finding.text = "Edited by someone else meanwhile."
    finding.save()
    response = client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 200
    assert "Someone changed this inspection" in response.content.decode()
    finding.refresh_from_db()
    assert finding.text == "Edited by someone else meanwhile."
    assert ReportImport.objects.get().status == ImportStatus.IN_REVIEW
    # The refreshed comparison no longer matches that finding: it is listed as left alone.
    html = response.content.decode()
    assert "not found in this report" in html and "Edited by someone else meanwhile." in html
    assert html.count(">New</strong>") == 1


def test_a_changed_finding_is_updated_with_history(as_user, world):
    client = as_user("admin")
    finding = world.eastern.findings.get(number=11)
    finding.text = finding.text.replace("frontline staff", "front-line staff")
    finding.save()
    response = client.get(upload(client, EASTERN, inspection=world.eastern)["Location"])
    html = response.content.decode()
    assert html.count(">Changed</strong>") == 1
    response = client.post(response.request["PATH_INFO"], management(response))
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.text.endswith("with partners and frontline staff")
    assert finding.history.first().history_user == world.users["admin"]


def test_forged_existing_ids_cannot_touch_another_inspection(as_user, world):
    client = as_user("admin")
    response = client.get(upload(client, WILTSHIRE)["Location"])
    data = management(response)
    data["details-programme"] = "peel"
    victim = world.afi
    first = finding_index(data, "The force should")
    data[f"findings-{first}-existing"] = victim.pk
    before = victim.text
    response = client.post(response.request["PATH_INFO"], data)
    assert response.status_code == 200
    assert "names a finding that is not in this inspection" in response.content.decode()
    victim.refresh_from_db()
    assert victim.text == before
    assert not Inspection.objects.filter(title__icontains="Wiltshire").exists()


def test_discard(as_user, world):
    client = as_user("own_staff")
    upload(client, EASTERN, inspection=norfolk_peel())
    report_import = ReportImport.objects.get()
    response = client.post(reverse("imports:discard", args=[report_import.pk]))
    assert response.status_code == 302
    report_import.refresh_from_db()
    assert report_import.status == ImportStatus.DISCARDED
    assert (
        "Nothing from this import was saved"
        in client.get(reverse("imports:review", args=[report_import.pk])).content.decode()
    )


# -- queries ----------------------------------------------------------------------------------
def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_review_and_list_run_a_fixed_number_of_queries(as_user, world):
    client = as_user("own_staff")
    small = upload(
        client,
        b"Norfolk Constabulary\nArea for improvement: The force should x\n",
        inspection=norfolk_peel(),
    )["Location"]
    large = upload(client, EASTERN, inspection=norfolk_peel())["Location"]
    assert count_queries(client, small) == count_queries(client, large)
    list_url = reverse("imports:list")
    before = count_queries(client, list_url)
    for _ in range(3):
        upload(client, EASTERN, inspection=norfolk_peel())
    assert count_queries(client, list_url) == before


def test_inspection_page_links_to_an_import_for_those_who_may(as_user, world):
    own = norfolk_peel()
    url = reverse("tracker:inspection", args=[own.slug])
    link = f"{reverse('imports:upload')}?inspection={own.slug}"
    assert link in as_user("own_staff").get(url).content.decode()
    response = as_user("own_staff").get(link)
    assert response.context["form"].initial["inspection"] == own
    regional = reverse("tracker:inspection", args=[world.eastern.slug])
    assert "Import findings" not in as_user("own_staff").get(regional).content.decode()
    assert "Import findings" in as_user("admin").get(regional).content.decode()
    wiltshire = Inspection.objects.create(
        slug="wilts",
        title="Wiltshire",
        programme="peel",
        publication_date=world.eastern.publication_date,
    )
    other_url = reverse("tracker:inspection", args=[wiltshire.slug])
    assert "Import findings" not in as_user("own_staff").get(other_url).content.decode()
    assert "Import findings" in as_user("admin").get(other_url).content.decode()


def test_the_2015_seed_imports_through_review_into_its_inspection(as_user, world):
    data = (SEEDS / "peel-2015-norfolk-effectiveness.txt").read_bytes()
    inspection = Inspection.objects.get(title__startswith="PEEL: Police effectiveness 2015")
    client = as_user("own_staff")
    response = client.get(upload(client, data, inspection=inspection)["Location"])
    html = response.content.decode()
    assert html.count(">Unchanged</strong>") == 6  # 5 grades (one overall) and the AFI
    assert "February 2016" in html
    response = client.post(response.request["PATH_INFO"], management(response))
    assert response.status_code == 302
    assert ReportImport.objects.get().summary == "0 added, 0 updated, 6 unchanged"
