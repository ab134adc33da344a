"""Report import: upload (errors, the progress indicator), review beside the report's lines,
edit and save; every page passes axe."""

import re
from pathlib import Path

from playwright.sync_api import expect

from inspections.models import Finding, GradedJudgement, Inspection
from tests.browser.conftest import check_page, sign_in

ROOT = Path(__file__).resolve().parents[2]
# Norfolk's own report (an office imports reports about its own force alone).
NORFOLK_2015 = ROOT / "demo" / "seeds" / "peel-2015-norfolk-effectiveness.txt"
WILTSHIRE = ROOT / "tests" / "data" / "unseen" / "peel-2023-25-wiltshire.txt"

# A one-pixel PNG: neither a PDF nor text, whatever type the browser gives it.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
NO_REPORT = "Choose a report file, or paste the report's text"
NOT_A_REPORT = "The file must be a PDF or a plain text file."
PROGRESS_TEXT = (
    "Uploading and reading the report. A long PDF can take a minute; please keep this page open."
)

EDITED_TEXT = "The force should improve how it records and reviews its officers' use of force."
ADDED_TEXT = "The force should make sure officers record the outcome of every stop and search."
RETYPED_TEXT = "The force should make sure investigations are allocated to skilled officers."
SECOND_ADDED_TEXT = "The force shares what it learns from complaints with every team."

# Run on the upload page before submitting. A listener on the document runs after the form's own
# submit handler (import-upload.js); it notes the progress region then, in sessionStorage so the
# note outlives the navigation. (Holding the POST with page.route instead leaves the old page
# unreachable: Playwright's locators and evaluate wait for the pending navigation.)
RECORD_PROGRESS = """() => document.addEventListener("submit", () => {
  const progress = document.querySelector(".app-progress")
  sessionStorage.setItem("import-progress", JSON.stringify({
    hidden: progress.hidden,
    visible: progress.checkVisibility() && progress.getBoundingClientRect().height > 0,
    role: progress.getAttribute("role"),
    text: progress.innerText.trim(),
  }))
})"""


def change_tags(page):
    """The New / Changed / Unchanged tag of every extracted grade and finding, in page order."""
    return page.locator("main .govuk-summary-card__title-wrapper .govuk-tag").all_inner_texts()


def card(page, title):
    """The review's summary card with this title ("Finding 3", "Add a finding (optional)")."""
    heading = page.get_by_role("heading", name=title, exact=True)
    return page.locator("main .govuk-summary-card").filter(has=heading)


