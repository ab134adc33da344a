"""A staff member writes a finding response, a manager approves it; every page passes axe."""

from django.urls import reverse

from responses.models import Section55Response
from tests.browser.conftest import check_page, sign_in


def reopen_demo_response():
    """The demo's Norfolk response is published; put it back in draft to work on it."""
    response = Section55Response.objects.get(
        inspection__slug="eastern-soc-2021-22", policing_body__slug="norfolk"
    )
    Section55Response.objects.filter(pk=response.pk).update(
        status="draft", submitted_on=None, published_on=None
    )
    return response


def test_sign_in_page(site, page):
    page.goto(f"{site}/accounts/login/")
    check_page(page, "sign-in")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    check_page(page, "sign-in-error")


def test_staff_writes_and_manager_approves(site, page):
    response = reopen_demo_response()
    sign_in(page, site, "norfolk.staff")
    check_page(page, "home")
    assert page.get_by_role("link", name="PEEL 2021/22: An inspection of the eastern").count()

    page.get_by_role("link", name="Inspections").first.click()
    check_page(page, "inspection-list")
    page.get_by_label("Programme").select_option("soc_regional")
    page.get_by_role("button", name="Apply filters").click()
    check_page(page, "inspection-list-filtered")
    page.get_by_role("link", name="PEEL 2021/22: An inspection of the eastern").click()
    check_page(page, "inspection")
    assert page.get_by_role("table").first.inner_text().count("Good") >= 6

    page.get_by_role("link", name="Open the response").click()
    check_page(page, "workspace")
    page.get_by_role("link", name="Write the response to area for improvement 1").click()
    check_page(page, "edit-finding")
    page.get_by_label("Your office’s comment").fill(
        "We will ask ERSOU to report its 4P plan review to the collaboration board."
    )
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Your response to area for improvement 1 has been saved.").is_visible()
    assert page.get_by_text("report its 4P plan review to the collaboration board").is_visible()

    page.get_by_role("link", name="Send for review").click()
    check_page(page, "step-confirm")
    page.get_by_role("button", name="Send for review").click()
    assert "In review" in page.locator("main").inner_text()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, site, "norfolk.manager")
    page.goto(f"{site}{reverse('responses:workspace', args=[response.pk])}")
    page.get_by_role("link", name="Approve").click()
    page.get_by_role("button", name="Approve").click()
    assert page.get_by_text("Done: approve.").is_visible()
    assert page.locator("main .govuk-tag", has_text="Approved").count() == 1

    page.get_by_role("link", name="History of changes").click()
    check_page(page, "history")
    history = page.locator("main").inner_text()
    assert "Status: In review → Approved" in history
    assert "Maya Manager" in history
    assert "Wrote the response to area for improvement 1" in history
    assert "Nell Staff" in history


def test_form_errors_are_accessible(site, page):
    response = reopen_demo_response()
    sign_in(page, site, "norfolk.staff")
    page.goto(f"{site}{reverse('responses:edit_letter', args=[response.pk])}")
    page.get_by_label("Day").first.fill("31")
    page.get_by_label("Month").first.fill("2")
    page.get_by_label("Year").first.fill("2026")
    page.get_by_label("Conclusion").fill("Kept after the error.")
    page.get_by_role("button", name="Save").click()
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Conclusion").input_value() == "Kept after the error."
    check_page(page, "edit-letter-error")
    page.get_by_role("link", name="Enter a real date").click()
    assert page.evaluate("document.activeElement.id") == "id_chief_comments_due_0"
