"""One FilterSet per model of this app, shared by the pages (the response list) and the API;
and the inspections FilterSet extended with what an office asks of its own responses. Each
select says in words what its empty choice means (not Django's "---------")."""

import django_filters
from django.db.models import Exists, OuterRef

from accounts import access
from core.filters import YearFilter
from forces.models import LocalPolicingBody
from inspections.choices import Programme
from inspections.filtersets import InspectionFilterSet
from inspections.models import Finding
from responses.choices import SENT_STATUSES, RecommendationAction, ResponseStatus
from responses.deadlines import ResponseState
from responses.models import FindingResponse, Section55Response

# Open responses whose deadline is neither near nor past, whether or not work has started: the
# dashboard counts work status and the deadline apart, and links here.
ON_TRACK = "on_track"
ON_TRACK_STATES = [ResponseState.NOT_STARTED, ResponseState.IN_PROGRESS]


class ResponseFilterSet(django_filters.FilterSet):
    deadline_state = django_filters.ChoiceFilter(
        choices=[*ResponseState.choices, (ON_TRACK, "On track (not yet due soon)")],
        method="filter_deadline_state",
        label="Deadline state",
        empty_label="Any deadline state",
    )
    # Where the response has got to in the office's work (draft to published), beside how it
    # stands against its deadline.
    status = django_filters.ChoiceFilter(
        choices=ResponseStatus.choices, label="Work status", empty_label="Any status"
    )
    policing_body = django_filters.ModelChoiceFilter(
        queryset=LocalPolicingBody.objects.all(), label="Office", empty_label="Any office"
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

    def filter_deadline_state(self, queryset, name, value):
        if value == ON_TRACK:
            return queryset.filter(deadline_state__in=ON_TRACK_STATES)
        return queryset.filter(deadline_state=value)


class FindingResponseFilterSet(django_filters.FilterSet):
    """Answers by response and finding: the choices, and the ids accepted, are those the user
    may see, so another office's response is refused exactly as one that does not exist."""

    response = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Section55Response.objects.visible_to),
        empty_label="Any response",
    )
    finding = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Finding.objects.visible_to), empty_label="Any finding"
    )
    action = django_filters.ChoiceFilter(
        choices=RecommendationAction.choices, empty_label="Any action"
    )

    class Meta:
        model = FindingResponse
        fields = ["response", "finding", "action"]


class OfficeInspectionFilterSet(InspectionFilterSet):
    """Inspections as an office sees them (its pages and the API): the reference filters, and
    whether the user's office has a response to the report in progress."""

    has_open_response = django_filters.ChoiceFilter(
        method="filter_open_response",
        choices=[("yes", "Yes"), ("no", "No")],
        label="Your office has a response in progress",
        empty_label="Either",
    )

    class Meta(InspectionFilterSet.Meta):
        fields = [*InspectionFilterSet.Meta.fields, "has_open_response"]

    def filter_open_response(self, queryset, name, value):
        office = access.office(self.request.user) if self.request else None
        open_responses = Section55Response.objects.filter(
            inspection=OuterRef("pk"), policing_body=office
        ).exclude(status__in=SENT_STATUSES)
        has_open = Exists(open_responses)
        return queryset.filter(has_open if value == "yes" else ~has_open)
