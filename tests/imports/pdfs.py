"""Report PDFs for tests, made from the seed texts the way publishers lay them out: a running
header and a page number on every page, text wrapped by the renderer."""

import html
import io

from PIL import Image
from weasyprint import HTML

PAGE_CSS = """
@page { size: A4; margin: 25mm 20mm;
  @top-center { content: "%s"; font-size: 8pt; }
  @bottom-right { content: counter(page); font-size: 8pt; } }
body { font-family: sans-serif; font-size: 10.5pt; }
p { margin: 0 0 0.4em 0; }
"""


def report_pdf(text, header="HMICFRS inspection report"):
    """A text-layer PDF with one paragraph per source line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    css = PAGE_CSS % header.replace('"', "")
    document = f"<html><head><style>{css}</style></head><body>{body}</body></html>"
    return HTML(string=document).write_pdf()


def scanned_pdf(pages=2):
    """An image-only PDF, as a scanner makes: no text layer."""
    images = [Image.new("RGB", (600, 800), "white") for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()
