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


def test_public_pages_work_without_javascript_at_both_sizes(site, browser):
    """The national index, an office's index and a response: axe-core at 1280 px and 390 px,
    no wider than the screen, with JavaScript off, and none of the internal tool's chrome."""
    from tests.browser.conftest import SIZES, fits

    for width, height in SIZES.values():
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="en-GB", java_script_enabled=False
        )
        page = context.new_page()
        page.console_errors = []
        try:
            page.goto(f"{site}/published/")
            assert page.get_by_role("heading", level=1).inner_text().startswith("Section 55")
            page.get_by_label("Office").select_option("norfolk")
            page.get_by_role("button", name="Apply filters").click()  # a plain form: no script
            assert "office=norfolk" in page.url
            fits(page)
            page.locator("td[data-label=Office] a").first.click()
            assert page.url.endswith("/published/norfolk/")
            fits(page)
            for part in ["Sign in", "Inspection findings tracker", "Beta"]:
                assert part not in page.content()
            page.get_by_role(
                "link", name="PEEL 2021/22: Police effectiveness", exact=False
            ).first.click()
            fits(page)
        finally:
            context.close()
    # axe-core needs its script: run it with JavaScript on, at both sizes.
    for size, (width, height) in SIZES.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
        page = context.new_page()
        page.console_errors = []
        try:
            for name, path in [
                ("national", "/published/"),
                ("office", "/published/norfolk/"),
                ("response", "/published/norfolk/eastern-soc-2021-22/"),
            ]:
                page.goto(site + path)
                check_page(page, f"published-{name}-{size}")
        finally:
            context.close()
