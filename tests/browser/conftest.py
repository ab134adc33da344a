"""Browser tests: Playwright driving Debian's Chromium against the live test server.

Run with `make test-browser` (CI does). Screenshots go to artifacts/screenshots/ for review."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The demo data and sign-ins on the live server (transactional tests start empty)."""
    from demo.users import create_demo_users
    from tests.conftest import load_all

    load_all()
    create_demo_users()
    return live_server.url


SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def new_page(browser, width=1280, height=900):
    """A page in a fresh context that records console errors (check_page asserts none)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    return context, page


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    """A page at desktop width, then at a phone's (``page.size_name`` says which)."""
    context, page = new_page(browser, *SIZES[request.param])
    page.size_name = request.param
    yield page
    context.close()


def fits(page):
    """No wider than the screen: nothing to scroll sideways."""
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url}: {scroll_width}px wide at {width}px"


@pytest.fixture
def page(browser):
    context, page = new_page(browser)
    yield page
    context.close()


def check_page(page, name):
    """No axe-core violations, no console errors; keep a screenshot for the reviewer."""
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = Axe().run(page)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert page.console_errors == [], f"{name}: console errors {page.console_errors}"


def sign_in(page, base, username):
    from demo.users import DEMO_PASSWORD

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
