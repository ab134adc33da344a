"""Small pieces of GOV.UK markup built in Python (template tags of every app use them)."""

from django.utils.html import format_html


def tag(colour, label):
    """A GOV.UK tag: its colour always comes with its word."""
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)
