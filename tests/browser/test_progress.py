"""An office tracks findings to closure: an update with evidence, a bulk update from the
tracker, and the manager's panel report form; every page passes axe."""

from django.urls import reverse

from progress.models import Evidence, FindingProgress
from tests.browser.conftest import check_page, sign_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_staff_update_with_evidence_and_bulk_update(site, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, site, "norfolk.staff")
    page.goto(f"{site}{reverse('tracker:list')}")
    check_page(page, "progress-tracker")

    page.locator("td[data-label=Progress] a").first.click()
    check_page(page, "progress-finding")
    page.get_by_role("button", name="Add the update").click()
    assert page.locator(".govuk-error-summary").is_visible()
    check_page(page, "progress-finding-error")

    page.get_by_label("Update", exact=True).fill("The force has agreed a plan with the board.")
    page.get_by_label("Status").select_option("being_progressed")
    page.get_by_label("RAG rating").select_option("amber")
    page.get_by_label("Owner in the force").fill("Detective Superintendent, SOC")
    page.get_by_label("Evidence (optional)").set_input_files(
        files=[{"name": "board-minutes.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.get_by_role("button", name="Add the update").click()
    assert page.get_by_text("Your update has been added.").is_visible()
    timeline = page.locator(".moj-timeline").inner_text()
    assert "The force has agreed a plan with the board." in timeline
    assert "board-minutes.png" in timeline
    check_page(page, "progress-finding-updated")
    assert Evidence.objects.get().kind == "png"

    page.goto(f"{site}{reverse('tracker:list')}")
    boxes = page.locator("input[name=bulk-rows]")
    boxes.nth(1).check()
    boxes.nth(2).check()
    bar = page.locator(".app-selection-bar")
    assert bar.is_visible() and "2 findings selected." in bar.inner_text()
    bar.get_by_role("link", name="Update the selected findings").click()  # opens the form
    page.get_by_label("RAG rating").last.select_option("green")
    page.get_by_label("Update text").fill("Reviewed at the March board.")
    page.get_by_role("button", name="Add the update to the selected findings").click()
    assert page.get_by_text("Update added to 2 findings.").is_visible()
    check_page(page, "progress-tracker-bulk-done")
    assert FindingProgress.objects.filter(rag="green").count() == 2


def test_manager_panel_report_form(site, page):
    sign_in(page, site, "norfolk.manager")
    page.goto(f"{site}{reverse('tracker:dashboard')}")
    check_page(page, "progress-dashboard")
    page.get_by_role("link", name="Produce the Police and Crime Panel report").click()
    check_page(page, "progress-panel-form")
    page.get_by_role("button", name="Download the report").click()
    assert page.locator(".govuk-error-summary").is_visible()
    check_page(page, "progress-panel-form-error")
    with page.expect_download() as download:
        page.locator("#id_start_0").fill("1")
        page.locator("#id_start_1").fill("1")
        page.locator("#id_start_2").fill("2023")
        page.locator("#id_end_0").fill("31")
        page.locator("#id_end_1").fill("12")
        page.locator("#id_end_2").fill("2026")
        page.get_by_role("button", name="Download the report").click()
    assert download.value.suggested_filename.startswith("panel-report-norfolk-")
