from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict

from core.forms import DateField
from imports import documents
from inspections.choices import FindingKind, Grade
from inspections.models import Inspection


class UploadForm(forms.Form):
    inspection = forms.ModelChoiceField(
        queryset=Inspection.objects.none(),
        required=False,
        empty_label="A new inspection",
        label="Import into",
        help_text="Choose the inspection if it is already in the tracker.",
    )
    file = forms.FileField(
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.txt,application/pdf,text/plain"}),
        label="Upload the report",
        help_text="A PDF as published, or a text file.",
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Or paste the report's text",
    )

    def __init__(self, *args, inspections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspection"].queryset = inspections
        limit = documents.max_bytes() // (1024 * 1024)
        self.fields["file"].help_text = f"A PDF as published, or a text file; up to {limit} MB."

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size > documents.max_bytes():
            raise ValidationError(
                f"The file must be {documents.max_bytes() // 2**20} MB or smaller."
            )
        if upload.size == 0:
            raise ValidationError("The file is empty.")
        data = b"".join(upload.chunks())
        try:
            self.source_text = documents.report_text(data)
        except documents.ReportUnreadable as error:
            raise ValidationError(str(error)) from None
        self.data_bytes = data
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if self.errors:
            return cleaned
        if upload and text:
            self.add_error("text", "Upload a file or paste text, not both.")
        elif not upload and not text:
            self.add_error("file", "Choose a report file, or paste the report's text")
        elif text:
            self.source_text = text
            self.data_bytes = text.encode("utf-8")
        return cleaned

    @property
    def digest(self):
        return documents.digest(self.data_bytes)


class InspectionDetailsForm(forms.ModelForm):
    """The new inspection's details, prefilled from the report where it states them."""

    publication_date = DateField(
        required=False, label="Publication date", help_text="For example, 19 5 2023"
    )

    class Meta:
        model = Inspection
        fields = [
            "title",
            "programme",
            "programme_year",
            "inspectorate",
            "publication_date",
            "publication_date_precision",
            "report_url",
        ]
        labels = {"publication_date_precision": "The report states"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the report's title"
        self.fields["programme"].error_messages["required"] = "Choose the inspection programme"


def _listed(names):
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


class _OfferedBodies:
    """A body field offering the bodies the user may name. A posted body the user may not name
    is refused with a message naming it (``refusal``, with {names} and {own}); any other value
    outside the choices is not a valid choice. ``not_permitted(values)`` gives the names of
    the posted bodies the user may not name, and of those it may."""

    def __init__(self, *args, refusal, **kwargs):
        super().__init__(*args, **kwargs)
        self.refusal = refusal

    def not_permitted(self, values):
        return [], []  # the form sets the user's own check

    def refuse_unoffered(self, values):
        unoffered = [value for value in values if not self.valid_value(value)]
        if not unoffered:
            return
        names, own = self.not_permitted(unoffered)
        if names:
            raise ValidationError(
                self.refusal.format(names=_listed(names), own=_listed(own) or "none"),
                code="not_permitted",
            )
        raise ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": unoffered[0]},
        )


class BodyField(_OfferedBodies, forms.ChoiceField):
    def validate(self, value):
        forms.Field.validate(self, value)  # required
        if value not in self.empty_values:
            self.refuse_unoffered([value])


class BodiesField(_OfferedBodies, forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        self.refuse_unoffered(value)


class RowForm(forms.Form):
    remove = forms.BooleanField(required=False, label="Leave this out")
    existing = forms.IntegerField(required=False, widget=forms.HiddenInput)
    line = forms.IntegerField(required=False, widget=forms.HiddenInput)
    end_line = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def full_clean(self):
        super().full_clean()
        # A row left out is not saved, so nothing else in it need be valid: a row the report
        # gives to another office's force starts left out, with no body the user may choose.
        if self.is_bound and getattr(self, "cleaned_data", {}).get("remove"):
            self._errors = ErrorDict()
            self.cleaned_data = {"remove": True}

    @property
    def kept(self):
        """Rows the user keeps: not removed, and (for added rows) actually filled in."""
        if not hasattr(self, "cleaned_data"):
            return False
        return bool(self.cleaned_data) and not self.cleaned_data.get("remove")


class GradeRowForm(RowForm):
    body = BodyField(
        label="Force or ROCU",
        refusal=(
            "Your office imports grades only for its own forces ({own}), not for {names}. Leave "
            "this grade out: an administrator imports reports about other forces."
        ),
    )
    question = forms.CharField(max_length=300, label="Question")
    # A blank first choice: the "add a grade" row must post nothing until it is filled in.
    grade = forms.ChoiceField(choices=[("", "Choose"), *Grade.choices], label="Grade")
    is_overall = forms.BooleanField(required=False, label="Overall grade")

    def __init__(self, *args, bodies, not_permitted=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [("", "Choose")] + bodies
        if not_permitted is not None:
            self.fields["body"].not_permitted = not_permitted
        self.fields["body"].error_messages["required"] = "Choose the force or ROCU graded"
        self.fields["question"].error_messages["required"] = "Enter the question graded"
        self.fields["grade"].error_messages["required"] = "Choose the grade"


class FindingRowForm(RowForm):
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=[("", "Choose"), *FindingKind.choices], label="Kind")
    number = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=999,
        label="Number",
        help_text="Areas for improvement only",
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Text")
    directed_at = BodiesField(
        label="Directed at",
        refusal=(
            "Your office imports findings directed only at its own forces ({own}), not at "
            "{names}. Leave this finding out: an administrator imports reports about other "
            "forces."
        ),
    )
    parent = forms.ChoiceField(required=False, label="Cause of concern")
    due_date = DateField(required=False, label="Due date")
    section = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def __init__(self, *args, bodies, causes, not_permitted=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directed_at"].choices = bodies
        if not_permitted is not None:
            self.fields["directed_at"].not_permitted = not_permitted
        self.fields["directed_at"].error_messages["required"] = (
            "Choose at least one force or ROCU it is directed at"
        )
        self.fields["parent"].choices = [("", "None")] + causes
        self.fields["text"].error_messages["required"] = "Enter the finding's text"
        self.fields["kind"].error_messages["required"] = "Choose the kind of finding"

    def clean(self):
        cleaned = super().clean()
        # Rows added on the review screen have no key yet; their form prefix is unique.
        cleaned["key"] = cleaned.get("key") or self.prefix
        kind = cleaned.get("kind")
        if cleaned.get("number") is not None and kind != FindingKind.AREA_FOR_IMPROVEMENT:
            self.add_error("number", "Only areas for improvement have a number")
        if cleaned.get("parent") and kind != FindingKind.RECOMMENDATION:
            self.add_error("parent", "Only a recommendation has a cause of concern")
        return cleaned


class BaseFindingFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        kept = {form.cleaned_data["key"]: form for form in self.forms if form.kept}
        numbers = {}
        for form in kept.values():
            data = form.cleaned_data
            parent = kept.get(data.get("parent") or "")
            if data.get("parent") and (
                parent is None or parent.cleaned_data["kind"] != FindingKind.CAUSE_OF_CONCERN
            ):
                form.add_error("parent", "Choose a cause of concern you are keeping")
            if data.get("number") is not None:
                if data["number"] in numbers:
                    form.add_error(
                        "number", f"Another area for improvement is number {data['number']}"
                    )
                numbers[data["number"]] = form


GradeFormSet = forms.formset_factory(GradeRowForm, extra=1)
FindingFormSet = forms.formset_factory(FindingRowForm, formset=BaseFindingFormSet, extra=1)
