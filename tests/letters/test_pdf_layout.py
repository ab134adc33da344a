"""The letter's PDF layout: a table row never starts on one page and ends on the next (the
eastern letter split Bedfordshire's grade row, its question blank on one page), and the
checklist ticks what is done."""

import io

import pytest
from pypdf import PdfReader

from inspections.choices import Grade, GradeScale
from inspections.models import GradedJudgement
from letters.pdf import html_to_pdf, render_html
from responses.models import ChecklistEntry

pytestmark = pytest.mark.django_db

ROWS = 30
# A question that wraps over about ten lines of its cell: a page break will fall inside some row
# unless rows are kept whole. Longer than the field holds (300), so the rows are built unsaved
# and handed to the template: this is a test of the layout, not of the data.
LONG = "how well the force keeps people safe, reduces crime and treats the public fairly " * 7


def test_no_grade_row_is_split_across_pages(world):
    inspection = world.draft.inspection
    force = inspection.bodies.get()
    grades = [
        GradedJudgement(
            inspection=inspection,
            body=force,
            question=f"Row{n:02d}start {LONG} Row{n:02d}end",
            grade=Grade.GOOD,
            scale=GradeScale.FIVE_TIER,
        )
        for n in range(ROWS)
    ]
    pdf = html_to_pdf(render_html(world.draft, grades=grades))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 2
    for n in range(ROWS):
        start = [i for i, text in enumerate(pages) if f"Row{n:02d}start" in text]
        end = [i for i, text in enumerate(pages) if f"Row{n:02d}end" in text]
        assert start and start == end, f"row {n} runs from page {start} to page {end}"


def test_the_letter_css_keeps_rows_whole_and_repeats_headers(world):
    html = render_html(world.draft)
    assert "tr { break-inside: avoid;" in html
    assert "thead { display: table-header-group; }" in html


def test_the_checklist_ticks_what_is_done_and_says_so(world):
    ChecklistEntry.objects.create(response=world.draft, item="panel")
    html = render_html(world.draft)
    done = html.split('<li class="done">')[1].split("</li>")[0]
    assert "Done: " in done and "Police and Crime Panel" in done
    assert '<li class="not-done">' in html and "Not done: " in html
    assert ".done .letter-box::after" in html and "background: #0b0c0c" not in html
