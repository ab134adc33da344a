from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts import access
from core.forms import TEXT_MAX_LENGTH
from forces.models import LocalPolicingBody
from inspections.choices import FindingKind
from inspections.models import Finding, Inspection
from responses import deadlines
from responses.choices import (
    EDITABLE_STATUSES,
    SENT_STATUSES,
    ChecklistItem,
    RecommendationAction,
    ResponseStatus,
)


class Section55ResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators see every office's responses; a member their own office's; anybody
        else none."""
        return access.office_scoped(self, user)

    def startable(self, user, inspection):
        """Whether the user may start their office's response to a report covering its force."""
        office = access.office(user)
        return (
            office is not None
            and user.has_perm("responses.add_section55response")
            and inspection.bodies.filter(policing_body=office).exists()
        )

    def with_deadline_state(self, on=None):
        """Annotate ``deadline_on``, ``has_started`` and ``deadline_state`` (a ResponseState
        value) so lists can filter and sort by them; ``compute_deadline_state`` is the twin for
        one response."""
        return self.annotate(
            deadline_on=deadlines.deadline_expression(),
            has_started=deadlines.started_expression(FindingResponse),
        ).annotate(deadline_state=deadlines.response_state_expression(on=on))


class Section55Response(models.Model):
    """One local policing body's Section 55 response to one inspection report."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="responses")
    policing_body = models.ForeignKey(
        LocalPolicingBody, on_delete=models.PROTECT, related_name="responses"
    )
    status = models.CharField(
        max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    key_findings = models.TextField(
        max_length=TEXT_MAX_LENGTH, blank=True, help_text="The office's summary of the report."
    )
    recommendations_note = models.TextField(
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text="Printed under Recommendations, e.g. that there are none for us.",
    )
    afi_introduction = models.TextField(
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        verbose_name="introduction to the areas for improvement",
    )
    chief_comments_due = models.DateField(
        null=True,
        blank=True,
        verbose_name="chief constable's comments due",
        help_text="The date set for the chief constable's comments (s.55(4)).",
    )
    chief_comments_received = models.DateField(
        null=True, blank=True, verbose_name="chief constable's comments received"
    )
    chief_constable_response = models.TextField(
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text="The chief constable's general response to the report.",
    )
    general_comment = models.TextField(
        max_length=TEXT_MAX_LENGTH, blank=True, help_text="The office's general comment."
    )
    conclusion = models.TextField(max_length=TEXT_MAX_LENGTH, blank=True)
    submitted_on = models.DateField(
        null=True, blank=True, help_text="When the response was sent to HMICFRS and published."
    )
    published_on = models.DateField(null=True, blank=True)
    # Incremented on every save from the workspace, so a stale form cannot overwrite newer work.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moved by a save that changes what the tracker's figures read from the response
    # (``figures``); the cached dashboards and lists are keyed on it (tracker.fingerprints),
    # so rewording the letter leaves them cached.
    figures_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    objects = Section55ResponseQuerySet.as_manager()

    # The office's own text, in the order the letter prints it.
    LETTER_TEXT_FIELDS = (
        "key_findings",
        "recommendations_note",
        "afi_introduction",
        "chief_constable_response",
        "general_comment",
        "conclusion",
    )

    class Meta:
        ordering = ["-inspection__publication_date", "policing_body__name"]
        verbose_name = "Section 55 response"
        permissions = [("approve_section55response", "Can approve a Section 55 response")]
        indexes = [
            # An office's responses and when their figures last changed, from the index alone
            # (tracker.fingerprints asks on every page view).
            models.Index(
                fields=["policing_body", "figures_changed_at", "id"],
                name="response_office_figures",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "policing_body"],
                name="response_one_per_inspection_and_body",
                violation_error_message="This body already has a response to this inspection.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ResponseStatus.values), name="response_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=SENT_STATUSES)
                | models.Q(submitted_on__isnull=False),
                name="response_sent_has_date",
                violation_error_message=(
                    "A submitted or published response needs its submission date."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ResponseStatus.PUBLISHED)
                | models.Q(published_on__isnull=False),
                name="response_published_has_date",
                violation_error_message="A published response needs its publication date.",
            ),
        ]

    def __str__(self):
        return f"{self.policing_body} response to {self.inspection}"

    def save(self, *args, **kwargs):
        figures = self.figures()
        if figures != getattr(self, "_saved_figures", None):
            self.figures_changed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "figures_changed_at"}
        super().save(*args, **kwargs)
        self._saved_figures = figures

    # The fields ``figures`` reads: when a query defers one, a save counts as a change.
    FIGURE_FIELDS = (
        "inspection_id",
        "policing_body_id",
        "status",
        "submitted_on",
        "published_on",
        *deadlines.STARTING_TEXTS,
    )

    # -- who may change it (its visibility is Section55ResponseQuerySet.visible_to) ----------
    def editable_by(self, user):
        """Staff and managers of its office change the letter's text until it is approved."""
        return (
            access.acts_for(user, self.policing_body_id)
            and user.has_perm("responses.change_section55response")
            and self.status in EDITABLE_STATUSES
        )

    def checklist_editable_by(self, user):
        """The office checklist records what happened after approval, so it stays editable."""
        return access.acts_for(user, self.policing_body_id) and user.has_perm(
            "responses.change_checklistentry"
        )

    def approvable_by(self, user):
        return access.acts_for(user, self.policing_body_id) and user.has_perm(
            "responses.approve_section55response"
        )

    @property
    def has_letter_text(self):
        """Any of the texts that count as work started (deadlines.started_expression)."""
        return any(getattr(self, name) for name in deadlines.STARTING_TEXTS)

    def figures(self):
        """What the deadline states, counts and lists read from this response itself."""
        return (
            self.inspection_id,
            self.policing_body_id,
            self.status,
            self.submitted_on,
            self.published_on,
            self.has_letter_text,
        )

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        if not instance.get_deferred_fields() & set(cls.FIGURE_FIELDS):
            instance._saved_figures = instance.figures()
        return instance

    @property
    def deadline(self):
        return deadlines.section55_deadline(
            self.inspection.publication_day, self.policing_body.deadline_convention
        )

    @property
    def deadline_rule(self):
        return deadlines.explain_rule(self.policing_body.deadline_convention)

    def days_left(self, on=None):
        return deadlines.days_left(self.deadline, on)

    def compute_has_started(self, answers=None):
        """``answers``: this response's finding responses, if already read."""
        if self.status != ResponseStatus.DRAFT or self.has_letter_text:
            return True
        if answers is not None:
            return any(answer.is_answered for answer in answers)
        return self.finding_responses.answered().exists()

    def compute_deadline_state(self, on=None, answers=None):
        return deadlines.response_state(
            deadline=self.deadline,
            submitted_on=self.submitted_on,
            started=self.compute_has_started(answers),
            on=on,
        )

    def findings_in_scope(self):
        """Causes of concern, recommendations and AFIs directed at this body's force(s)."""
        return (
            self.inspection.findings.needing_response()
            .directed_at_policing_body(self.policing_body)
            .order_by("order", "pk")
        )


