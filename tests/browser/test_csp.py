"""Pages work under the Content Security Policy: no CSP violations (they are console errors)."""

from inspections.models import Finding
from tests.browser.conftest import sign_in


def test_api_docs_and_admin_run_under_the_policy(site, page):
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security" in msg.text else None,
    )
    sign_in(page, site, "admin")
    page.goto(f"{site}/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)  # Swagger UI started
    finding = Finding.objects.order_by("pk").first()
    page.goto(f"{site}/admin/inspections/finding/{finding.pk}/change/")
    page.wait_for_selector("#finding_form")
    page.goto(f"{site}/tracker/")
    assert violations == []
    assert page.console_errors == []
