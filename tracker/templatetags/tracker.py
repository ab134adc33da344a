"""Display helpers: tags for states and grades, and user text as paragraphs (always escaped)."""

from django import template
from django.utils.html import format_html, format_html_join

from core.html import tag
from inspections.choices import Grade
from responses.choices import ResponseStatus
from responses.deadlines import FindingState, ResponseState

register = template.Library()

STATE_COLOURS = {
    ResponseState.NOT_STARTED: "grey",
    ResponseState.IN_PROGRESS: "blue",
    ResponseState.DUE_SOON: "yellow",
    ResponseState.OVERDUE: "red",
    ResponseState.SUBMITTED_ON_TIME: "green",
    ResponseState.SUBMITTED_LATE: "orange",
    FindingState.OPEN: "blue",
    FindingState.CLOSED: "green",
}
STATUS_COLOURS = {
    ResponseStatus.DRAFT: "grey",
    ResponseStatus.AWAITING_CHIEF: "purple",
    ResponseStatus.IN_REVIEW: "yellow",
    ResponseStatus.APPROVED: "turquoise",
    ResponseStatus.SUBMITTED: "blue",
    ResponseStatus.PUBLISHED: "green",
}
# Colour plus the grade word, so the grade reads without colour.
GRADE_COLOURS = {
    Grade.OUTSTANDING: "green",
    Grade.GOOD: "turquoise",
    Grade.ADEQUATE: "yellow",
    Grade.REQUIRES_IMPROVEMENT: "orange",
    Grade.INADEQUATE: "red",
}


@register.filter
def state_tag(value):
    if not value:
        return ""
    labels = dict(ResponseState.choices) | dict(FindingState.choices)
    return tag(STATE_COLOURS.get(value, "grey"), labels.get(value, value))


@register.filter
def status_tag(value):
    return tag(STATUS_COLOURS.get(value, "grey"), ResponseStatus(value).label)


@register.filter
def grade_tag(value):
    return tag(GRADE_COLOURS.get(value, "grey"), Grade(value).label)


@register.filter
def days_phrase(days):
    if days is None:
        return ""
    if days > 1:
        return f"{days} days left"
    if days == 1:
        return "1 day left"
    if days == 0:
        return "last day today"
    return f"{-days} day{'s' if days < -1 else ''} overdue"


@register.filter
def select_options(bound_field):
    """The <option>s of a select, built in Python (a template loop is slow for long lists)."""
    current = bound_field.value()
    # A comma-separated choice (django-filter's ordering) gives a list of values.
    chosen = current if isinstance(current, list | tuple) else [current]
    chosen = {"" if value is None else str(value) for value in chosen}
    options = []
    for value, label in bound_field.field.choices:
        value = "" if value is None else str(value)
        options.append((value, " selected" if value in chosen else "", label))
    return format_html_join("", '<option value="{}"{}>{}</option>', options)


@register.filter
def in_minutes(duration):
    """A timedelta as "15 minutes"."""
    if duration is None:
        return ""
    minutes = max(1, round(duration.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


@register.filter
def short_names(bodies):
    """ "Norfolk, Suffolk, ..." joined in Python: a national report lists 43 forces a row."""
    return ", ".join(body.short_name for body in bodies)


@register.filter
def grade_cells(cells):
    """A grade grid row's cells built in Python: 43 forces by 10 questions is 430 cells."""
    blank = format_html('<span class="govuk-visually-hidden">{}</span>–', "Not graded")
    return format_html_join(
        "",
        '<td class="govuk-table__cell">{}</td>',
        ((grade_tag(cell.grade) if cell else blank,) for cell in cells),
    )
