"""The text of an uploaded report: a PDF's text layer, or a text file. Checked by content.

Every way a file can be unusable ends in ReportUnreadable with a message for the person who
uploaded it; nothing here lets a damaged or hostile file raise anything else.
"""

import hashlib
import io
import logging

from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from core.uploads import looks_like_pdf, named_as
from imports.extraction.lines import PAGE_BREAK

logger = logging.getLogger(__name__)

# A page of a text-layer PDF carries hundreds of letters; a scanned page carries none.
MIN_LETTERS_PER_PAGE = 40


class ReportUnreadable(Exception):
    """The upload cannot be read as a report; the message says why, for the user."""


def max_bytes():
    return settings.REPORT_IMPORT_MAX_MB * 1024 * 1024


def digest(data):
    return hashlib.sha256(data).hexdigest()


def kind_of(data):
    """'pdf', 'text' or None, from the bytes themselves (never the file name)."""
    if looks_like_pdf(data):
        return "pdf"
    if _decode(data) is not None:
        return "text"
    return None


def stored_name(name, data):
    """The name an accepted upload is stored under: .pdf or .txt from its bytes, whatever it
    was called (a text file named "report.html" must not be kept, or served, as a page)."""
    return named_as(name, (".pdf",) if looks_like_pdf(data) else (".txt",))


def report_text(data):
    if len(data) > max_bytes():
        raise ReportUnreadable(f"The file must be {settings.REPORT_IMPORT_MAX_MB} MB or smaller.")
    kind = kind_of(data)
    if kind == "pdf":
        return pdf_text(data)
    if kind == "text":
        text = _decode(data)
        if not text.strip():
            raise ReportUnreadable("The file is empty.")
        return text
    raise ReportUnreadable("The file must be a PDF or a plain text file.")


def _decode(data):
    if b"\x00" in data[:65536]:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t\f")
        if not sample or printable / len(sample) > 0.97:
            return text
    return None


def pdf_text(data):
    """Each page's text, pages separated by form feeds (as pdftotext writes them)."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportUnreadable("The PDF is protected by a password. Upload an unlocked copy.")
        pages = reader.pages
        if len(pages) > settings.REPORT_IMPORT_MAX_PAGES:
            raise ReportUnreadable(
                f"The PDF has {len(pages)} pages; the most we read is "
                f"{settings.REPORT_IMPORT_MAX_PAGES}."
            )
        texts = [page.extract_text() or "" for page in pages]
    except ReportUnreadable:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OverflowError,
        RecursionError,
        ZeroDivisionError,
    ) as error:
        logger.info("Unreadable PDF upload: %r", error)
        raise ReportUnreadable(
            "The PDF could not be read. It may be damaged: try downloading it again."
        ) from error
    if not texts:
        raise ReportUnreadable("The PDF has no pages.")
    letters = sum(1 for text in texts for ch in text if ch.isalpha())
    if letters < MIN_LETTERS_PER_PAGE * len(texts):
        raise ReportUnreadable(
            "The PDF has no text to read: it looks like a scan. Upload the report as "
            "published by the inspectorate, or paste its text instead."
        )
    return ("\n" + PAGE_BREAK).join(texts)
