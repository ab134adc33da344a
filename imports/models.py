from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from simple_history.models import HistoricalRecords

from accounts import access
from forces.models import LocalPolicingBody
from imports.choices import ImportStatus
from inspections.models import Inspection


class ReportImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An office sees the imports its members uploaded; administrators every import."""
        return access.office_scoped(self, user, field="office")


class ReportImport(models.Model):
    """An uploaded report, what the importer read from it, and what became of it.

    Nothing reaches the inspection until a person has reviewed the extraction and saved it.
    """

    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="imports",
        help_text="The inspection it goes into; empty until saved when it makes a new one.",
    )
    office = models.ForeignKey(
        LocalPolicingBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_imports",
        help_text="The office that uploaded it (empty for administrators).",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="report_imports"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    file = models.FileField(upload_to="imports/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    source_text = models.TextField(help_text="The text read from the file; lines count from 1.")
    extraction = models.JSONField(
        encoder=DjangoJSONEncoder, help_text="What the importer read, before review."
    )
    status = models.CharField(
        max_length=20, choices=ImportStatus.choices, default=ImportStatus.IN_REVIEW
    )
    saved_at = models.DateTimeField(null=True, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.CharField(max_length=300, blank=True, help_text="What saving it did.")
    history = HistoricalRecords(excluded_fields=["source_text", "extraction"])

    objects = ReportImportQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportStatus.values), name="import_status_valid"
            ),
        ]

    def __str__(self):
        return self.file_name

    def source_lines(self, first, last):
        """Lines first..last (1-based) of the source text, numbered, for showing beside an item."""
        lines = self.source_text.split("\n")
        return [
            (number, lines[number - 1].replace("\f", "").rstrip())
            for number in range(max(1, first), min(last, len(lines)) + 1)
            if lines[number - 1].strip()
        ]
