from rest_framework import viewsets

from forces.api.serializers import BodySerializer, PolicingBodySerializer, RegionSerializer
from forces.choices import BodyKind
from forces.filtersets import BodyFilterSet, PolicingBodyFilterSet, RegionFilterSet
from forces.models import Body, LocalPolicingBody, Region


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Region.objects.order_by("name", "pk")
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet


class ForceViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = (
        Body.objects.filter(kind=BodyKind.FORCE).prefetch_related("members").order_by("name", "pk")
    )
    serializer_class = BodySerializer
    filterset_class = BodyFilterSet


class RocuViewSet(ForceViewSet):
    queryset = (
        Body.objects.filter(kind=BodyKind.ROCU).prefetch_related("members").order_by("name", "pk")
    )


class PolicingBodyViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = LocalPolicingBody.objects.prefetch_related("forces").order_by("name", "pk")
    serializer_class = PolicingBodySerializer
    filterset_class = PolicingBodyFilterSet
