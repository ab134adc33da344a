import django_filters

from accounts import access
from core.filters import YearFilter
from forces.models import Body
from inspections.choices import RESPONSE_KINDS, FindingKind, Programme
from inspections.models import Inspection
from progress.choices import ProgressStatus, Rag
from responses.deadlines import FindingState
from tracker.queries import FindingTarget, update_due


class TrackerFilterSet(django_filters.FilterSet):
    """Filters for the tracker: the HTML list, its exports and (later) the API share it."""

    inspection = django_filters.ModelChoiceFilter(
        field_name="finding__inspection",
        queryset=access.for_request(Inspection.objects.visible_to),
        label="Inspection",
        empty_label="Any inspection",
    )
    programme = django_filters.ChoiceFilter(
        field_name="finding__inspection__programme",
        choices=Programme.choices,
        label="Programme",
        empty_label="Any programme",
    )
    force = django_filters.ModelChoiceFilter(
        field_name="body", queryset=Body.objects.forces(), label="Force", empty_label="Any force"
    )
    kind = django_filters.ChoiceFilter(
        field_name="finding__kind",
        choices=[(k, FindingKind(k).label) for k in RESPONSE_KINDS],
        label="Kind of finding",
        empty_label="Any kind",
    )
    state = django_filters.ChoiceFilter(
        choices=FindingState.choices, label="Deadline state", empty_label="Any state"
    )
    progress = django_filters.ChoiceFilter(
        field_name="progress_status",
        choices=ProgressStatus.choices,
        label="Progress",
        empty_label="Any progress",
    )
    rag = django_filters.ChoiceFilter(
        field_name="progress_rag",
        choices=[*Rag.choices, ("none", "Not rated")],
        method="filter_rag",
        label="RAG rating",
        empty_label="Any RAG rating",
    )
    year = YearFilter(field_name="finding__inspection__publication_date")
    update_due = django_filters.ChoiceFilter(
        choices=[("yes", "Due a progress update")],
        method="filter_update_due",
        label="Progress update",
        empty_label="Any",
    )
    ordering = django_filters.OrderingFilter(
        fields=[
            ("deadline_on", "deadline"),
            ("finding__inspection__publication_date", "published"),
            ("body__short_name", "force"),
        ],
        label="Sort by",
        empty_label="Most urgent first",
    )

    class Meta:
        model = FindingTarget
        fields = [
            "inspection",
            "programme",
            "force",
            "kind",
            "state",
            "progress",
            "rag",
            "update_due",
            "year",
        ]

    def filter_rag(self, queryset, name, value):
        return queryset.filter(progress_rag="" if value == "none" else value)

    def filter_update_due(self, queryset, name, value):
        return update_due(queryset) if value == "yes" else queryset
