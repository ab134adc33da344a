"""The tracker, dashboard, lists, home and progress pages as an office uses them, at desktop
width and on a phone: each of the problems a person found in a real browser (issue: "A tracker,
dashboard and exports that an office would use instead of its Excel tracker"), and every page
passing axe-core with nothing wider than the screen."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from forces.models import Body
from inspections.models import Finding
from tests.browser.conftest import check_page, fits, new_page, sign_in


def test_every_changed_page_fits_and_passes_axe(site, sized_page):
    sized = sized_page
    """Home, the lists, a report, the dashboard, a workspace, a progress page, the panel report
    form, the account page and a missing page: axe-core, and no wider than the screen."""
    sign_in(sized, site, "norfolk.manager")
    finding = Finding.objects.filter(inspection__slug="peel-2021-22-norfolk").first()
    norfolk = Body.objects.get(short_name="Norfolk")
    pages = {
        "home": reverse("home"),
        "inspections": reverse("tracker:inspections"),
        "inspection": reverse("tracker:inspection", args=["peel-2021-22-norfolk"]),
        "dashboard": reverse("tracker:dashboard"),
        "tracker": reverse("tracker:list"),
        "tracker-filtered": reverse("tracker:list") + "?kind=area_for_improvement&state=open",
        "responses": reverse("tracker:responses"),
        "progress": reverse("progress:finding", args=[finding.pk, norfolk.slug]),
        "panel-form": reverse("tracker:panel_report"),
        "account": reverse("tracker:account"),
    }
    for name, path in pages.items():
        sized.goto(site + path)
        fits(sized)
        check_page(sized, f"tracking-{name}-{sized.size_name}")
    sized.goto(site + reverse("tracker:responses"))
    sized.locator("table.govuk-table a.govuk-link").first.click()
    sized.wait_for_url(f"{site}/responses/*/")
    fits(sized)
    check_page(sized, f"tracking-workspace-{sized.size_name}")


def test_the_tracker_filters_apply_again_and_again(site, page):
    """1. The second "Apply filters" failed ("[] is not one of the available choices")."""
    sign_in(page, site, "norfolk.staff")
    page.goto(site + reverse("tracker:list"))
    page.get_by_label("Kind of finding").select_option("area_for_improvement")
    for _ in range(3):
        page.get_by_role("button", name="Apply filters").click()
        assert page.locator(".govuk-error-summary").count() == 0
        assert page.get_by_text("18 findings").is_visible()
    page.get_by_role("link", name="Deadline").click()  # sorting keeps the filter
    assert "ordering=deadline" in page.url and "kind=area_for_improvement" in page.url
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Deadline")
    page.get_by_role("button", name="Apply filters").click()
    assert "ordering=deadline" in page.url and page.get_by_text("18 findings").is_visible()
    tag = page.get_by_role("link", name="Remove this filter: Kind of finding")
    tag.click()
    assert "kind=" not in page.url
    check_page(page, "tracking-tracker-refiltered")


def test_the_tracker_fits_the_screen_and_selects_all(site, page):
    """2. A 960 px column gave the finding text 150 px and 22 findings a 9,800 px page, the bulk
    update 8,000 px down and no "select all"."""
    sign_in(page, site, "norfolk.staff")
    page.goto(site + reverse("tracker:list"))
    rows = page.locator("tbody tr").count()
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"tracker at 1280 px: {rows} rows, {height} px high")  # the figure for the note
    assert height < 4500, height
    finding_width = page.locator("td.app-tracker-table__finding").first.bounding_box()["width"]
    assert finding_width > 300, finding_width
    assert page.locator("#bulk-update").bounding_box()["y"] < 800  # above the list
    box = page.locator("#checkboxes-all").bounding_box()  # MOJ's select-all box, clicked
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    ticked = page.locator("tbody input[type=checkbox]:checked").count()
    assert ticked == rows
    bar = page.locator(".app-selection-bar")
    assert bar.is_visible() and f"{rows} findings selected." in bar.inner_text()
    # Kept at the foot of the screen while the list scrolls, not after the last row.
    box = bar.bounding_box()
    assert abs(box["y"] + box["height"] - page.viewport_size["height"]) <= 2, box
    check_page(page, "tracking-tracker-all-selected")
    bar.get_by_role("link", name="Update the selected findings").click()
    assert page.evaluate("document.activeElement.name") == "bulk-status"


def test_the_tracker_on_a_phone_shows_results_first(site, browser):
    context, page = new_page(browser, 390, 844)
    try:
        sign_in(page, site, "norfolk.staff")
        page.goto(site + reverse("tracker:list"))
        show = page.get_by_role("button", name="Show filter")
        show.wait_for()  # MOJ Frontend's script has run
        assert not page.get_by_label("Kind of finding").is_visible()  # the filter is hidden
        assert page.locator("tbody tr").first.is_visible()
        fits(page)
        show.click()
        assert page.get_by_label("Kind of finding").is_visible()
        panel = page.locator(".moj-filter-layout__filter").bounding_box()
        assert panel["x"] >= 0 and panel["width"] <= 390, panel  # long titles made it 796 px
        fits(page)
    finally:
        context.close()


def test_no_raw_none_and_deadlines_say_so(site, page):
    """3. "None" in the tracker's Deadline column and the dashboard."""
    sign_in(page, site, "norfolk.manager")
    for path in [reverse("tracker:list"), reverse("tracker:dashboard"), reverse("home")]:
        page.goto(site + path)
        assert " None" not in page.locator("main").inner_text()
    page.goto(site + reverse("tracker:list"))
    assert page.locator("td[data-label=Deadline]", has_text="No deadline").count() > 0


