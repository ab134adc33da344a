from rest_framework import viewsets

from inspections.api.serializers import (
    FindingSerializer,
    GradedJudgementSerializer,
    InspectionSerializer,
)
from inspections.filtersets import FindingFilterSet, GradedJudgementFilterSet, InspectionFilterSet
from inspections.models import Finding, GradedJudgement, Inspection


class InspectionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InspectionSerializer
    filterset_class = InspectionFilterSet

    def get_queryset(self):
        return (
            Inspection.objects.visible_to(self.request.user)
            .prefetch_related("bodies")
            .order_by("-publication_date", "pk")
        )


class GradedJudgementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GradedJudgementSerializer
    filterset_class = GradedJudgementFilterSet

    def get_queryset(self):
        return GradedJudgement.objects.visible_to(self.request.user).order_by(
            "inspection", "order", "pk"
        )


class FindingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FindingSerializer
    filterset_class = FindingFilterSet

    def get_queryset(self):
        return (
            Finding.objects.visible_to(self.request.user)
            .prefetch_related("directed_at")
            .order_by("inspection", "order", "pk")
        )
