from contextlib import contextmanager

from django.db import IntegrityError
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from core.concurrency import EditConflict, save_if_unchanged
from inspections.api.views import InspectionViewSet
from responses import workflow
from responses.api.serializers import FindingResponseSerializer, ResponseSerializer
from responses.filtersets import (
    FindingResponseFilterSet,
    OfficeInspectionFilterSet,
    ResponseFilterSet,
)
from responses.models import FindingResponse, Section55Response


def conflict(error):
    return Response(
        {
            "detail": "Someone else saved this since you read it; nothing was saved.",
            "current_version": error.current.version,
            "changed_fields": [change.field for change in error.changes],
        },
        status=status.HTTP_409_CONFLICT,
    )


def _refuse_if_not_editable(user, response):
    if not response.editable_by(user):
        raise PermissionDenied(
            f"This response is {response.get_status_display().lower()}; you cannot change it."
        )


@contextmanager
def _editing(response_pk):
    """workflow.editing for the API: a response that moved on is a 403."""
    try:
        with workflow.editing(response_pk):
            yield
    except workflow.NotEditable:
        raise PermissionDenied(
            "This response moved on while you wrote; you cannot change it."
        ) from None


class VersionedUpdateMixin:
    """PUT/PATCH through the optimistic concurrency check the workspace uses."""

    def perform_versioned_update(self, request, instance, partial):
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        if version is None:
            raise ValidationError({"version": ["This field is required."]})
        # A finding response belongs to its response; a response is its own.
        response_pk = getattr(instance, "response_id", instance.pk)
        try:
            with _editing(response_pk):
                saved = save_if_unchanged(instance, version, data)
        except EditConflict as error:
            return conflict(error)
        return Response(self.get_serializer(self.reload(saved)).data)

    def reload(self, instance):
        return self.get_queryset().get(pk=instance.pk)


class ResponseViewSet(VersionedUpdateMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ResponseSerializer
    filterset_class = ResponseFilterSet
    ordering_fields = ["deadline_on", "deadline_state", "id"]
    ordering = ["deadline_on", "id"]

    def get_queryset(self):
        return Section55Response.objects.visible_to(self.request.user).with_deadline_state()

    def update(self, request, *args, partial=False, **kwargs):
        response = self.get_object()
        _refuse_if_not_editable(request.user, response)
        return self.perform_versioned_update(request, response, partial)


class FindingResponseViewSet(
    VersionedUpdateMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    serializer_class = FindingResponseSerializer
    filterset_class = FindingResponseFilterSet
    ordering_fields = ["id"]
    ordering = ["response", "finding__order", "id"]

    def get_queryset(self):
        queryset = FindingResponse.objects.visible_to(self.request.user)
        if self.action in ("update", "partial_update"):
            # Whether the response is editable, and the model's checks on the finding.
            queryset = queryset.select_related("response", "finding")
        return queryset

    def reload(self, instance):
        return instance  # nothing annotated to read back

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        # The serializer accepts only a response and a finding the user may see, so another
        # office's response or an embargoed finding is refused as one that does not exist.
        serializer.is_valid(raise_exception=True)
        response = serializer.validated_data["response"]
        _refuse_if_not_editable(request.user, response)
        finding = serializer.validated_data["finding"]
        if not response.findings_in_scope().filter(pk=finding.pk).exists():
            raise ValidationError({"finding": ["This finding is not in the response's scope."]})
        try:
            # The approval locks the same row: the check above may be out of date by now.
            with _editing(response.pk):
                serializer.save(version=1)
        except IntegrityError:
            raise ValidationError(
                {"finding": ["This finding already has a response; change that one."]}
            ) from None
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        answer = self.get_object()
        _refuse_if_not_editable(request.user, answer.response)
        return self.perform_versioned_update(request, answer, partial)


# The inspections endpoint as an office sees it: filterable by its own response too
# (``has_open_response``), which inspections, below responses, cannot know of. A comment, not a
# docstring: DRF shows a view's docstring to the API's users, and its name is still "Inspection".
class OfficeInspectionViewSet(InspectionViewSet):
    filterset_class = OfficeInspectionFilterSet

    def get_view_name(self):
        return " ".join(filter(None, ["Inspection", self.suffix]))
