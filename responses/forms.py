from django import forms

from core.forms import DateField, FormattedTextMixin, VersionedForm
from inspections.choices import FindingKind
from responses.choices import ChecklistItem, RecommendationAction
from responses.models import Section55Response

TEXTAREA = {"rows": 10}


class LetterForm(FormattedTextMixin, VersionedForm):
    """The response's own text, in the order the letter prints it."""

    key_findings = forms.CharField(
        required=False,
        widget=forms.Textarea(TEXTAREA),
        label="Key findings",
        help_text="Your office's summary of the report and its grades.",
    )
    recommendations_note = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 3}),
        label="Recommendations",
        help_text="For example, that the report makes no recommendations for your force.",
    )
    afi_introduction = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 4}),
        label="Introduction to the areas for improvement",
    )
    chief_constable_response = forms.CharField(
        required=False,
        widget=forms.Textarea(TEXTAREA),
        label="Chief constable’s response to the report",
        help_text="The general part; responses to each finding are entered with the finding.",
    )
    general_comment = forms.CharField(
        required=False, widget=forms.Textarea(TEXTAREA), label="Your office’s general comment"
    )
    conclusion = forms.CharField(
        required=False, widget=forms.Textarea({"rows": 6}), label="Conclusion"
    )
    chief_comments_due = DateField(
        required=False,
        label="Chief constable’s comments due",
        help_text=(
            "The date your office set for the chief constable’s comments. For example, 27 3 2024"
        ),
    )
    chief_comments_received = DateField(
        required=False,
        label="Chief constable’s comments received",
        help_text="For example, 27 3 2024",
    )

    TEXT_FIELDS = list(Section55Response.LETTER_TEXT_FIELDS)
    DATE_FIELDS = ["chief_comments_due", "chief_comments_received"]

    def values(self):
        return {name: self.cleaned_data[name] for name in self.TEXT_FIELDS + self.DATE_FIELDS}


class FindingResponseForm(FormattedTextMixin, VersionedForm):
    chief_constable_response = forms.CharField(
        required=False, widget=forms.Textarea(TEXTAREA), label="Chief constable’s response"
    )
    office_comment = forms.CharField(
        required=False, widget=forms.Textarea(TEXTAREA), label="Your office’s comment"
    )
    action = forms.ChoiceField(
        required=False,
        choices=RecommendationAction.choices,
        widget=forms.RadioSelect,
        label="What action does this recommendation get?",
        help_text="Section 55(5B): the action taken or proposed, or why none is taken.",
    )
    action_explanation = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 6}),
        label="Explain the action, or why there is none",
    )

    def __init__(self, *args, finding, **kwargs):
        super().__init__(*args, **kwargs)
        self.finding = finding
        if finding.kind != FindingKind.RECOMMENDATION:
            del self.fields["action"]
            del self.fields["action_explanation"]

    def clean(self):
        data = super().clean()
        if data.get("action") and not (data.get("action_explanation") or "").strip():
            self.add_error("action_explanation", "Explain the action, or why there is none")
        if (data.get("action_explanation") or "").strip() and not data.get("action"):
            self.add_error("action", "Select what action this recommendation gets")
        return data

    def values(self):
        names = ["chief_constable_response", "office_comment", "action", "action_explanation"]
        return {name: self.cleaned_data.get(name, "") for name in names if name in self.fields}


class ChecklistForm(forms.Form):
    """The "For Office Use Only" checklist: one tick and an optional date per item."""

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        done = {entry.item: entry for entry in entries}
        self.items = []
        for item in ChecklistItem:
            tick, date = f"{item.value}_done", f"{item.value}_on"
            self.fields[tick] = forms.BooleanField(required=False, label=item.label)
            self.fields[date] = DateField(
                required=False, label="Date", help_text="For example, 14 7 2023"
            )
            self.initial[tick] = item in done
            self.initial[date] = done[item].done_on if item in done else None
            self.items.append((item, self[tick], self[date]))

    def clean(self):
        data = super().clean()
        for item in ChecklistItem:
            if data.get(f"{item.value}_on") and not data.get(f"{item.value}_done"):
                self.add_error(f"{item.value}_done", f"Tick “{item.label}” to record its date")
        return data

    def ticked(self):
        """{item: date or None} for the ticked items."""
        return {
            item: self.cleaned_data.get(f"{item.value}_on")
            for item in ChecklistItem
            if self.cleaned_data.get(f"{item.value}_done")
        }
