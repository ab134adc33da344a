"""Renders a response letter as a tagged PDF (PDF/UA-1) with WeasyPrint."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from letters.content import letter_context
from letters.fetcher import LetterURLFetcher


def render_html(response, **extra):
    return render_to_string("letters/response_pdf.html", {**letter_context(response), **extra})


def html_to_pdf(html):
    """A tagged PDF (PDF/UA-1) from HTML on the letter base, fetching only our own assets."""
    document = HTML(
        string=html,
        base_url=Path(settings.BASE_DIR).resolve().as_uri() + "/",
        url_fetcher=LetterURLFetcher(),
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(response):
    return html_to_pdf(render_html(response))


def filename(response):
    return f"section-55-response-{response.policing_body.slug}-{response.inspection.slug}.pdf"
