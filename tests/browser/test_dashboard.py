"""The manager's dashboard, tracker, response list and account page pass axe-core."""

from tests.browser.conftest import check_page, sign_in


def test_dashboard_pages(site, page):
    sign_in(page, site, "norfolk.manager")
    page.get_by_role("link", name="Dashboard", exact=True).click()
    check_page(page, "dashboard")
    assert page.get_by_role("table", name="PEEL 2021/22").is_visible()

    page.get_by_role("link", name="2 submitted on time").click()
    check_page(page, "response-list")
    assert page.get_by_text("2 responses").is_visible()

    page.get_by_role("link", name="Tracker", exact=True).click()
    check_page(page, "tracker")
    page.get_by_label("Kind of finding").select_option("area_for_improvement")
    page.get_by_role("button", name="Apply filters").click()
    assert page.get_by_text(
        "18 findings"
    ).is_visible()  # AFIs: 6 eastern, 11 PEEL 2021/22, 1 of 2015
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename.endswith(".csv")

    page.get_by_role("link", name="Maya Manager").click()
    page.get_by_role("button", name="Create a calendar feed address").click()
    check_page(page, "account")
    assert "/calendar/" in page.get_by_label("Your feed address").input_value()
