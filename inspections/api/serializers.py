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


class GradedJudgementSerializer(serializers.ModelSerializer):
    class Meta:
        model = GradedJudgement
        fields = ["id", "inspection", "body", "question", "grade", "scale", "is_overall", "order"]


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
