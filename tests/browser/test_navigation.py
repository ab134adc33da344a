"""The menu marks the section a page is in (Responses on the list and a response's workspace,
Tracker on a finding's progress), and a missing page keeps the layout and a way home: at
desktop width and at a phone's 390 px, where the pages may not be wider than the screen."""

from django.urls import reverse

from forces.models import Body
from inspections.models import Finding
from tests.browser.conftest import check_page, fits, sign_in

NOT_FOUND_CONSOLE = "Failed to load resource: the server responded with a status of 404 (Not Found)"


def marked(page):
    """The label of the menu item marked as the current section (the list may be collapsed
    behind the Menu button on a phone: the mark is there all the same)."""
    items = page.locator(".govuk-service-navigation__item--active")
    assert items.count() == 1
    return items.inner_text().strip()


def open_menu_on_a_phone(page):
    """On a phone the menu is behind its button: open it, and see the marked item."""
    if page.size_name != "phone":
        return
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".govuk-service-navigation__item--active a").is_visible()


def test_the_menu_marks_the_section_and_a_missing_page_leads_home(site, sized_page):
    page, size = sized_page, sized_page.size_name
    sign_in(page, site, "norfolk.staff")
    assert marked(page) == "Home"

    open_menu_on_a_phone(page)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Responses").click()
    page.wait_for_url(f"{site}{reverse('tracker:responses')}")
    assert marked(page) == "Responses"
    assert page.locator('[aria-current="page"]').inner_text().strip() == "Responses"
    fits(page)
    check_page(page, f"navigation-responses-{size}")

    page.locator("table.govuk-table a.govuk-link").first.click()
    page.wait_for_url(f"{site}/responses/*/")
    assert marked(page) == "Responses"
    current = page.locator(".govuk-service-navigation__item--active a")
    assert current.get_attribute("aria-current") == "true"
    open_menu_on_a_phone(page)
    check_page(page, f"navigation-workspace-{size}")

    norfolk = Body.objects.get(short_name="Norfolk")
    finding = Finding.objects.filter(directed_at=norfolk).order_by("pk").first()
    page.goto(f"{site}{reverse('progress:finding', args=[finding.pk, norfolk.slug])}")
    assert marked(page) == "Tracker"
    fits(page)
    check_page(page, f"navigation-progress-{size}")

    page.goto(f"{site}/no-such-page/")
    assert page.get_by_role("heading", name="Page not found").is_visible()
    assert page.get_by_text("you may not have access to it").is_visible()
    assert page.get_by_role("navigation", name="Menu").count() == 1
    assert page.locator(".govuk-service-navigation__item--active").count() == 0
    # Chromium reports the page's own 404 in the console: that is what this page is about.
    page.console_errors.remove(NOT_FOUND_CONSOLE)
    fits(page)
    check_page(page, f"navigation-not-found-{size}")
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(f"{site}/")
    assert marked(page) == "Home"


def test_the_workspace_fits_a_phone_screen(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    sign_in(page, site, "norfolk.staff")
    page.goto(f"{site}{reverse('tracker:responses')}")
    page.locator("table.govuk-table a.govuk-link").first.click()
    page.wait_for_url(f"{site}/responses/*/")
    try:
        fits(page)
    finally:
        context.close()
