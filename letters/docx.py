"""The Section 55 letter as a Word document (.docx), beside the PDF: the same content in the same
order (letters.content), written with Word's own structures so the copy edits like any letter an
office writes in Word: headings in the Heading 1 to 3 styles (Word's navigation pane lists them),
the header block and the grades as Word tables (rows that never split across pages, the grades'
header row repeating), and what the office typed in the List Bullet and List Number styles, with
bold and italic runs and real hyperlinks (core.text's tokens, the parse the pages render).

Typed markup is text, as typed: raw HTML is off in the parser, and nothing here interprets it.
Only the office's own letterhead images are read, from the media storage."""

import io
import logging
import re
import struct
from urllib.parse import urlsplit

from django.template.defaultfilters import date as format_date
from django.utils import timezone
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.image import exceptions as image_errors
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from core.text import URL_SCHEMES, tokens
from inspections.choices import FindingKind
from letters.content import letter_context

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGE = "en-GB"
# The PDF's page: A4 with its margins, so the text is 170 mm wide.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(24), "right": Mm(20), "bottom": Mm(22), "left": Mm(20)}
TEXT_WIDTH = Mm(170)
LABEL_WIDTH = Mm(52)  # the header block's label column, as in the PDF
GREY = RGBColor(0x50, 0x5A, 0x5F)
RED = RGBColor(0xD4, 0x35, 0x1C)
LINK_BLUE = RGBColor(0x1D, 0x70, 0xB8)
DONE, NOT_DONE = "✓", "☐"
IMAGE_ERRORS = (
    image_errors.InvalidImageStreamError,
    image_errors.UnexpectedEndOfFileError,
    image_errors.UnrecognizedImageError,
)
# Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; surrogates;
# U+FFFE and U+FFFF). Text pasted from elsewhere can carry them; Word would refuse the file.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

logger = logging.getLogger(__name__)


def clean(text):
    return NOT_XML.sub("", str(text or ""))


def filename(response):
    return f"section-55-response-{response.policing_body.slug}-{response.inspection.slug}.docx"


def render_docx(response):
    """The letter as the bytes of a .docx file."""
    return LetterWriter(letter_context(response)).write()


def link_allowed(address):
    """A web or mail address, as the pages' cleaner allows (no script, file or relative ones)."""
    return urlsplit(address).scheme.lower() in URL_SCHEMES


