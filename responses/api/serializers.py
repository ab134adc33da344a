import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from accounts import access
from inspections.models import Finding
from responses.deadlines import ResponseState
from responses.models import FindingResponse, Section55Response


class VersionedSerializer(serializers.ModelSerializer):
    """Writes must name the version they were read at; a stale one gets 409 Conflict."""

    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; required when changing anything."
    )


class ResponseSerializer(VersionedSerializer):
    deadline = serializers.DateField(source="deadline_on", read_only=True, allow_null=True)
    deadline_state = serializers.ChoiceField(choices=ResponseState.choices, read_only=True)

    class Meta:
        model = Section55Response
        fields = [
            "id",
            "inspection",
            "policing_body",
            "status",
            "deadline",
            "deadline_state",
            "key_findings",
            "recommendations_note",
            "afi_introduction",
            "chief_comments_due",
            "chief_comments_received",
            "chief_constable_response",
            "general_comment",
            "conclusion",
            "submitted_on",
            "published_on",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "inspection",
            "policing_body",
            "status",
            "submitted_on",
            "published_on",
            "created_at",
            "updated_at",
        ]


class FindingResponseSerializer(VersionedSerializer):
    version = serializers.IntegerField(
        min_value=1, required=False, help_text="The version you read; required when changing."
    )

    class Meta:
        model = FindingResponse
        fields = [
            "id",
            "response",
            "finding",
            "chief_constable_response",
            "office_comment",
            "action",
            "action_explanation",
            "version",
        ]

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is not None:  # an answer stays with its response and finding
            fields["response"].read_only = True
            fields["finding"].read_only = True
        # Choices (the browsable API's form lists them) and the ids accepted are what the user may
        # see; the message names no id, so a hidden one reads exactly as one that does not exist.
        user = access.request_user(self.context.get("request"))
        for name, scope in (
            ("response", Section55Response.objects.visible_to),
            ("finding", Finding.objects.visible_to),
        ):
            if fields[name].read_only:
                continue
            fields[name].queryset = scope(user)
            fields[name].error_messages["does_not_exist"] = f"No {name} you can see has this id."
        return fields

    def validate(self, data):
        values = {k: v for k, v in data.items() if k != "version"}
        if self.instance is not None:
            candidate = copy.copy(self.instance)  # keeps the response and finding already read
            for name, value in values.items():
                setattr(candidate, name, value)
        else:
            candidate = FindingResponse(**values)
        try:
            candidate.clean()  # the model's rules: same inspection, action only on recommendations
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return data
