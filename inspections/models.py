from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts import access
from forces.models import Body
from inspections.choices import (
    GRADES_BY_SCALE,
    RESPONSE_KINDS,
    DatePrecision,
    FindingKind,
    Grade,
    GradeScale,
    Inspectorate,
    Programme,
)


class InspectionQuerySet(models.QuerySet):
    def published(self, on=None):
        """Reports whose publication date has come; unpublished ones are data entry in progress."""
        return self.filter(publication_date__lte=on or timezone.localdate())

    def visible_to(self, user):
        """Administrators see every report; office members the published ones (one not yet
        published is data entry, or embargoed); anybody else none."""
        if access.is_administrator(user):
            return self
        if access.office(user) is None:
            return self.none()
        return self.published()


class Inspection(models.Model):
    """A published inspection report and the bodies it covers."""

    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=500)
    programme = models.CharField(max_length=30, choices=Programme.choices)
    programme_year = models.CharField(
        max_length=20, blank=True, help_text="The programme's own label, e.g. 2021/22 or 2015."
    )
    inspectorate = models.CharField(
        max_length=10, choices=Inspectorate.choices, default=Inspectorate.HMICFRS
    )
    publication_date = models.DateField(
        null=True, blank=True, help_text="Leave blank until the report is published."
    )
    publication_date_precision = models.CharField(
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="Older reports state only the month; no deadline is computed for those.",
    )
    publication_types = models.CharField(
        max_length=300, blank=True, help_text="As the response letter lists them."
    )
    report_url = models.URLField(max_length=500, blank=True, verbose_name="link to report")
    report_pdf = models.FileField(upload_to="reports/%Y/", blank=True, verbose_name="report PDF")
    summary = models.TextField(blank=True, verbose_name="summary of key findings")
    bodies = models.ManyToManyField(
        Body, related_name="inspections", help_text="The forces and ROCUs the report covers."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[bodies])

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-publication_date", "title"]
        indexes = [models.Index(fields=["programme", "publication_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(programme__in=Programme.values),
                name="inspection_programme_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(publication_date_precision__in=DatePrecision.values),
                name="inspection_date_precision_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def covered_forces(self):
        """The forces (not ROCUs) the report covers; uses prefetched bodies when present."""
        return [body for body in self.bodies.all() if body.is_force]

    @property
    def publication_day(self):
        """The publication date when the day is known; deadlines count from it."""
        if self.publication_date_precision == DatePrecision.DAY:
            return self.publication_date
        return None


class GradedJudgementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The grades of the reports the user may see."""
        return self.filter(inspection__in=Inspection.objects.visible_to(user))


class GradedJudgement(models.Model):
    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="graded_judgements"
    )
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="graded_judgements")
    question = models.CharField(max_length=300)
    grade = models.CharField(max_length=30, choices=Grade.choices)
    scale = models.CharField(max_length=10, choices=GradeScale.choices)
    is_overall = models.BooleanField(default=False, verbose_name="overall grade")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    objects = GradedJudgementQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "body", "question"], name="judgement_unique_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale=GradeScale.FIVE_TIER, grade__in=Grade.values)
                | models.Q(
                    scale=GradeScale.FOUR_TIER,
                    grade__in=GRADES_BY_SCALE[GradeScale.FOUR_TIER],
                ),
                name="judgement_grade_valid_for_scale",
                violation_error_message="That grade is not on the chosen scale.",
            ),
        ]

    def __str__(self):
        return f"{self.body}: {self.question}: {self.get_grade_display()}"

    def clean(self):
        if self.scale in GRADES_BY_SCALE and self.grade not in GRADES_BY_SCALE[self.scale]:
            raise ValidationError(
                {"grade": f"“{self.get_grade_display()}” is not on the {self.get_scale_display()}."}
            )


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The findings of the reports the user may see."""
        return self.filter(inspection__in=Inspection.objects.visible_to(user))

    def needing_response(self):
        return self.filter(kind__in=RESPONSE_KINDS)

    def directed_at_policing_body(self, policing_body):
        """Findings directed at any force this policing body oversees (regional ones included:
        they are directed at every member force)."""
        through = Finding.directed_at.through
        return self.filter(
            Exists(
                through.objects.filter(finding_id=OuterRef("pk"), body__policing_body=policing_body)
            )
        )


class Finding(models.Model):
    """A cause of concern, recommendation, area for improvement or practice in a report."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    kind = models.CharField(max_length=30, choices=FindingKind.choices)
    number = models.PositiveIntegerField(
        null=True, blank=True, help_text="The report's own number, where it numbers findings."
    )
    text = models.TextField(help_text="The finding as printed.")
    detail = models.TextField(blank=True, help_text="Lead-in, sub-points and narrative.")
    section = models.CharField(max_length=300, blank=True, help_text="Where it sits in the report.")
    directed_at = models.ManyToManyField(Body, related_name="findings")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        limit_choices_to={"kind": FindingKind.CAUSE_OF_CONCERN},
        verbose_name="cause of concern",
        help_text="For a recommendation: the cause of concern it answers.",
    )
    due_date = models.DateField(null=True, blank=True, help_text="“By 1 September 2023”.")
    repeats = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repeated_by",
        help_text="An earlier finding this one repeats.",
    )
    order = models.PositiveIntegerField(default=0, help_text="Position in the report.")
    history = HistoricalRecords(m2m_fields=[directed_at])

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "kind", "number"],
                condition=models.Q(number__isnull=False),
                name="finding_unique_number",
                violation_error_message=(
                    "The report already has a finding of this kind with this number."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(parent__isnull=True) | models.Q(kind=FindingKind.RECOMMENDATION),
                name="finding_parent_only_for_recommendation",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=FindingKind.values), name="finding_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.text[:80]}"

    @property
    def label(self):
        name = self.get_kind_display()
        return f"{name} {self.number}" if self.number is not None else name

    def clean(self):
        errors = {}
        if self.parent_id is not None:
            if self.kind != FindingKind.RECOMMENDATION:
                errors["parent"] = "Only a recommendation has a cause of concern."
            elif self.parent.kind != FindingKind.CAUSE_OF_CONCERN:
                errors["parent"] = "Choose a cause of concern."
            elif self.parent.inspection_id != self.inspection_id:
                errors["parent"] = "The cause of concern must be in the same report."
        if self.repeats_id is not None and (
            self.repeats_id == self.pk or self.repeats.inspection_id == self.inspection_id
        ):
            errors["repeats"] = "A repeated finding comes from an earlier report."
        if errors:
            raise ValidationError(errors)
