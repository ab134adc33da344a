from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts import access
from core.forms import TEXT_MAX_LENGTH
from core.uploads import evidence_name
from forces.models import Body
from inspections.models import Finding
from progress.choices import CLOSED_STATUSES, ProgressStatus, Rag


class FindingProgressQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def updatable(self, user, body):
        """Whether the user may update ``body``'s progress: an office its own forces';
        administrators any force's."""
        return access.acts_for(user, body.policing_body_id)


class FindingProgress(models.Model):
    """How one force is getting on with one finding, until it is closed.

    A finding directed at several forces has one record per force. A record is made the first
    time anyone updates it; until then the finding is "awaiting review" with no RAG rating.
    """

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="progress")
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="progress", verbose_name="force"
    )
    status = models.CharField(
        max_length=30, choices=ProgressStatus.choices, default=ProgressStatus.AWAITING_REVIEW
    )
    rag = models.CharField(max_length=10, choices=Rag.choices, blank=True, verbose_name="RAG")
    owner = models.CharField(
        max_length=200, blank=True, help_text="Who in the force leads on it (name or role)."
    )
    target_date = models.DateField(
        null=True, blank=True, help_text="Leave blank to use the recommendation's due date."
    )
    closed_on = models.DateField(null=True, blank=True, help_text="When HMICFRS closed it.")
    closed_by = models.CharField(
        max_length=300, blank=True, help_text="The letter or report that closed it."
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = FindingProgressQuerySet.as_manager()

    class Meta:
        ordering = ["finding", "body"]
        verbose_name = "finding progress"
        verbose_name_plural = "finding progress records"
        constraints = [
            models.UniqueConstraint(fields=["finding", "body"], name="progress_one_per_force"),
            models.CheckConstraint(
                condition=models.Q(status__in=ProgressStatus.values), name="progress_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(rag__in=[*Rag.values, ""]), name="progress_rag_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ProgressStatus.CLOSED_BY_HMICFRS)
                | models.Q(closed_on__isnull=False),
                name="progress_closure_dated",
                violation_error_message="A finding closed by HMICFRS needs the date it closed.",
            ),
        ]

    def __str__(self):
        return f"{self.finding.label} – {self.body.short_name}: {self.get_status_display()}"

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    @property
    def effective_target(self):
        return self.target_date or self.finding.due_date

    def clean(self):
        if self.status == ProgressStatus.CLOSED_BY_HMICFRS and self.closed_on is None:
            raise ValidationError({"closed_on": "Enter the date HMICFRS closed it"})


class ProgressUpdate(models.Model):
    """A dated note on a finding's progress. Updates are added, never edited or deleted."""

    progress = models.ForeignKey(FindingProgress, on_delete=models.PROTECT, related_name="updates")
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="progress_updates"
    )
    dated = models.DateField(default=timezone.localdate, verbose_name="date")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=30, choices=ProgressStatus.choices, blank=True, help_text="New status, if any."
    )
    rag = models.CharField(
        max_length=10,
        choices=Rag.choices,
        blank=True,
        verbose_name="RAG",
        help_text="New RAG rating, if any.",
    )

    class Meta:
        ordering = ["-dated", "-created_at", "-pk"]
        indexes = [models.Index(fields=["progress", "-dated", "-created_at"])]

    def __str__(self):
        return f"{self.dated}: {self.text[:60]}"


def evidence_path(instance, filename):
    # Named by what the content is (instance.kind), never by the uploaded extension.
    return f"evidence/{timezone.now():%Y/%m}/{evidence_name(filename, instance.kind)}"


class Evidence(models.Model):
    """A file attached to an update: a letter, a plan, a photograph of a poster."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    name = models.CharField(max_length=255, help_text="The file's name as uploaded.")
    kind = models.CharField(max_length=10, help_text="What the content is: pdf, docx, png...")
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.name
