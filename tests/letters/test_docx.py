"""The Section 55 letter as a Word document: read back with python-docx, it has the PDF's
structure in Word's own headings, tables and list styles, what the office typed as Word
paragraphs, lists, bold runs and links, typed markup as typed, DRAFT until approved, and the
PDF's access rule."""

import datetime
import io
import struct
import zipfile
import zlib

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from letters.docx import CONTENT_TYPE, render_docx
from letters.models import Letterhead
from responses.choices import ChecklistItem
from responses.models import ChecklistEntry, FindingResponse, Section55Response

pytestmark = pytest.mark.django_db


def png(width, height):
    """A well-formed PNG of one colour (python-docx reads every chunk of it)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


HOSTILE = "<script>alert(1)</script>"


def read(data):
    return docx.Document(io.BytesIO(data))


def blocks(document):
    """The body's paragraphs and tables, in order."""
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            yield Paragraph(element, document)
        elif element.tag == qn("w:tbl"):
            yield Table(element, document)


def paragraphs(document):
    return [block for block in blocks(document) if isinstance(block, Paragraph)]


def headings(document):
    return [
        (p.style.name, p.text) for p in paragraphs(document) if p.style.name.startswith("Heading")
    ]


def rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_text(data):
    """Every word of the file, body, header and footer (the XML of its parts)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return " ".join(
            package.read(name).decode() for name in package.namelist() if name.endswith(".xml")
        )


def norfolk_response(slug):
    return Section55Response.objects.select_related("inspection", "policing_body").get(
        inspection__slug=slug, policing_body__slug="norfolk"
    )


def test_eastern_letter_has_the_seed_structure_in_word_headings(demo_data):
    document = read(render_docx(norfolk_response("eastern-soc-2021-22")))
    found = headings(document)
    assert found[0] == (
        "Heading 1",
        "Norfolk Police and Crime Commissioner response to inspections of Norfolk Constabulary "
        "published by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services "
        "(HMICFRS)",
    )
    shown = [(style, text.split(" – ")[0]) for style, text in found[1:]]
    assert shown == [
        ("Heading 2", "Key Findings"),
        ("Heading 2", "Recommendations"),
        ("Heading 2", "Areas for Improvement"),
        *[("Heading 3", f"Area for improvement {n}:") for n in (1, 2, 11, 12, 13, 14)],
        (
            "Heading 2",
            "Chief Constable response to report and any Recommendations/Areas for Improvement",
        ),
        *[("Heading 3", f"Area for improvement {n}") for n in (11, 12, 13, 14)],
        (
            "Heading 2",
            "Police and Crime Commissioner response to report and any "
            "Recommendations/Areas for Improvement",
        ),
        ("Heading 3", "General Comment"),
        *[("Heading 3", f"AFI {n}") for n in (11, 12, 13, 14)],
        ("Heading 3", "Conclusion"),
        ("Heading 2", "For Office Use Only:"),
    ]
    assert found[1 + shown.index(("Heading 3", "Area for improvement 11"))][1].startswith(
        "Area for improvement 11 – The constabulary should improve how it shares information"
    )
    texts = [p.text for p in paragraphs(document)]
    assert texts[texts.index(found[0][1]) + 1].startswith("Section 55 of the Police Act 1996")
    # The checklist: every item is done for the published letter, each with a tick.
    checklist = texts[texts.index("For Office Use Only:") + 1 :]
    assert checklist == [f"✓ {item.label}" for item in ChecklistItem]
    properties = document.core_properties
    assert properties.title == found[0][1]
    assert properties.author == "Norfolk Police and Crime Commissioner"
    assert properties.language == "en-GB"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_header_block_and_grades_are_word_tables(demo_data):
    document = read(render_docx(norfolk_response("eastern-soc-2021-22")))
    header_block, grades = document.tables
    assert [row[0] for row in rows(header_block)] == [
        "Inspection Title:",
        "Published on:",
        "Publication Types:",
        "Police Forces:",
        "Link to Report:",
        "Section 55 Response Deadline:",
    ]
    values = [row[1] for row in rows(header_block)]
    assert values[0].startswith("PEEL 2021/22: An inspection of the eastern regional response")
    assert values[1] == "19 May 2023" and values[5] == "14 July 2023"
    assert values[2] == "PEEL, Regional Organised Crime Units and Serious and organised crime"
    assert values[3].startswith("Bedfordshire Police, Cambridgeshire Constabulary")
    link = header_block.rows[4].cells[1].paragraphs[0].hyperlinks[0]
    assert link.address.startswith("https://www.justiceinspectorates.gov.uk/") and link.text
    assert rows(grades)[0] == ["Force or ROCU", "Question", "Grade"]
    assert len(grades.rows) == 9  # ERSOU and 7 forces
    assert [
        "Cambridgeshire Constabulary",
        "Tackling serious and organised crime",
        "Inadequate",
    ] in rows(grades)
    # The header row repeats on each page; no row splits across pages.
    header_flags = [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in grades.rows]
    assert header_flags == [True] + [False] * 8
    for table in (header_block, grades):
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    # In order: the header block before Key Findings, the grades after its text.
    order = [
        "table" if isinstance(b, Table) else b.text
        for b in blocks(document)
        if isinstance(b, Table) or b.text in ("Key Findings", "Recommendations")
    ]
    assert order == ["table", "Key Findings", "table", "Recommendations"]


@pytest.fixture
def typed(world):
    """World's draft with texts typed the ways the field help describes."""
    Section55Response.objects.filter(pk=world.draft.pk).update(
        key_findings="Intro\n- first point\n- second point",
        general_comment=f"We **fully** accept *this*.\nNext line. {HOSTILE}",
        conclusion="See [the report](https://example.org/report), [files](ftp://example.org/f)"
        " and [x](javascript:alert(1)).",
    )
    FindingResponse.objects.update_or_create(
        response=world.draft,
        finding=world.recommendation,
        defaults={
            "office_comment": "1. one\n2. two",
            "action": "proposed",
            "action_explanation": "3. three\n4. four",
        },
    )
    FindingResponse.objects.update_or_create(
        response=world.draft,
        finding=world.afi,
        defaults={"office_comment": f"Typed: {HOSTILE}"},
    )
    world.draft.refresh_from_db()
    return world


