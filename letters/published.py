"""What the public sees: published responses to published reports, one office's or every
office's. A draft, or a response to a report not yet published, is never among them."""

from inspections.models import Inspection
from responses.choices import ResponseStatus
from responses.models import Section55Response


def published_responses(office=None):
    """Published responses to published reports (an administrator may clear or move a report's
    date in data entry, and its response goes with it)."""
    responses = Section55Response.objects.filter(
        status=ResponseStatus.PUBLISHED, inspection__in=Inspection.objects.published()
    ).select_related("inspection", "policing_body")
    return responses.filter(policing_body=office) if office else responses
