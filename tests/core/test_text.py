"""core.text: what people type, as paragraphs, lists, bold and links, and nothing else."""

import pytest

from core.text import render, tokens

LISTED = "Our view:\n- first point\n- second point\n\nThen:\n1. one\n2. two"


def test_paragraphs_and_lists_from_plain_typing():
    html = render(LISTED)
    assert '<p class="govuk-body">Our view:</p>' in html  # a list may follow a line directly
    assert "<li>first point</li>" in html and "<li>second point</li>" in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html and "<li>two</li>" in html


def test_a_single_line_break_is_kept():
    assert "line one<br>\nline two" in render("line one\nline two")


def test_bold_italic_and_web_links():
    html = render("**Bold**, *italic* and [the report](https://www.justiceinspectorates.gov.uk/x)")
    assert "<strong>Bold</strong>" in html and "<em>italic</em>" in html
    assert 'href="https://www.justiceinspectorates.gov.uk/x"' in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror="),
        ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;"),
        ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
        # No image is loaded: the address is a link like any other.
        ("![pic](https://evil.example/x.png)", '!<a href="https://evil.example/x.png"'),
        ("# Not a heading", "# Not a heading"),
        ("    four spaces, not code", "four spaces, not code"),
    ],
)
def test_markup_prints_as_typed(typed, shown):
    html = render(typed)
    assert shown in html
    for tag in ("<script", "<img", "<b>", 'javascript:"', "<h1", "<pre", "<code"):
        assert tag not in html


def test_styles():
    assert render("x", "letter") == '<p class="letter-p">x</p>\n'
    assert render("x", "plain") == "<p>x</p>\n"
    assert render("") == "" and render(None) == "" and render("  \n ") == ""


def test_tokens_are_the_parse_render_writes():
    """Other writers (the letter's Word copy) read the same tokens: lists, breaks, typed markup
    as text, and nothing for empty text."""
    parsed = tokens("Intro\r\nline two\n- <b>point</b>\n\n1. one")
    assert [t.type for t in parsed if t.type.endswith("_list_open")] == [
        "bullet_list_open",
        "ordered_list_open",
    ]
    inline = [child for t in parsed if t.type == "inline" for child in t.children]
    assert [c.type for c in inline[:3]] == ["text", "softbreak", "text"]
    assert "<b>point</b>" in [c.content for c in inline]
    assert tokens("") == [] and tokens(None) == [] and tokens(" \n") == []


@pytest.mark.parametrize(
    "address", ["//evil.example/x", "/etc/passwd", "etc/passwd", "file:///etc/passwd", "data:x"]
)
def test_only_absolute_web_and_mail_addresses_are_links(address):
    """A PDF resolves a relative address against its own base, file:// on the server: a link
    "[x](//evil.example/x)" became a file:// link to a network share in the letter."""
    html = render(f"[text]({address})")
    assert "href" not in html and "text" in html


def test_links_carry_no_title():
    assert "title" not in render('[x](https://a.example "a title")')


def test_a_line_after_a_list_starts_a_new_paragraph():
    """Markdown would add "Next paragraph." to the last item; people typing mean a new one."""
    html = render("Points:\n- one\n- two\nNext paragraph.", "plain")
    assert "<li>two</li>" in html and "<p>Next paragraph.</p>" in html


def test_bullets_pasted_from_word_are_a_list():
    html = render("• one\n• two\n◦ three", "plain")
    assert html.count("<li>") == 3 and "•" not in html


def test_an_indented_line_still_continues_its_item():
    assert "<li>item<br>\ncontinued</li>" in render("- item\n  continued\n- two", "plain")