def test_typed_lists_are_word_list_paragraphs(typed):
    document = read(render_docx(typed.draft))
    styled = [(p.style.name, p.text) for p in paragraphs(document)]
    start = styled.index(("Normal", "Intro"))
    assert styled[start : start + 3] == [
        ("Normal", "Intro"),
        ("List Bullet", "first point"),
        ("List Bullet", "second point"),
    ]
    one = styled.index(("List Number", "one"))
    assert styled[one + 1] == ("List Number", "two")
    assert ("List Number", "three") in styled
    # Each numbered list counts on its own: "1. one" from 1, "3. three" from 3, not 3 and 5.
    listed = {p.text: p for p in paragraphs(document) if p.style.name == "List Number"}
    numbering = document.part.numbering_part.element
    starts = {}
    for text in ("one", "two", "three"):
        num_id = listed[text]._p.pPr.numPr.numId.val
        override = numbering.num_having_numId(num_id).find(qn("w:lvlOverride"))
        starts[text] = (num_id, int(override.find(qn("w:startOverride")).get(qn("w:val"))))
    assert starts["one"] == starts["two"] and starts["one"][1] == 1
    assert starts["three"][0] != starts["one"][0] and starts["three"][1] == 3


def test_nested_lists_and_a_second_paragraph_of_an_item(world):
    Section55Response.objects.filter(pk=world.draft.pk).update(
        general_comment="- outer\n  - inner\n\n  more about outer\n- next",
        conclusion="1. first\n   1. first of first",
    )
    world.draft.refresh_from_db()
    document = read(render_docx(world.draft))
    styled = [(p.style.name, p.text) for p in paragraphs(document)]
    start = styled.index(("List Bullet", "outer"))
    assert styled[start : start + 4] == [
        ("List Bullet", "outer"),
        ("List Bullet 2", "inner"),
        ("List Continue", "more about outer"),
        ("List Bullet", "next"),
    ]
    # A nested numbered list numbers as the List Number 2 style does (its own indent), from 1.
    inner = next(p for p in paragraphs(document) if p.text == "first of first")
    assert inner.style.name == "List Number 2"
    numbering = document.part.numbering_part.element

    def abstract(num_id):
        return numbering.num_having_numId(num_id).abstractNumId.val

    style_num = document.styles["List Number 2"].element.pPr.numPr.numId.val
    assert abstract(inner._p.pPr.numPr.numId.val) == abstract(style_num)


