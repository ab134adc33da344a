"""The published response pages are public and pass axe-core."""

from tests.browser.conftest import check_page


def test_published_pages(site, page):
    page.goto(f"{site}/published/norfolk/")
    check_page(page, "published-index")
    page.get_by_role(
        "link",
        name="PEEL 2021/22: An inspection of the eastern regional response to serious and "
        "organised crime",
        exact=True,
    ).click()
    check_page(page, "published-response")
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Norfolk Police and Crime Commissioner response to inspections")
    )
    href = page.get_by_role("link", name="Download this response as PDF").get_attribute("href")
    pdf = page.request.get(f"{site}{href}")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