def test_the_dashboard_counts_work_and_deadline_apart(site, page):
    """4. "In review" counted as "0 in progress / 1 due soon"; "closed by hmicfrs"."""
    sign_in(page, site, "norfolk.manager")
    page.goto(site + reverse("tracker:dashboard"))
    work = page.get_by_role("list", name="Where the work is").inner_text()
    deadline = page.get_by_role("list", name="Against the deadline").inner_text()
    assert "In review" in work and "Published" in work
    assert "On track" in deadline and "Submitted on time" in deadline
    assert "Closed by HMICFRS" in page.locator("main").inner_text()
    grid = page.get_by_role("region", name="PEEL grades by force")
    assert grid.evaluate("el => el.scrollWidth <= el.clientWidth + 1")  # fits at 1280 px


def test_the_exports_are_laid_out_for_a_spreadsheet(site, page):
    """7. No frozen header, filter or widths; CSV times with microseconds."""
    sign_in(page, site, "norfolk.staff")
    page.goto(site + reverse("tracker:list"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    with open(download.value.path(), "rb") as saved:  # a download's path has no extension
        sheet = load_workbook(io.BytesIO(saved.read())).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet["A1"].font.bold
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    with open(download.value.path(), "rb") as saved:
        data = saved.read()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"+00:00" not in data


def test_the_home_page_lists_findings_to_act_on(site, page):
    """8. Once no response was open the home page said nothing of findings."""
    sign_in(page, site, "norfolk.staff")
    main = page.locator("main")
    assert main.get_by_role("heading", name="Findings to act on").is_visible()
    page.get_by_role("link", name="due a progress update").click()
    assert "update_due=yes" in page.url
    assert page.locator(".govuk-error-summary").count() == 0


def test_the_progress_page_reads_top_down(site, page):
    """9. No breadcrumbs; the form before the timeline; "Awaiting review" by whom."""
    sign_in(page, site, "norfolk.staff")
    finding = Finding.objects.filter(inspection__slug="peel-2021-22-norfolk").first()
    norfolk = Body.objects.get(short_name="Norfolk")
    page.goto(site + reverse("progress:finding", args=[finding.pk, norfolk.slug]))
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.get_by_role("link", name="Tracker").is_visible()
    updates = page.get_by_role("heading", name="Updates").bounding_box()["y"]
    add = page.get_by_role("heading", name="Add an update").bounding_box()["y"]
    assert updates < add
    assert "Nobody has yet said how the force" in page.locator("main").inner_text()
    crumbs.get_by_role("link", name="Tracker").click()
    assert page.url.endswith(reverse("tracker:list"))


def test_an_administrators_wide_lists_fit_the_screen(site, sized_page):
    """Every office's rows: long status tags and office names. The tracker's table scrolls in
    its own region if it must; the page never does (at 1280 px it was 1,330 px wide)."""
    sign_in(sized_page, site, "admin")
    for path in [reverse("tracker:list"), reverse("tracker:dashboard")]:
        sized_page.goto(site + path)
        fits(sized_page)
    check_page(sized_page, f"tracking-admin-dashboard-{sized_page.size_name}")


def test_the_response_list_says_which_column_is_which(site, page):
    """6. The Status filter offered Django's "---------"; "State" and "Status" stood side by
    side without saying which was which."""
    sign_in(page, site, "norfolk.manager")
    page.get_by_role("link", name="Responses", exact=True).click()
    status = page.get_by_label("Work status")
    assert status.locator("option").first.inner_text() == "Any status"
    assert "---------" not in page.locator("main").inner_text()
    headers = page.locator("thead th").all_inner_texts()
    assert headers == ["Inspection", "Office", "Respond by", "Deadline", "Work status"]
    status.select_option("published")
    page.get_by_role("button", name="Apply filters").click()
    assert "status=published" in page.url
    check_page(page, "tracking-responses-filtered")
