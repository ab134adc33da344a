from rest_framework import viewsets

from tracker.api.serializers import TrackerRowSerializer
from tracker.filtersets import TrackerFilterSet
from tracker.queries import tracker_rows


class TrackerRowViewSet(viewsets.ReadOnlyModelViewSet):
    """Every finding once per force it is directed at, with its deadline state, the office's
    response and its progress status and RAG rating; filtered like the tracker page."""

    serializer_class = TrackerRowSerializer
    filterset_class = TrackerFilterSet

    def get_queryset(self):
        return tracker_rows(self.request.user).order_by(
            "finding__inspection", "finding__order", "pk"
        )
