import django_filters

from forces.choices import PolicingBodyKind
from forces.models import Body, LocalPolicingBody, Region


class RegionFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Region
        fields = ["name", "slug"]


class BodyFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Body
        fields = ["name", "slug", "short_name", "region", "policing_body"]


class PolicingBodyFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(choices=PolicingBodyKind.choices)

    class Meta:
        model = LocalPolicingBody
        fields = ["name", "slug", "kind", "deadline_convention"]