def test_bold_italics_breaks_and_links(typed):
    document = read(render_docx(typed.draft))
    comment = next(p for p in paragraphs(document) if p.text.startswith("We fully accept"))
    assert [run.text for run in comment.runs if run.bold] == ["fully"]
    assert [run.text for run in comment.runs if run.italic] == ["this"]
    assert comment.text.startswith("We fully accept this.\nNext line.")  # a line break
    assert "<w:br/>" in comment._p.xml
    conclusion = next(p for p in paragraphs(document) if p.text.startswith("See "))
    assert [(link.text, link.address) for link in conclusion.hyperlinks] == [
        ("the report", "https://example.org/report")
    ]
    # As on the pages: an address of another kind keeps its text and is no link, and the
    # parser makes no link of a script at all.
    assert conclusion.text == "See the report, files and [x](javascript:alert(1))."


def test_typed_markup_prints_as_typed(typed):
    data = render_docx(typed.draft)
    texts = [p.text for p in paragraphs(read(data))]
    assert any(text.endswith(f"Next line. {HOSTILE}") for text in texts)
    assert f"Typed: {HOSTILE}" in texts
    assert "<script>" not in all_text(data)  # escaped in the XML, never markup


def test_the_action_is_bold_after_the_office_comment(typed):
    texts = [
        (p.text, any(run.bold for run in p.runs))
        for p in paragraphs(read(render_docx(typed.draft)))
    ]
    position = texts.index(("Action (section 55(5B)): Action proposed.", True))
    assert texts[position - 1][0] == "two"


def test_draft_until_approved(world):
    draft = read(render_docx(world.draft))
    assert paragraphs(draft)[0].text == "DRAFT"
    assert paragraphs(draft)[0].runs[0].bold
    assert draft.sections[0].header.paragraphs[0].text.startswith("DRAFT")
    world.draft.status = "approved"
    world.draft.save()
    approved = render_docx(world.draft)
    assert "DRAFT" not in all_text(approved)
    assert paragraphs(read(approved))[0].style.name == "Heading 1"


def test_checklist_ticks_what_is_done_with_its_date(world):
    ChecklistEntry.objects.create(
        response=world.draft, item=ChecklistItem.PORTAL, done_on=datetime.date(2026, 11, 19)
    )
    texts = [p.text for p in paragraphs(read(render_docx(world.draft)))]
    checklist = texts[texts.index("For Office Use Only:") + 1 :]
    assert checklist == [
        "☐ Response forwarded to HMICFRS Section 55 Responses",
        "✓ Response submitted on HMICFRS Portal (19 November 2026)",
        "☐ Response forwarded to Chief Constable",
        "☐ Response forwarded to Police and Crime Panel",
        "☐ Response published on the office website",
    ]


