"""Turn a report's extracted text into the lines worth reading, keeping source line numbers.

PDF text arrives with page furniture: page numbers, a running header or footer on every page,
footnote hyperlinks printed at the foot of a page. Those are dropped here so that a heading or a
sentence broken by a page turn reads as one. A line starting with a form feed starts a page (as
pdftotext and our PDF reader write it); plain text without form feeds is handled the same way,
using page-number lines as the page edges.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

PAGE_BREAK = "\f"

URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
# Contents entries end in a page number, often after dot leaders or a tab.
CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…|\t|\?)\s*\d{1,3}\s*$")
SUPERSCRIPTS = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source text
    text: str  # stripped, whitespace collapsed


def normalise_space(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _furniture_key(text):
    return re.sub(r"\d+", "#", text.casefold())


def clean_lines(text):
    """The report's meaningful lines, in order, with page furniture and hyperlinks removed."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    candidates = []  # (number, text, starts_page)
    for number, line in enumerate(raw, start=1):
        starts_page = line.startswith(PAGE_BREAK)
        stripped = normalise_space(line.replace(PAGE_BREAK, " "))
        if stripped:
            candidates.append((number, stripped, starts_page))
    edges = _page_edges(candidates)
    furniture = _running_furniture(candidates, edges)
    lines = []
    for index, (number, stripped, _) in enumerate(candidates):
        if URL_LINE.match(stripped) or PAGE_NUMBER.match(stripped):
            continue
        if index in edges and _furniture_key(stripped) in furniture:
            continue
        lines.append(Line(number, stripped.translate(SUPERSCRIPTS).strip()))
    return [line for line in lines if line.text]


def _page_edges(candidates):
    """Indexes of lines at a page's top or bottom: next to a form feed or a page number."""
    edges = set()
    for index, (_, text, starts_page) in enumerate(candidates):
        if starts_page or PAGE_NUMBER.match(text):
            # Page numbers and hyperlink footers sit together at the foot of a page; look past
            # them for the running header of the next page and the footer of this one.
            for step in (-1, 1):
                probe = index + step
                while 0 <= probe < len(candidates) and (
                    URL_LINE.match(candidates[probe][1]) or PAGE_NUMBER.match(candidates[probe][1])
                ):
                    probe += step
                for offset in (0, step):
                    if 0 <= probe + offset < len(candidates):
                        edges.add(probe + offset)
            edges.add(index)
    return edges


def _running_furniture(candidates, edges):
    """Texts repeated at page edges on several pages: running headers and footers."""
    at_edge = Counter()
    seen_anywhere = defaultdict(int)
    for index, (_, text, _) in enumerate(candidates):
        key = _furniture_key(text)
        seen_anywhere[key] += 1
        if index in edges:
            at_edge[key] += 1
    # A heading that happens to start a page now and then ("Recommendations") is mostly
    # elsewhere; furniture is at an edge nearly every time it appears.
    return {
        key
        for key, count in at_edge.items()
        if count >= 3 and count >= 0.8 * seen_anywhere[key] and len(key) > 3
    }
