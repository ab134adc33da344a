from pathlib import Path

from django import template

from letters.fetcher import static_url

register = template.Library()


@register.simple_tag
def asset(path):
    """A static file as a file:// URL, the only kind the letter's fetcher will load."""
    return static_url(path)


@register.filter
def file_uri(field_file):
    return Path(field_file.path).resolve().as_uri() if field_file else ""


@register.filter
def css_string(value):
    """Text as the inside of a double-quoted CSS string (for @page margin boxes)."""
    text = str(value or "")
    for char, escaped in (
        ("\\", "\\\\"),
        ('"', '\\"'),
        ("\n", " "),
        ("<", "\\3c "),
        (">", "\\3e "),
    ):
        text = text.replace(char, escaped)
    return text