class LetterWriter:
    def __init__(self, context):
        self.context = context
        self.document = Document()
        self.body_part = self.document.part
        self._set_up()

    # The document: page, language, properties, styles, running header and footer.

    def _set_up(self):
        document = self.document
        # python-docx's template carries a thumbnail of an empty page: not this letter's.
        package_rels = document.part.package.rels
        for r_id, rel in list(package_rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package_rels[r_id]
        section = document.sections[0]
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        for side, width in MARGINS.items():
            setattr(section, f"{side}_margin", width)
        section.header_distance = section.footer_distance = Mm(10)
        for lang in document.styles.element.iter(qn("w:lang")):  # the default run language
            lang.set(qn("w:val"), LANGUAGE)
            lang.set(qn("w:eastAsia"), LANGUAGE)
        for lang in document.settings.element.iter(qn("w:themeFontLang")):
            lang.set(qn("w:val"), LANGUAGE)
        heading_name = self.heading_name
        properties = document.core_properties
        properties.title = clean(self.context["title"])
        properties.subject = "Section 55 response"
        properties.author = properties.last_modified_by = clean(heading_name)
        properties.comments = ""
        properties.keywords = "DRAFT" if self.context["is_draft"] else ""
        properties.language = LANGUAGE
        properties.created = properties.modified = timezone.now()  # not the template's (2013)
        self._link_style()
        for name in ("Header", "Footer"):
            tabs = document.styles[name].paragraph_format.tab_stops
            tabs.clear_all()
            tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        self._running_header(section, heading_name)
        self._running_footer(section)

    @property
    def heading_name(self):
        letterhead = self.context["letterhead"]
        return letterhead.heading_name if letterhead else self.context["office"].name

    def _link_style(self):
        # Word's built-in character style for hyperlinks; python-docx's template lacks it.
        style = self.document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        style.base_style = self.document.styles["Default Paragraph Font"]
        style.font.color.rgb = LINK_BLUE
        style.font.underline = True
        style.unhide_when_used = True
        style.priority = 99

    def _running_header(self, section, heading_name):
        paragraph = section.header.paragraphs[0]
        if self.context["is_draft"]:
            self._draft_run(paragraph, Pt(9))
            paragraph.add_run("  ")
        self._small(paragraph.add_run(clean(f"{heading_name}: Section 55 response")))

    def _running_footer(self, section):
        letterhead, office = self.context["letterhead"], self.context["office"]
        paragraph = section.footer.paragraphs[0]
        footer = letterhead.footer_text if letterhead and letterhead.footer_text else office.name
        self._small(paragraph.add_run(clean(footer) + "\tPage "))
        self._field(paragraph, "PAGE")
        self._small(paragraph.add_run(" of "))
        self._field(paragraph, "NUMPAGES")

    def _small(self, run):
        run.font.size = Pt(9)
        run.font.color.rgb = GREY
        return run

    def _field(self, paragraph, instruction):
        """A field Word fills in (the page number, the number of pages)."""
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        paragraph._p.append(field)
        run = self._small(paragraph.add_run("1"))
        field.append(run._r)

    def _draft_run(self, paragraph, size):
        run = paragraph.add_run("DRAFT")
        run.bold = True
        run.font.size = size
        run.font.color.rgb = RED
        return run

    # The letter, in the order of templates/letters/_letter_body.html.

    def write(self):
        c = self.context
        if c["is_draft"]:
            self._draft_run(self.document.add_paragraph(), Pt(20))
        self._letterhead()
        self.heading(c["title"], 1)
        self.document.add_paragraph().add_run(clean(c["statutory_sentence"])).italic = True
        self._header_block()
        self._key_findings()
        self._recommendations()
        self._areas_for_improvement()
        self._chief_constable()
        self._office()
        self._signature()
        self._checklist()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def heading(self, text, level):
        return self.document.add_heading(clean(text), level)

    def bold_paragraph(self, text):
        paragraph = self.document.add_paragraph()
        paragraph.add_run(clean(text)).bold = True
        return paragraph

    def formatted(self, text):
        MarkdownWriter(self).write(text)

    def _letterhead(self):
        letterhead = self.context["letterhead"]
        if letterhead is None:
            return
        if letterhead.logo:
            alt = letterhead.logo_description or letterhead.heading_name
            self._picture(letterhead.logo, alt, Mm(22), Mm(70))
        paragraph = self.document.add_paragraph()
        paragraph.add_run(clean(letterhead.heading_name)).bold = True
        for line in clean(letterhead.address).splitlines():
            if line.strip():
                paragraph.add_run().add_break()
                self._small(paragraph.add_run(line.strip())).font.size = Pt(9.5)

    def _picture(self, field_file, alt, max_height, max_width):
        """An image of the letterhead at most this tall and wide, with its alternative text. One
        the storage cannot give (a file gone missing) or python-docx cannot read (uploads are
        checked by their first bytes only) is left out: the letter still downloads."""
        try:
            with field_file.open("rb") as stored:
                blob = stored.read()
            image = Image.from_blob(blob)
        except (OSError, ValueError, struct.error, *IMAGE_ERRORS):
            logger.warning("Letter image %s could not be read; left out", field_file.name)
            return None
        scale = min(max_height / image.height, max_width / image.width)
        paragraph = self.document.add_paragraph()
        shape = paragraph.add_run().add_picture(
            io.BytesIO(blob),
            width=Emu(int(image.width * scale)),
            height=Emu(int(image.height * scale)),
        )
        shape._inline.docPr.set("descr", clean(alt))
        return paragraph

    def _table(self, rows, columns, caption, widths):
        table = self.document.add_table(rows=rows, cols=columns)
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        properties = table._tbl.tblPr
        title = OxmlElement("w:tblCaption")  # the table's title in Word's Alt Text
        title.set(qn("w:val"), clean(caption))
        properties.append(title)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        return table

    def _header_block(self):
        c = self.context
        inspection, response = c["inspection"], c["response"]
        if inspection.publication_date_precision == "month":
            published = format_date(inspection.publication_date, "F Y")
        else:
            published = format_date(inspection.publication_date, "j F Y")
        deadline = response.deadline
        rows = [
            ("Inspection Title:", inspection.title),
            ("Published on:", published),
            (
                "Publication Types:",
                inspection.publication_types or inspection.get_programme_display(),
            ),
            ("Police Forces:", ", ".join(c["forces"])),
            ("Link to Report:", None),
            (
                "Section 55 Response Deadline:",
                format_date(deadline, "j F Y") if deadline else "Not yet known",
            ),
        ]
        table = self._table(
            len(rows), 2, "The inspection report", [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH]
        )
        for row, (label, value) in zip(table.rows, rows, strict=True):
            row.cells[0].paragraphs[0].add_run(label).bold = True
            paragraph = row.cells[1].paragraphs[0]
            if value is not None:
                paragraph.add_run(clean(value))
            elif inspection.report_url and link_allowed(inspection.report_url):
                self.hyperlink(paragraph, inspection.report_url, inspection.report_url)
            else:
                paragraph.add_run(clean(inspection.report_url) or "Not recorded")

    def _key_findings(self):
        c = self.context
        self.heading("Key Findings", 2)
        self.formatted(c["response"].key_findings)
        grades = list(c["grades"])
        if not grades:
            return
        caption = self.document.add_paragraph("Graded judgements", style="Caption")
        caption.paragraph_format.keep_with_next = True
        width = TEXT_WIDTH // 3
        table = self._table(len(grades) + 1, 3, "Graded judgements", [width] * 3)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(header.cells, ("Force or ROCU", "Question", "Grade"), strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        for row, grade in zip(table.rows[1:], grades, strict=True):
            question = grade.question + (" (overall)" if grade.is_overall else "")
            values = (grade.body.name, question, grade.get_grade_display())
            for cell, text in zip(row.cells, values, strict=True):
                cell.paragraphs[0].add_run(clean(text))

    def _recommendations(self):
        c = self.context
        self.heading("Recommendations", 2)
        self.formatted(c["response"].recommendations_note)
        for finding, _answer in c["concerns"]:
            self.heading("Cause of concern", 3)
            self.bold_paragraph(finding.text)
        for finding, _answer in c["recommendations"]:
            due = f" (by {format_date(finding.due_date, 'j F Y')})" if finding.due_date else ""
            self.heading(f"Recommendation{due}:", 3)
            self.bold_paragraph(finding.text)
        if not c["recommendations"] and not c["response"].recommendations_note:
            self.document.add_paragraph(
                clean(f"The report makes no recommendations for {c['office'].name}’s force.")
            )

    def _areas_for_improvement(self):
        c = self.context
        self.heading("Areas for Improvement", 2)
        self.formatted(c["response"].afi_introduction)
        for finding, _answer in c["afis"]:
            number = f" {finding.number}" if finding.number else ""
            self.heading(f"Area for improvement{number}:", 3)
            self.bold_paragraph(finding.text)
            self.formatted(finding.detail)

    def _chief_constable(self):
        c = self.context
        self.heading(
            "Chief Constable response to report and any Recommendations/Areas for Improvement", 2
        )
        self.formatted(c["response"].chief_constable_response)
        for finding, answer in c["sections"]:
            if answer and answer.chief_constable_response:
                self.heading(f"{finding.label} – {finding.text}", 3)
                self.formatted(answer.chief_constable_response)

    def _office(self):
        c = self.context
        response = c["response"]
        self.heading(
            f"{c['office'].get_kind_display()} response to report and any "
            "Recommendations/Areas for Improvement",
            2,
        )
        self.heading("General Comment", 3)
        self.formatted(response.general_comment)
        for finding, answer in c["sections"]:
            if not answer or not (answer.office_comment or answer.action):
                continue
            if finding.kind == FindingKind.AREA_FOR_IMPROVEMENT and finding.number:
                label = f"AFI {finding.number}"  # as the seed letters name them
            else:
                label = finding.label
            self.heading(f"{label} – {finding.text}", 3)
            self.formatted(answer.office_comment)
            if answer.action:
                self.bold_paragraph(f"Action (section 55(5B)): {answer.get_action_display()}.")
                self.formatted(answer.action_explanation)
        if response.conclusion:
            self.heading("Conclusion", 3)
            self.formatted(response.conclusion)

    def _signature(self):
        letterhead = self.context["letterhead"]
        if not letterhead or not letterhead.signatory_name:
            return
        if letterhead.signature:
            alt = f"Signature of {letterhead.signatory_name}"
            image = self._picture(letterhead.signature, alt, Mm(18), TEXT_WIDTH)
            if image is not None:
                image.paragraph_format.keep_with_next = True  # the name under the signature
        paragraph = self.document.add_paragraph()
        paragraph.add_run(clean(letterhead.signatory_name)).bold = True
        if letterhead.signatory_title:
            paragraph.add_run().add_break()
            paragraph.add_run(clean(letterhead.signatory_title))

    def _checklist(self):
        self.heading("For Office Use Only:", 2)
        checklist = self.context["checklist"]
        for position, (label, entry) in enumerate(checklist, start=1):
            paragraph = self.document.add_paragraph()
            paragraph.paragraph_format.keep_with_next = position < len(checklist)
            paragraph.add_run(f"{DONE if entry else NOT_DONE} ")
            text = label
            if entry and entry.done_on:
                text += f" ({format_date(entry.done_on, 'j F Y')})"
            paragraph.add_run(clean(text))

    def link(self, paragraph, address):
        """A hyperlink to ``address`` (an allowed one: see ``link_allowed``) at the end of
        ``paragraph``, for runs to go in."""
        element = OxmlElement("w:hyperlink")
        r_id = self.body_part.relate_to(clean(address), RT.HYPERLINK, is_external=True)
        element.set(qn("r:id"), r_id)
        paragraph._p.append(element)
        return element

    def hyperlink(self, paragraph, address, text):
        run = paragraph.add_run(clean(text), style="Hyperlink")
        self.link(paragraph, address).append(run._r)
        return run


class MarkdownWriter:
    """core.text's tokens of one typed text as Word paragraphs: paragraphs, line breaks, bulleted
    and numbered lists (List Bullet, List Number; a second and third level nested), bold and
    italic runs, and links to web and mail addresses as hyperlinks. Any other link prints its
    text, as the pages do; anything else the parser could make prints its text."""

    MAX_LEVEL = 3  # Word's list styles go to "List Bullet 3"

    def __init__(self, letter):
        self.letter = letter
        self.document = letter.document
        self.lists = []  # one [kind, numbering id or None, item has its paragraph] per open list

    def write(self, text):
        for token in tokens(text):
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self._open_list(kind, token)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.lists[-1][2] = False
            elif kind == "inline":
                self._inline(self._paragraph(), token.children or [])

    def _open_list(self, kind, token):
        numbered = kind == "ordered_list_open"
        level = min(len(self.lists) + 1, self.MAX_LEVEL)
        num_id = self._numbering(level, int(token.attrGet("start") or 1)) if numbered else None
        self.lists.append(["number" if numbered else "bullet", num_id, False])

    def _style(self, base, level):
        return base if level == 1 else f"{base} {level}"

    def _numbering(self, level, start):
        """A numbering of its own for one numbered list, counting from ``start``: every List
        Number paragraph shares the style's numbering, so lists would run on from each other."""
        style = self.document.styles[self._style("List Number", level)]
        numbering = self.document.part.numbering_part.element
        style_num = numbering.num_having_numId(style.element.pPr.numPr.numId.val)
        num = numbering.add_num(style_num.abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    def _paragraph(self):
        if not self.lists:
            return self.document.add_paragraph()
        level = min(len(self.lists), self.MAX_LEVEL)
        entry = self.lists[-1]
        kind, num_id, item_started = entry
        if item_started:  # a second paragraph of the same item: indented, no bullet or number
            return self.document.add_paragraph(style=self._style("List Continue", level))
        entry[2] = True
        base = "List Number" if kind == "number" else "List Bullet"
        paragraph = self.document.add_paragraph(style=self._style(base, level))
        if num_id is not None:
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = num_id
        return paragraph

    def _inline(self, paragraph, children):
        bold = italic = 0
        link = None  # the open link's element, its runs go in it
        for child in children:
            kind = child.type
            if kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "link_open":
                address = str(child.attrGet("href") or "")
                link = self.letter.link(paragraph, address) if link_allowed(address) else None
            elif kind == "link_close":
                link = None
            elif kind in ("softbreak", "hardbreak"):
                self._run(paragraph, link).add_break()
            elif child.content:
                run = self._run(paragraph, link, clean(child.content))
                run.bold = bold > 0 or None
                run.italic = italic > 0 or None

    def _run(self, paragraph, link, text=""):
        if link is None:
            return paragraph.add_run(text)
        run = paragraph.add_run(text, style="Hyperlink")
        link.append(run._r)
        return run
