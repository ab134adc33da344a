"""Paragraphs and lists typed into a response show as lists on the workspace, the published
page and in the PDF; raw HTML typed into any field prints as typed."""

import pytest
from django.urls import reverse

from letters.pdf import render_pdf
from responses.models import FindingResponse, Section55Response

pytestmark = pytest.mark.django_db

TYPED = "Our view of the report:\n- the force has a plan\n- the board meets monthly\n\nIn short."
HOSTILE = "<script>alert('x')</script> <b>bold?</b>"


@pytest.fixture
def formatted(world):
    Section55Response.objects.filter(pk=world.draft.pk).update(
        key_findings=TYPED, general_comment=HOSTILE
    )
    FindingResponse.objects.update_or_create(
        response=world.draft,
        finding=world.recommendation,
        defaults={"office_comment": "1. First step\n2. Second step", "action": "proposed"},
    )
    world.draft.refresh_from_db()
    return world


def test_the_workspace_shows_lists_and_prints_markup_as_typed(formatted, as_user):
    html = as_user("own_staff").get(reverse("responses:workspace", args=[formatted.draft.pk]))
    html = html.content.decode()
    assert "<li>the force has a plan</li>" in html and "<li>the board meets monthly</li>" in html
    assert "<li>First step</li>" in html
    assert "&lt;script&gt;alert(" in html and "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert "<script>alert(" not in html and "<b>bold?</b>" not in html


def test_the_pdf_prints_each_point_on_its_own_line(formatted, pdf_text, tmp_path):
    text = pdf_text(render_pdf(formatted.draft), tmp_path)
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.endswith("the force has a plan") for line in lines)
    assert any(line.endswith("the board meets monthly") for line in lines)
    first = next(i for i, line in enumerate(lines) if line.endswith("the force has a plan"))
    assert "•" in lines[first]  # a bullet, not a run-on paragraph
    assert "<script>alert('x')</script> <b>bold?</b>" in text  # as typed


def test_the_published_page_shows_the_list(formatted, client):
    response = formatted.draft
    Section55Response.objects.filter(pk=response.pk).update(
        status="published",
        submitted_on=response.inspection.publication_date,
        published_on=response.inspection.publication_date,
    )
    url = reverse("letters:published", args=[response.policing_body.slug, response.inspection.slug])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<li>the force has a plan</li>" in html
    assert "<script>alert(" not in html


def test_the_seed_letters_lists_show_as_lists(world, client):
    """The eastern response's key findings, transcribed from the seed letter, list the report's
    sections: a list on the published page, not a paragraph of dashes."""
    url = reverse("letters:published", args=["norfolk", "eastern-soc-2021-22"])
    html = client.get(url).content.decode()
    assert '<ul class="govuk-list govuk-list--bullet">\n<li>Regional findings – ' in html
    assert "<li>The ROCU and individual forces – " in html
    assert '<p class="govuk-body">- Regional findings' not in html


def test_an_unnumbered_area_for_improvement_is_not_afi_none(world, pdf_text, tmp_path):
    """The office's section named it "AFI None –"; a finding without the report's number is
    "Area for improvement –", as the chief constable's section already said."""
    from tests.factories import FindingFactory

    norfolk = world.draft.inspection.bodies.get()
    finding = FindingFactory(
        inspection=world.draft.inspection,
        kind="area_for_improvement",
        number=None,
        directed_at=[norfolk],
        text="The force should do the unnumbered thing.",
    )
    FindingResponse.objects.create(
        response=world.draft, finding=finding, office_comment="We agree."
    )
    text = pdf_text(render_pdf(world.draft), tmp_path)
    assert "AFI None" not in text and "The force should do the unnumbered thing." in text


def test_an_unnumbered_area_for_improvement_in_the_word_copy(world):
    import io

    from docx import Document

    from letters.docx import render_docx
    from tests.factories import FindingFactory

    norfolk = world.draft.inspection.bodies.get()
    finding = FindingFactory(
        inspection=world.draft.inspection,
        kind="area_for_improvement",
        number=None,
        directed_at=[norfolk],
        text="The force should do the unnumbered thing.",
    )
    FindingResponse.objects.create(response=world.draft, finding=finding, office_comment="Yes.")
    document = Document(io.BytesIO(render_docx(world.draft)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "AFI None" not in text and "The force should do the unnumbered thing." in text
