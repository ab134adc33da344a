"""The public national index's filters: by office, year and programme, and whether the
response met its 56-day deadline."""

import django_filters

from core.filters import YearFilter
from forces.models import LocalPolicingBody
from inspections.choices import Programme
from responses.deadlines import ResponseState


class PublishedResponseFilterSet(django_filters.FilterSet):
    office = django_filters.ModelChoiceFilter(
        field_name="policing_body",
        queryset=LocalPolicingBody.objects.order_by("name"),
        to_field_name="slug",
        label="Office",
        empty_label="Any office",
    )
    year = YearFilter(
        field_name="inspection__publication_date", label="Year the report was published"
    )
    programme = django_filters.ChoiceFilter(
        field_name="inspection__programme",
        choices=Programme.choices,
        label="Programme",
        empty_label="Any programme",
    )
    deadline = django_filters.ChoiceFilter(
        field_name="deadline_state",
        choices=[
            (ResponseState.SUBMITTED_ON_TIME, "Met the deadline"),
            (ResponseState.SUBMITTED_LATE, "Missed the deadline"),
        ],
        label="56-day deadline",
        empty_label="Met or missed",
    )
