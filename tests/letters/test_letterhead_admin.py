"""The office's admin page carries its letterhead (added by the letters app, which sits above
forces), next to its forces."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_office_admin_page_edits_its_letterhead_and_forces(world, as_user):
    page = as_user("admin").get(
        reverse("admin:forces_localpolicingbody_change", args=[world.norfolk.pk])
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="letterhead-TOTAL_FORMS"' in html
    assert 'name="forces-TOTAL_FORMS"' in html
