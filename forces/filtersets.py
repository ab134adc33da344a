import django_filters

from forces.choices import DeadlineConvention, PolicingBodyKind
from forces.models import Body, LocalPolicingBody, Region


class RegionFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Region
        fields = ["name", "slug"]


class BodyFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), empty_label="Any region"
    )
    policing_body = django_filters.ModelChoiceFilter(
        queryset=LocalPolicingBody.objects.all(), empty_label="Any policing body"
    )

    class Meta:
        model = Body
        fields = ["name", "slug", "short_name", "region", "policing_body"]


class PolicingBodyFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(choices=PolicingBodyKind.choices, empty_label="Any kind")
    deadline_convention = django_filters.ChoiceFilter(
        choices=DeadlineConvention.choices, empty_label="Any convention"
    )

    class Meta:
        model = LocalPolicingBody
        fields = ["name", "slug", "kind", "deadline_convention"]
