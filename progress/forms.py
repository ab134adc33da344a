from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.forms import DateField, FormattedTextMixin
from core.uploads import validate_evidence
from progress.choices import ProgressStatus, Rag


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.doc,.docx,.png,.jpg,.jpeg"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


KEEP = [("", "Leave as it is")]


class ProgressUpdateForm(FormattedTextMixin, forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Update",
        help_text="What has happened since the last update.",
        error_messages={"required": "Enter the update"},
    )
    dated = DateField(label="Date of the update", help_text="For example, 27 3 2025")
    status = forms.ChoiceField(choices=KEEP + ProgressStatus.choices, required=False)
    rag = forms.ChoiceField(choices=KEEP + Rag.choices, required=False, label="RAG rating")
    owner = forms.CharField(
        max_length=200, required=False, label="Owner in the force", help_text="Name or role."
    )
    target_date = DateField(
        required=False,
        label="Target date",
        help_text="Leave blank to use the recommendation's due date.",
    )
    closed_on = DateField(required=False, label="Date HMICFRS closed it")
    closed_by = forms.CharField(
        max_length=300,
        required=False,
        label="Letter or report that closed it",
    )
    evidence = MultipleFileField(
        required=False,
        label="Evidence (optional)",
        help_text="PDF, Word, PNG or JPEG files.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, finding=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.finding = finding  # its report's publication date bounds a closure date
        self.fields["dated"].initial = timezone.localdate()
        self.fields["dated"].error_messages["required"] = "Enter the date of the update"
        self.fields["evidence"].help_text = (
            f"PDF, Word, PNG or JPEG; up to {settings.EVIDENCE_MAX_FILES} files of "
            f"{settings.EVIDENCE_MAX_MB} MB each."
        )

    def clean_evidence(self):
        files = self.cleaned_data.get("evidence") or []
        if len(files) > settings.EVIDENCE_MAX_FILES:
            raise ValidationError(f"Attach at most {settings.EVIDENCE_MAX_FILES} files")
        errors, checked = [], []
        for upload in files:
            try:
                checked.append((upload, validate_evidence(upload, settings.EVIDENCE_MAX_MB)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ProgressStatus.CLOSED_BY_HMICFRS and not cleaned.get(
            "closed_on"
        ):
            self.add_error("closed_on", "Enter the date HMICFRS closed it")
        if cleaned.get("closed_on") and cleaned.get("status") != ProgressStatus.CLOSED_BY_HMICFRS:
            self.add_error("status", "Choose “Closed by HMICFRS” to record a closure date")
        dated = cleaned.get("dated")
        if dated and dated > timezone.localdate():
            self.add_error("dated", "The date of the update must be today or in the past")
        # A closure dated in the future, or before the report was published, would take the
        # finding out of every Police and Crime Panel report (neither open nor closed in any
        # period), so it is refused.
        closed_on = cleaned.get("closed_on")
        if closed_on and closed_on > timezone.localdate():
            self.add_error("closed_on", "The date HMICFRS closed it must be today or in the past")
        published = self.finding.inspection.publication_date if self.finding else None
        if closed_on and published and closed_on < published:
            self.add_error(
                "closed_on",
                f"The date HMICFRS closed it must be on or after the report was published "
                f"({published:%-d %B %Y})",
            )
        return cleaned


class BulkUpdateForm(FormattedTextMixin, forms.Form):
    rows = forms.MultipleChoiceField(
        error_messages={"required": "Select at least one finding to update"}
    )
    status = forms.ChoiceField(choices=KEEP + ProgressStatus.choices, required=False)
    rag = forms.ChoiceField(choices=KEEP + Rag.choices, required=False, label="RAG rating")
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Update text",
        error_messages={"required": "Enter the update text"},
    )

    def __init__(self, *args, row_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rows"].choices = [(str(pk), str(pk)) for pk in row_ids]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ProgressStatus.CLOSED_BY_HMICFRS:
            self.add_error(
                "status", "Record a closure by HMICFRS on each finding, with its date and letter"
            )
        return cleaned  # a note alone, status and RAG left as they are, is an update too
