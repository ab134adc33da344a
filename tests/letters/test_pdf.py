"""The Section 55 letter as a PDF: structure of the seed responses, tagging, safety, pagination."""

import http.server
import io
import re
import threading

import pytest
from pypdf import PdfReader

from letters.pdf import render_html, render_pdf
from responses.models import FindingResponse, Section55Response
from tests.factories import FindingFactory, InspectionFactory, ResponseFactory
from tests.letters.conftest import save_page_images

pytestmark = pytest.mark.django_db


def flat(text):
    return re.sub(r"\s+", " ", text)


def in_order(text, expected):
    position = 0
    for part in expected:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def norfolk_response(slug):
    return Section55Response.objects.select_related("inspection", "policing_body").get(
        inspection__slug=slug, policing_body__slug="norfolk"
    )


def test_eastern_letter_has_the_seed_structure(demo_data, pdf_text, tmp_path):
    pdf = render_pdf(norfolk_response("eastern-soc-2021-22"))
    save_page_images(pdf, "eastern-soc-2021-22", tmp_path)
    text = flat(pdf_text(pdf, tmp_path))
    header_block = text[: text.index("Key Findings")]
    # Labels and values of the header block, each in order (columns may be read one by one).
    in_order(
        header_block,
        [
            "Norfolk Police and Crime Commissioner response to inspections of Norfolk Constabulary",
            "Section 55 of the Police Act 1996",
            "Inspection Title:",
            "Published on:",
            "Publication Types:",
            "Police Forces:",
            "Link to Report:",
            "Section 55 Response Deadline:",
        ],
    )
    for value in [
        "PEEL 2021/22: An inspection of the eastern regional response",
        "19 May 2023",
        "PEEL, Regional Organised Crime Units and Serious and organised crime",
        "Bedfordshire Police, Cambridgeshire Constabulary",
        "https://www.justiceinspectorates.gov.uk/",
        "14 July 2023",
    ]:
        assert value in header_block, value
    in_order(
        text,
        [
            "Key Findings",
            "Graded judgements",
            "Cambridgeshire Constabulary",
            "Inadequate",
            "Recommendations",
            "There are no recommendations made for ERSOU or Norfolk Constabulary.",
            "Areas for Improvement",
            "14 areas for improvement (AFI)",
            "Area for improvement 1:",
            "improve how the region works to tackle serious",
            "Area for improvement 2:",
            "Area for improvement 11:",
            "Area for improvement 12:",
            "Area for improvement 13:",
            "Area for improvement 14:",
            "Chief Constable response to report",
            "Regional findings:",
            "Local findings:",
            "Area for improvement 11 – The constabulary should improve how it shares information",
            "Local Organised Crime Partnership Board",
            "Area for improvement 13 –",
            "County Lines Team",
            "Area for improvement 14 –",
            "Police and Crime Commissioner response to report",
            "General Comment",
            "AFI 11 –",
            "AFI 12 –",
            "AFI 13 –",
            "AFI 14 –",
            "senior lead",
            "Conclusion",
            "Norfolk and Suffolk Collaboration Board",
            "For Office Use Only:",
            "Response forwarded to HMICFRS Section 55 Responses",
            "Response submitted on HMICFRS Portal",
            "Response forwarded to Chief Constable",
            "Response forwarded to Police and Crime Panel",
            "Response published on the office website",
        ],
    )
    assert "Page 1 of" in text
    assert "DRAFT" not in watermark_text(pdf)  # published


def test_peel_2021_22_letter_lists_its_11_afis(demo_data, pdf_text, tmp_path):
    pdf = render_pdf(norfolk_response("peel-2021-22-norfolk"))
    save_page_images(pdf, "peel-2021-22-norfolk", tmp_path)
    text = flat(pdf_text(pdf, tmp_path))
    assert "14 October 2022" in text[: text.index("Key Findings")]
    in_order(
        text,
        [
            "Key Findings",
            "Outstanding",
            "Areas for Improvement",
            "The Inspectorate identified eleven areas for improvement",
            *[f"Area for improvement {n}:" for n in range(1, 12)],
            "Chief Constable response",
            "Stop and Search",
            "Police and Crime Commissioner response",
            "PCC Accountability Meetings",
            "For Office Use Only:",
        ],
    )


def test_pdf_is_tagged_pdf_ua_with_metadata(demo_data):
    reader = PdfReader(io.BytesIO(render_pdf(norfolk_response("eastern-soc-2021-22"))))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en-GB"
    assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode()  # PDF/UA identification
    info = reader.metadata
    assert info.title.startswith("Norfolk Police and Crime Commissioner response to inspections")
    assert info.author == "Norfolk Police and Crime Commissioner"
    fonts = {
        font["/BaseFont"] for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }
    assert any("Source-Sans-3" in name for name in fonts)