# A finding response with any text written: what makes a response "in progress" (deadlines).
ANSWERED = ~models.Q(chief_constable_response="", office_comment="", action_explanation="")


class FindingResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Answers to findings within the responses the user may see."""
        return self.filter(response__in=Section55Response.objects.visible_to(user))

    def answered(self):
        return self.filter(ANSWERED)


class FindingResponse(models.Model):
    """What the chief constable and the office say about one finding."""

    response = models.ForeignKey(
        Section55Response, on_delete=models.CASCADE, related_name="finding_responses"
    )
    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="responses")
    chief_constable_response = models.TextField(max_length=TEXT_MAX_LENGTH, blank=True)
    office_comment = models.TextField(
        max_length=TEXT_MAX_LENGTH, blank=True, help_text="The office's comment on the finding."
    )
    action = models.CharField(
        max_length=10,
        choices=RecommendationAction.choices,
        blank=True,
        verbose_name="section 55(5B) action",
        help_text="Recommendations only.",
    )
    action_explanation = models.TextField(
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text="The action taken or proposed, or why no action is taken.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = FindingResponseQuerySet.as_manager()

    class Meta:
        ordering = ["response", "finding__order", "finding__pk"]
        indexes = [
            # The answered rows of each response, read without the table (tracker.fingerprints).
            models.Index(fields=["response"], condition=ANSWERED, name="finding_response_answered"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "finding"], name="finding_response_one_per_finding"
            ),
            models.CheckConstraint(
                condition=models.Q(action="") | models.Q(action__in=RecommendationAction.values),
                name="finding_response_action_valid",
            ),
        ]

    def __str__(self):
        return f"{self.finding.label} ({self.response.policing_body})"

    @property
    def is_answered(self):
        """The Python twin of ANSWERED."""
        return any((self.chief_constable_response, self.office_comment, self.action_explanation))

    @property
    def has_action(self):
        """A section 55(5B) action chosen and explained."""
        return bool(self.action and self.action_explanation)

    def clean(self):
        errors = {}
        if self.finding_id and self.response_id:
            if self.finding.inspection_id != self.response.inspection_id:
                errors["finding"] = "The finding must come from the inspection being answered."
            if self.action and self.finding.kind != FindingKind.RECOMMENDATION:
                errors["action"] = "Only a recommendation takes a section 55(5B) action."
        if self.action and not self.action_explanation.strip():
            errors["action_explanation"] = "Explain the action, or why there is none."
        if errors:
            raise ValidationError(errors)


class ChecklistEntry(models.Model):
    """One ticked item of the "For Office Use Only" checklist, with its date where known."""

    response = models.ForeignKey(
        Section55Response, on_delete=models.CASCADE, related_name="checklist"
    )
    item = models.CharField(max_length=20, choices=ChecklistItem.choices)
    done_on = models.DateField(null=True, blank=True, help_text="Leave blank if not recorded.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["response", "item"]
        verbose_name = "checklist entry"
        verbose_name_plural = "checklist entries"
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="checklist_item_once"),
            models.CheckConstraint(
                condition=models.Q(item__in=ChecklistItem.values), name="checklist_item_valid"
            ),
        ]

    def __str__(self):
        return self.get_item_display()


class StatusChange(models.Model):
    """One step of the review workflow: who moved the response from which status to which."""

    response = models.ForeignKey(
        Section55Response, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=ResponseStatus.choices)
    to_status = models.CharField(max_length=20, choices=ResponseStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["response", "changed_at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
