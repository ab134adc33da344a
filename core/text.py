"""What people type into long text fields, rendered for reading: paragraphs, line breaks,
bulleted and numbered lists, bold, italics and links, from a small, safe Markdown subset.

markdown-it-py parses it with raw HTML off (typed markup stays text, as typed) and without the
constructs a letter has no use for (headings, code, images, tables, quotes, rules); nh3 then
allows only the tags that subset makes, links only to web and mail addresses. One rendering
serves the pages, the published letter and the PDF; ``tokens`` gives other formats (the
Word copy of a letter) the same parse to write their own way."""

import functools
import re

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a"}
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Block and inline rules turned off: each would make markup a letter's text never means (four
# spaces of indent is not code; "# 1" is not a heading).
OFF = ["heading", "lheading", "code", "fence", "blockquote", "hr", "table", "image", "backticks"]

# Classes each tag gets, by style: the service's pages use GOV.UK's; the PDF letter its own
# stylesheet's paragraph; anything else (the published letter's web page) plain elements.
STYLES = {
    "letter": {"p": {"class": "letter-p"}},
    "govuk": {
        "p": {"class": "govuk-body"},
        "ul": {"class": "govuk-list govuk-list--bullet"},
        "ol": {"class": "govuk-list govuk-list--number"},
        "a": {"class": "govuk-link"},
    },
    "plain": {},
}


def _only_web_links(tag, attribute, value):
    """nh3 lets relative addresses through its scheme check; a PDF resolves them against its
    own base (file://), so a link in the letter could point into the server's disk or at a
    network share. Only absolute web and mail addresses stay links; no title attributes."""
    if attribute == "title":
        return None
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(("http://", "https://", "mailto:")) else None
    return value


# A bullet pasted from Word or typed from a phone ("• point"), read as Markdown's "- point".
PASTED_BULLET = re.compile(r"^(\s*)[•◦▪‣·∙]\s+", re.MULTILINE)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")


def _as_people_type(text):
    """What people mean when they type a list: a "•" starts an item, and an unindented line
    straight after an item starts a new paragraph (Markdown would add it to the item)."""
    lines = PASTED_BULLET.sub(r"\1- ", text.replace("\r\n", "\n")).split("\n")
    out = []
    for line in lines:
        after_item = out and LIST_ITEM.match(out[-1])
        if after_item and line.strip() and not line[:1].isspace() and not LIST_ITEM.match(line):
            out.append("")
        out.append(line)
    return "\n".join(out)


@functools.cache
def _parser():
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    return parser.disable(OFF)


def _is_blank(text):
    return not text or not str(text).strip()


def _source(text):
    return _as_people_type(str(text))


def tokens(text):
    """markdown-it's tokens for ``text``, parsed exactly as ``render`` parses it; empty text, no
    tokens. Typed markup is in text tokens, as typed. Link tokens carry the address as written:
    a writer keeps it only if its scheme is in URL_SCHEMES, as ``render`` does."""
    if _is_blank(text):
        return []
    return _parser().parse(_source(text))


def render(text, style="govuk"):
    """Safe HTML for ``text``; empty text, empty string."""
    if _is_blank(text):
        return mark_safe("")  # noqa: S308 - nothing to escape
    html = _parser().render(_source(text))
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        set_tag_attribute_values=STYLES.get(style, {}),
        attribute_filter=_only_web_links,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 allows only the tags above