def watermark_text(pdf):
    """Text of every page as pypdf reads it (pdftotext splits the rotated watermark)."""
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_draft_watermark_until_approved(world):
    draft = watermark_text(render_pdf(world.draft))
    assert draft.count("DRAFT") == len(PdfReader(io.BytesIO(render_pdf(world.draft))).pages)
    world.draft.status = "approved"
    world.draft.save()
    assert "DRAFT" not in watermark_text(render_pdf(world.draft))


def test_forty_findings_with_long_texts_paginate_without_losing_text(world, pdf_text, tmp_path):
    norfolk = world.draft.inspection.bodies.get()
    inspection = InspectionFactory(bodies=[norfolk], title="A long thematic report")
    response = ResponseFactory(
        inspection=inspection, policing_body=world.norfolk, general_comment="Opening. " * 200
    )
    for n in range(1, 41):
        finding = FindingFactory(
            inspection=inspection,
            number=n,
            directed_at=[norfolk],
            order=n,
            text=f"The force should improve area {n} marker{n:02d}x",
        )
        FindingResponse.objects.create(
            response=response,
            finding=finding,
            chief_constable_response=f"Chief reply {n}. " + "We are acting on this. " * 60,
            office_comment=f"Office view {n}: "
            + "I will scrutinise progress. " * 60
            + f"end{n:02d}z",
        )
    pdf = render_pdf(response)
    save_page_images(pdf, "forty-findings", tmp_path)
    text = flat(pdf_text(pdf, tmp_path))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages > 15
    assert f"Page {pages} of {pages}" in text
    for n in range(1, 41):
        assert text.count(f"marker{n:02d}x") == 3  # the AFI list, CC and office sections
        assert f"end{n:02d}z" in text


def test_user_text_is_escaped_and_nothing_is_fetched_from_outside(world, pdf_text, tmp_path):
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    outside = f"http://127.0.0.1:{server.server_port}"
    try:
        world.draft.general_comment = (
            f'<img src="{outside}/tracker.png"> <b>bold?</b> '
            f'<link rel="stylesheet" href="{outside}/x.css"> <a href="{outside}/y">link</a>'
        )
        world.draft.save()
        text = pdf_text(render_pdf(world.draft), tmp_path)
        assert "<b>bold?</b>" in text  # printed as typed, not interpreted
        # Even markup that reached the renderer unescaped is not fetched.
        from weasyprint import HTML

        from letters.fetcher import LetterURLFetcher

        fetcher = LetterURLFetcher()
        raw = render_html(world.draft).replace(
            "</body>", f'<img src="{outside}/raw.png" alt=""></body>'
        )
        HTML(string=raw, url_fetcher=fetcher).write_pdf()
        assert f"{outside}/raw.png" in fetcher.refused
    finally:
        server.shutdown()
    assert requests == []


def test_letterhead_logo_signature_and_footer(world, pdf_text, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from letters.models import Letterhead

    settings.MEDIA_ROOT = str(tmp_path / "media")
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
        b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
        b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    Letterhead.objects.create(
        policing_body=world.norfolk,
        heading_name="Norfolk PCC",
        address="Building 7\nNorwich",
        logo=SimpleUploadedFile("logo.png", png),
        logo_description="Norfolk PCC logo",
        signatory_name="Giles Orpen-Smellie",
        signatory_title="Police and Crime Commissioner for Norfolk",
        signature=SimpleUploadedFile("sig.png", png),
        footer_text="OPCC for Norfolk",
        website_name="OPCCN",
    )
    response = Section55Response.objects.select_related("policing_body").get(pk=world.draft.pk)
    pdf = render_pdf(response)
    text = flat(pdf_text(pdf, tmp_path))
    assert "Norfolk PCC response to inspections of Norfolk Constabulary" in text
    assert "Building 7" in text and "Giles Orpen-Smellie" in text
    assert "OPCC for Norfolk" in text  # running footer
    assert "Response published on the OPCCN website" in text
    images = {image.data for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images}
    assert len(images) == 1  # the logo and signature files (the same tiny PNG here)
    response.policing_body.letterhead.delete()
    plain = render_pdf(Section55Response.objects.get(pk=world.draft.pk))
    assert not [image for page in PdfReader(io.BytesIO(plain)).pages for image in page.images]
