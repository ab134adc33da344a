"""Who may import into what: offices import reports about their own forces alone, into
published inspections only; everything else is entered by administrators."""

import pytest
from django.urls import reverse

from imports.extraction import extract_text
from imports.models import ReportImport

pytestmark = pytest.mark.django_db

NORFOLK_ONLY = (
    "Norfolk Constabulary\n\n"
    "Norfolk Constabulary requires improvement at investigating crime.\n\n"
    "Area for improvement: The constabulary should improve how it supervises investigations\n"
)


def stored_import(user, office, inspection, text=NORFOLK_ONLY):
    """An import in review, as one made before the rules it is tested against were in force."""
    return ReportImport.objects.create(
        inspection=inspection,
        office=office,
        uploaded_by=user,
        file_name="report.txt",
        sha256="0" * 64,
        source_text=text,
        extraction=extract_text(text).to_dict(),
    )


# -- embargoed inspections --------------------------------------------------------------------
def test_office_cannot_choose_or_post_an_embargoed_inspection(as_user, joint):
    client = as_user("own_staff")
    page = client.get(reverse("imports:upload"))
    choices = page.context["form"].fields["inspection"].queryset
    html = page.content.decode()
    for embargoed in (joint.unpublished, joint.future):
        assert embargoed not in choices
        assert embargoed.title not in html
        prefilled = client.get(reverse("imports:upload"), {"inspection": embargoed.slug})
        assert prefilled.context["form"].initial.get("inspection") is None
        response = client.post(
            reverse("imports:upload"), {"inspection": embargoed.pk, "text": NORFOLK_ONLY}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="id_inspection-error"' in html and "Select a valid choice" in html
        assert NORFOLK_ONLY.splitlines()[0] in html  # the pasted text is kept
    assert not ReportImport.objects.exists()


def test_an_import_into_an_embargoed_inspection_shows_nothing_of_it(as_user, world, joint):
    client = as_user("own_staff")
    for embargoed, finding in (
        (joint.unpublished, joint.unpublished_finding),
        (joint.future, joint.future_finding),
    ):
        report_import = stored_import(world.users["own_staff"], world.norfolk, embargoed)
        url = reverse("imports:review", args=[report_import.pk])
        response = client.get(url)
        assert response.status_code == 403
        assert finding.text not in response.content.decode()
        assert client.post(url, {}).status_code == 403
        report_import.refresh_from_db()
        assert report_import.status == "in_review"


def test_administrators_import_into_embargoed_inspections(as_user, joint):
    client = as_user("admin")
    choices = client.get(reverse("imports:upload")).context["form"].fields["inspection"].queryset
    assert joint.unpublished in choices and joint.future in choices
    response = client.post(
        reverse("imports:upload"), {"inspection": joint.future.pk, "text": NORFOLK_ONLY}
    )
    assert response.status_code == 302
    review = client.get(response["Location"])
    assert review.status_code == 200
    assert joint.future_finding.text in review.content.decode()


def test_the_same_text_again_is_not_compared_with_an_embargoed_inspection(as_user, world, joint):
    from imports import documents

    earlier = stored_import(world.users["own_staff"], world.norfolk, joint.future)
    earlier.sha256 = documents.digest(NORFOLK_ONLY.strip().encode())
    earlier.status = "saved"
    earlier.save()
    client = as_user("own_staff")
    response = client.post(reverse("imports:upload"), {"text": NORFOLK_ONLY})
    assert response.status_code == 302
    review = client.get(response["Location"])
    assert review.status_code == 200
    assert review.context["state"].inspection is None  # a new inspection, not the embargoed one
    assert joint.future.title not in review.content.decode()
