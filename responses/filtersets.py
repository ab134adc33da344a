"""One FilterSet per model of this app, shared by the pages (the response list) and the API."""

import django_filters

from accounts import access
from core.filters import YearFilter
from inspections.choices import Programme
from inspections.models import Finding
from responses.deadlines import ResponseState
from responses.models import FindingResponse, Section55Response


class ResponseFilterSet(django_filters.FilterSet):
    deadline_state = django_filters.ChoiceFilter(
        choices=ResponseState.choices, label="Deadline state", empty_label="Any deadline state"
    )
    programme = django_filters.ChoiceFilter(
        field_name="inspection__programme",
        choices=Programme.choices,
        label="Programme",
        empty_label="Any programme",
    )
    year = YearFilter(field_name="inspection__publication_date")

    class Meta:
        model = Section55Response
        fields = ["deadline_state", "status", "policing_body", "programme", "year"]


class FindingResponseFilterSet(django_filters.FilterSet):
    """Answers by response and finding: the choices, and the ids accepted, are those the user
    may see, so another office's response is refused exactly as one that does not exist."""

    response = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Section55Response.objects.visible_to)
    )
    finding = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Finding.objects.visible_to)
    )

    class Meta:
        model = FindingResponse
        fields = ["response", "finding", "action"]
