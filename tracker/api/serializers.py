from rest_framework import serializers

from inspections.choices import FindingKind
from progress.choices import ProgressStatus, Rag
from responses.choices import ResponseStatus
from responses.deadlines import FindingState
from tracker.queries import FindingTarget


class TrackerRowSerializer(serializers.ModelSerializer):
    """A finding as one force must act on it: deadline, response and progress to closure. The
    values are computed by the tracker query (tracker/queries.py), not here."""

    inspection = serializers.IntegerField(source="finding.inspection_id", read_only=True)
    kind = serializers.ChoiceField(source="finding.kind", choices=FindingKind.choices)
    number = serializers.IntegerField(source="finding.number", allow_null=True)
    text = serializers.CharField(source="finding.text")
    force = serializers.IntegerField(source="body_id", read_only=True)
    deadline_on = serializers.DateField(allow_null=True)
    state = serializers.ChoiceField(choices=FindingState.choices)
    response = serializers.IntegerField(source="response_pk", allow_null=True)
    response_status = serializers.ChoiceField(choices=ResponseStatus.choices, allow_null=True)
    progress_status = serializers.ChoiceField(choices=ProgressStatus.choices)
    rag = serializers.ChoiceField(source="progress_rag", choices=Rag.choices, allow_blank=True)
    target_date = serializers.DateField(source="progress_target", allow_null=True)

    class Meta:
        model = FindingTarget
        fields = [
            "id",
            "finding",
            "inspection",
            "kind",
            "number",
            "text",
            "force",
            "deadline_on",
            "state",
            "response",
            "response_status",
            "progress_status",
            "rag",
            "target_date",
        ]
        read_only_fields = fields
