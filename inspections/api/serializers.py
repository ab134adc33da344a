from rest_framework import serializers

from inspections.models import Finding, GradedJudgement, Inspection


class InspectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inspection
        fields = [
            "id",
            "slug",
            "title",
            "programme",
            "programme_year",
            "inspectorate",
            "publication_date",
            "publication_date_precision",
            "publication_types",
            "report_url",
            "summary",
            "bodies",
        ]
        # Read-only endpoints: no related field holds a queryset, so none offers choices.
        read_only_fields = ["bodies"]


class GradedJudgementSerializer(serializers.ModelSerializer):
    class Meta:
        model = GradedJudgement
        fields = ["id", "inspection", "body", "question", "grade", "scale", "is_overall", "order"]
        read_only_fields = ["inspection", "body"]


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = [
            "id",
            "inspection",
            "kind",
            "number",
            "text",
            "detail",
            "section",
            "directed_at",
            "parent",
            "due_date",
            "repeats",
            "order",
        ]
        read_only_fields = ["inspection", "directed_at", "parent", "repeats"]
