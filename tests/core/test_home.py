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
