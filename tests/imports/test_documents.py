"""Uploads are read by content: PDFs with text, text files; everything else is refused with a
message, never a crash."""

import io
import zipfile

import pytest
from django.test import override_settings

from imports.documents import ReportUnreadable, kind_of, report_text
from tests.imports.pdfs import report_pdf, scanned_pdf

TEXT = "Area for improvement: The force should improve how it records crime\n"


def test_text_is_read_and_a_pdf_named_txt_is_still_a_pdf():
    assert report_text(TEXT.encode()) == TEXT
    pdf = report_pdf(TEXT)
    assert kind_of(pdf) == "pdf"
    assert "The force should improve" in report_text(pdf)


def test_cp1252_text_is_decoded():
    assert report_text("The force’s plan\n".encode("cp1252")) == "The force’s plan\n"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "must be a PDF or a plain text file"),
        (b"", "The file is empty"),
        (b"   \n  ", "The file is empty"),
        (b"%PDF-1.7\nnot really a pdf", "could not be read"),
    ],
    ids=["png", "empty", "blank", "fake-pdf"],
)
def test_unusable_files_are_refused(data, message):
    with pytest.raises(ReportUnreadable, match=message):
        report_text(data)


def test_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>" * 100)
    with pytest.raises(ReportUnreadable, match="must be a PDF or a plain text file"):
        report_text(buffer.getvalue())


def test_a_scanned_pdf_is_refused_with_its_own_message():
    with pytest.raises(ReportUnreadable, match="looks like a scan"):
        report_text(scanned_pdf())


def test_a_truncated_pdf_is_refused():
    pdf = report_pdf(TEXT * 50)
    with pytest.raises(ReportUnreadable, match="could not be read"):
        report_text(pdf[: len(pdf) // 3])


@override_settings(REPORT_IMPORT_MAX_MB=1)
def test_size_limit():
    with pytest.raises(ReportUnreadable, match="1 MB or smaller"):
        report_text(b"a" * (1024 * 1024 + 1))


@override_settings(REPORT_IMPORT_MAX_PAGES=1)
def test_page_limit():
    with pytest.raises(ReportUnreadable, match="the most we read is 1"):
        report_text(report_pdf("\n".join([TEXT] * 400)))