def test_letterhead_images_heading_address_signature_and_footer(world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Letterhead.objects.create(
        policing_body=world.norfolk,
        heading_name="Norfolk PCC",
        address="Building 7\nNorwich",
        logo=SimpleUploadedFile("logo.png", png(400, 100)),
        logo_description="Norfolk PCC logo",
        signatory_name="Giles Orpen-Smellie",
        signatory_title="Police and Crime Commissioner for Norfolk",
        signature=SimpleUploadedFile("sig.png", png(30, 10)),
        footer_text="OPCC for Norfolk",
        website_name="OPCCN",
    )
    response = Section55Response.objects.select_related("policing_body").get(pk=world.draft.pk)
    document = read(render_docx(response))
    texts = [p.text for p in paragraphs(document)]
    # DRAFT, the logo, the heading name and address, then the title.
    assert texts[:4] == ["DRAFT", "", "Norfolk PCC\nBuilding 7\nNorwich", texts[3]]
    assert texts[3].startswith("Norfolk PCC response to inspections of Norfolk Constabulary")
    shapes = document.inline_shapes
    assert len(shapes) == 2
    descriptions = [shape._inline.docPr.get("descr") for shape in shapes]
    assert descriptions == ["Norfolk PCC logo", "Signature of Giles Orpen-Smellie"]
    # The logo is as wide as the PDF's allows (70 mm; 22 mm tall would be 88 mm wide), the
    # signature as tall (18 mm), each in proportion.
    sizes = [(round(shape.width.mm), round(shape.height.mm)) for shape in shapes]
    assert sizes == [(70, 18), (54, 18)]
    signature = texts.index("Giles Orpen-Smellie\nPolice and Crime Commissioner for Norfolk")
    assert texts[signature - 1] == ""  # the signature image's paragraph
    assert "✓ Response published on the OPCCN website" not in texts
    assert "☐ Response published on the OPCCN website" in texts
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "DRAFT  Norfolk PCC: Section 55 response"
    assert section.footer.paragraphs[0].text.startswith("OPCC for Norfolk\tPage ")
    # A logo the storage has lost, or a signature python-docx cannot read (an upload is checked
    # by its first bytes), is left out; the letter still downloads.
    letterhead = response.policing_body.letterhead
    letterhead.logo.storage.delete(letterhead.logo.name)
    letterhead.signature.save("broken.png", SimpleUploadedFile("broken.png", png(1, 1)[:40]))
    fresh = Section55Response.objects.select_related("policing_body").get(pk=world.draft.pk)
    document = read(render_docx(fresh))
    assert len(document.inline_shapes) == 0
    assert "Giles Orpen-Smellie\nPolice and Crime Commissioner for Norfolk" in [
        p.text for p in paragraphs(document)
    ]


def test_text_xml_cannot_hold_is_dropped_not_an_error(world):
    """Control characters pasted from elsewhere (a vertical tab, an escape) would make the file
    one Word refuses; python-docx raises on them. They are left out."""
    Section55Response.objects.filter(pk=world.draft.pk).update(
        general_comment="Pasted\x0bfrom\x1b a report\x0c."
    )
    world.draft.refresh_from_db()
    texts = [p.text for p in paragraphs(read(render_docx(world.draft)))]
    assert "Pastedfrom a report." in texts


def test_download_for_the_own_office_only(world, as_user):
    url = reverse("letters:letter_docx", args=[world.draft.pk])
    response = as_user("own_staff").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="section-55-response-norfolk-vetting-2026.docx"'
    )
    assert headings(read(response.content))[0][0] == "Heading 1"
    assert as_user("other_staff").get(url).status_code == 404
    anonymous = as_user("anonymous").get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    # Another office's response is a 404 to Norfolk, as the PDF's.
    other = reverse("letters:letter_docx", args=[world.suffolk_draft.pk])
    assert as_user("own_manager").get(other).status_code == 404


def test_the_workspace_links_to_the_word_copy_beside_the_pdf(world, as_user):
    page = as_user("own_staff").get(reverse("responses:workspace", args=[world.draft.pk]))
    html = page.content.decode()
    pdf = html.index(reverse("letters:pdf", args=[world.draft.pk]))
    word = html.index(reverse("letters:letter_docx", args=[world.draft.pk]))
    assert pdf < word < html.index("Download the letter (Word)")
