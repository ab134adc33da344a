from rest_framework import serializers

from forces.models import Body, LocalPolicingBody, Region


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "name", "slug"]


class BodySerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = Body
        fields = [
            "id",
            "kind",
            "name",
            "short_name",
            "slug",
            "aliases",
            "region",
            "policing_body",
            "members",
        ]

    def get_aliases(self, body) -> list[str]:
        return [line.strip() for line in body.aliases.splitlines() if line.strip()]


class PolicingBodySerializer(serializers.ModelSerializer):
    forces = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = LocalPolicingBody
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "office_name",
            "website",
            "deadline_convention",
            "forces",
        ]