def upload_report(page, site, path, into):
    page.goto(f"{site}/imports/new/")
    page.get_by_label("Import into").select_option(label=into)
    page.get_by_label("Upload the report").set_input_files(path)
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_url(re.compile(rf"{re.escape(site)}/imports/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Review the import")


def save_review(page, button):
    """Save the review; it must go through (the page after it has no error summary)."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    problems = page.locator(".govuk-error-summary")
    assert problems.count() == 0, f"The review was not saved: {problems.inner_text()}"


def test_staff_imports_known_report_unchanged(site, page):
    norfolk = Inspection.objects.get(slug="peel-2015-norfolk-effectiveness")
    findings_before = Finding.objects.filter(inspection=norfolk).count()
    grades_before = GradedJudgement.objects.filter(inspection=norfolk).count()

    sign_in(page, site, "norfolk.staff")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Imports").click()
    page.wait_for_url(f"{site}/imports/")
    check_page(page, "import-list")
    page.get_by_role("link", name="Import a report").click()
    page.wait_for_url(f"{site}/imports/new/")
    progress = page.locator(".app-progress")
    expect(progress).to_be_hidden()
    check_page(page, "import-upload")

    # Nothing chosen: the error summary links to the file field, which shows the error too.
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name=NO_REPORT)).to_have_attribute("href", "#id_file")
    expect(page.locator("#id_file-error")).to_have_text(f"Error: {NO_REPORT}")
    expect(page.get_by_label("Upload the report")).to_have_attribute(
        "aria-describedby", "id_file-hint id_file-error"
    )
    check_page(page, "import-upload-empty-error")

    # An image is refused by its content.
    page.get_by_label("Upload the report").set_input_files(
        files=[{"name": "report.png", "mimeType": "image/png", "buffer": PNG_BYTES}]
    )
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_load_state()
    expect(summary.get_by_role("link", name=NOT_A_REPORT)).to_have_attribute("href", "#id_file")
    expect(page.locator("#id_file-error")).to_have_text(f"Error: {NOT_A_REPORT}")
    check_page(page, "import-upload-png-error")

    # Norfolk's 2015 report, into the inspection it is already in.
    page.evaluate(RECORD_PROGRESS)
    page.get_by_label("Import into").select_option(label=norfolk.title)
    page.get_by_label("Upload the report").set_input_files(NORFOLK_2015)
    expect(progress).to_be_hidden()
    page.get_by_role("button", name="Read the report").click()
    page.wait_for_url(re.compile(rf"{re.escape(site)}/imports/\d+/$"))
    shown = page.evaluate("JSON.parse(sessionStorage.getItem('import-progress'))")
    assert shown == {"hidden": False, "visible": True, "role": "status", "text": PROGRESS_TEXT}

    # Every grade and finding is already in the inspection, each beside its lines of the report.
    expect(page.get_by_role("heading", level=1)).to_have_text("Review the import")
    tags = change_tags(page)
    assert "New" not in tags
    assert "Changed" not in tags
    assert tags == ["Unchanged"] * 6  # 5 grades (one overall) and the area for improvement
    expect(page.locator("main ol.app-source")).to_have_count(6)
    titles = page.locator("main .govuk-summary-card__title").all_inner_texts()
    assert titles == (
        [f"Grade {n}" for n in range(1, 6)]
        + ["Add a grade (optional)"]
        + ["Finding 1"]
        + ["Add a finding (optional)"]
    )
    expect(page.get_by_label("Leave this out")).to_have_count(6)
    check_page(page, "import-review-unchanged")

    save_review(page, "Save to the inspection")
    assert page.url == f"{site}/inspections/{norfolk.slug}/"
    expect(page.get_by_role("alert")).to_contain_text(
        "Import saved: 0 added, 0 updated, 6 unchanged."
    )
    check_page(page, "import-saved-unchanged")
    assert Finding.objects.filter(inspection=norfolk).count() == findings_before
    assert GradedJudgement.objects.filter(inspection=norfolk).count() == grades_before


def test_admin_imports_new_report_with_edits(site, page):
    sign_in(page, site, "admin")
    upload_report(page, site, WILTSHIRE, into="A new inspection")
    assert change_tags(page) == ["New"] * 20  # 8 grades and 12 findings
    title = page.get_by_label("Title", exact=True)
    expect(title).to_have_value(re.compile("Wiltshire Police"))
    programme = page.get_by_label("Programme", exact=True)
    if programme.input_value() != "peel":
        programme.select_option(label="PEEL")
    title_value = title.input_value()
    check_page(page, "import-review-new")

    edited = card(page, "Finding 2")
    expect(edited.get_by_label("Kind")).to_have_value("area_for_improvement")
    original_text = edited.get_by_label("Text").input_value()
    edited.get_by_label("Text").fill(EDITED_TEXT)

    left_out = card(page, "Finding 8")
    expect(left_out.get_by_label("Kind")).to_have_value("innovative_practice")
    expect(left_out.get_by_label("Text")).to_have_value(re.compile("digital evidence triage tool"))
    left_out.get_by_label("Leave this out").check()

    added = card(page, "Add a finding (optional)")
    expect(added.locator(".govuk-tag")).to_have_count(0)
    expect(added.get_by_label("Leave this out")).to_have_count(0)
    expect(added.get_by_text("Added by you: not from the report.")).to_be_visible()
    added.get_by_label("Kind").select_option(label="Area for improvement")
    added.get_by_label("Text").fill(ADDED_TEXT)
    added.get_by_label("Number").fill("8")
    added.get_by_role("group", name="Directed at").get_by_label("Wiltshire Police").check()

    save_review(page, "Save to the new inspection")
    expect(page.get_by_role("alert")).to_contain_text(
        "Import saved: 20 added, 0 updated, 0 unchanged."
    )
    inspection = Inspection.objects.get(title=title_value)
    assert page.url == f"{site}/inspections/{inspection.slug}/"
    assert inspection.programme == "peel"
    main = page.locator("main")
    expect(main.get_by_text(EDITED_TEXT)).to_be_visible()
    expect(main.get_by_text(original_text)).to_have_count(0)
    expect(main.locator(".app-finding", has_text=ADDED_TEXT)).to_contain_text(
        "Area for improvement 8"
    )
    expect(main.get_by_text("digital evidence triage tool")).to_have_count(0)
    check_page(page, "import-saved-new")
    assert inspection.findings.count() == 12
    assert inspection.graded_judgements.count() == 8

    # The same file again is compared with the inspection it made.
    upload_report(page, site, WILTSHIRE, into="A new inspection")
    expect(page.get_by_text("This report was imported before, into")).to_be_visible()
    assert change_tags(page) == (
        ["Unchanged"] * 8  # grades
        + ["Unchanged", "Changed"]  # finding 2 was edited
        + ["Unchanged"] * 5
        + ["New"]  # finding 8 was left out
        + ["Unchanged"] * 4
    )
    expect(main).to_contain_text(
        "In the inspection but not found in this report\nThese stay as they are.\n"
        f"Area for improvement 8: {ADDED_TEXT}"
    )

    # A required text cleared: the error is beside it, and everything else typed is kept.
    card(page, "Finding 3").get_by_label("Text").fill("")
    card(page, "Finding 10").get_by_label("Text").fill(RETYPED_TEXT)
    card(page, "Finding 1").get_by_label("Leave this out").check()
    added = card(page, "Add a finding (optional)")
    added.get_by_label("Kind").select_option(label="Promising practice")
    added.get_by_label("Text").fill(SECOND_ADDED_TEXT)
    added.get_by_role("group", name="Directed at").get_by_label("Wiltshire Police").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save to the inspection").click()

    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("listitem")).to_have_count(1)
    link = summary.get_by_role("link", name="Enter the finding's text")
    expect(link).to_have_attribute("href", "#id_findings-2-text")
    cleared = card(page, "Finding 3")
    expect(cleared.locator(".govuk-form-group--error")).to_have_count(1)
    expect(cleared.locator("#id_findings-2-text-error")).to_have_text(
        "Error: Enter the finding's text"
    )
    cleared_text = cleared.get_by_label("Text")
    expect(cleared_text).to_have_value("")
    expect(cleared_text).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_findings-2-text-error\b")
    )
    expect(card(page, "Finding 10").get_by_label("Text")).to_have_value(RETYPED_TEXT)
    expect(card(page, "Finding 1").get_by_label("Leave this out")).to_be_checked()
    added = card(page, "Add a finding (optional)")
    expect(added.get_by_label("Kind")).to_have_value("promising_practice")
    expect(added.get_by_label("Text")).to_have_value(SECOND_ADDED_TEXT)
    expect(
        added.get_by_role("group", name="Directed at").get_by_label("Wiltshire Police")
    ).to_be_checked()
    check_page(page, "import-review-error")
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_findings-2-text"
    assert inspection.findings.count() == 12
