from django import template

from core import text

register = template.Library()


@register.filter
def formatted(value, style="govuk"):
    """Typed text as paragraphs, lists, bold and links (core.text); ``style`` "plain" for the
    letter's own stylesheet."""
    return text.render(value, style)
