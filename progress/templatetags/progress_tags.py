from django import template
from django.utils.safestring import mark_safe

from core.html import tag
from progress.choices import ProgressStatus, Rag

register = template.Library()

STATUS_COLOURS = {
    ProgressStatus.AWAITING_REVIEW: "grey",
    ProgressStatus.BEING_PROGRESSED: "blue",
    ProgressStatus.COMPLETE: "green",
    ProgressStatus.NO_FURTHER_ACTION: "turquoise",
    ProgressStatus.SUPERSEDED: "purple",
    ProgressStatus.CLOSED_BY_HMICFRS: "green",
}
RAG_COLOURS = {Rag.RED: "red", Rag.AMBER: "orange", Rag.GREEN: "green"}


@register.filter
def progress_tag(status):
    status = ProgressStatus(status or ProgressStatus.AWAITING_REVIEW)
    return tag(STATUS_COLOURS[status], status.label)


@register.filter
def rag_tag(rag):
    """The word is always there: colour alone carries no meaning."""
    if not rag:
        return mark_safe('<span class="govuk-hint govuk-!-margin-0">Not rated</span>')  # noqa: S308 - a constant
    rag = Rag(rag)
    return tag(RAG_COLOURS[rag], rag.label)


@register.filter
def progress_label(status):
    return ProgressStatus(status or ProgressStatus.AWAITING_REVIEW).label
