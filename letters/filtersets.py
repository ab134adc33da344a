"""The public national index's filters: by office, year and programme, and whether the
response was published within its 56 days (letters.published.with_publication_deadline)."""

import django_filters

from core.filters import YearFilter
from forces.models import LocalPolicingBody
from inspections.choices import Programme


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
        field_name="met_deadline",
        choices=[("met", "Published within 56 days"), ("missed", "Published late")],
        method="filter_deadline",
        label="56-day deadline",
        empty_label="Met or missed",
    )

    def filter_deadline(self, queryset, name, value):
        return queryset.filter(met_deadline=value == "met")
