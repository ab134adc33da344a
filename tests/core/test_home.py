import pytest


@pytest.mark.django_db
def test_home_page_describes_the_product_and_links_to_data_entry(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en-GB"' in html
    assert "Inspection findings tracker" in html
    assert 'href="/accounts/login/"' in html
    # Not a GOV.UK service: no crown, no GDS Transport font, no inline scripts (CSP-ready).
    assert "GOV.UK" not in html
    assert "<script>" not in html
    assert 'href="#main-content"' in html


def test_vendored_css_names_no_font_files_we_do_not_ship():
    """GDS Transport is GOV.UK's alone: its @font-face rules are removed when vendoring
    (static/vendor/VERSIONS.md), so no page can ask for /assets/fonts/ and get a 404."""
    from pathlib import Path

    vendor = Path(__file__).resolve().parents[2] / "static" / "vendor"
    for css in vendor.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "/assets/fonts/" not in text, css.name
        assert "@font-face{font-family:GDS Transport" not in text, css.name
