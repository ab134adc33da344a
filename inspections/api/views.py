from rest_framework import viewsets

from accounts import access
from inspections.api.serializers import (
    FindingSerializer,
    GradedJudgementSerializer,
    InspectionSerializer,
)
from inspections.filtersets import FindingFilterSet, GradedJudgementFilterSet, InspectionFilterSet


class InspectionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InspectionSerializer
    filterset_class = InspectionFilterSet

    def get_queryset(self):
        return (
            access.visible_inspections(self.request.user)
            .prefetch_related("bodies")
            .order_by("-publication_date", "pk")
        )


class GradedJudgementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GradedJudgementSerializer
    filterset_class = GradedJudgementFilterSet

    def get_queryset(self):
        return access.visible_grades(self.request.user).order_by("inspection", "order", "pk")


class FindingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FindingSerializer
    filterset_class = FindingFilterSet

    def get_queryset(self):
        return (
            access.visible_findings(self.request.user)
            .prefetch_related("directed_at")
            .order_by("inspection", "order", "pk")
        )
