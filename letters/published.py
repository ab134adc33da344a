"""What the public sees: published responses to published reports, one office's or every
office's. A draft, or a response to a report not yet published, is never among them."""

from django.db.models import BooleanField, Case, F, Value, When
from django.db.models.functions import Coalesce

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


def with_publication_deadline(responses):
    """Annotated ``met_deadline``: whether the response was published within its 56 days (the
    Act asks for publication; the submission date stands in where no publication date was
    recorded). None where the deadline is not known (a report dated by month only)."""
    published_by = Coalesce("published_on", "submitted_on")
    return (
        responses.with_deadline_state()
        .annotate(published_by=published_by)
        .annotate(
            met_deadline=Case(
                When(deadline_on__isnull=True, then=Value(None)),
                When(published_by__lte=F("deadline_on"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )
