from django import forms

from core.forms import DateField


class PanelReportForm(forms.Form):
    start = DateField(label="From", help_text="For example, 1 4 2025")
    end = DateField(label="To", help_text="For example, 30 9 2025")
    output = forms.ChoiceField(
        choices=[("pdf", "PDF"), ("xlsx", "Spreadsheet (XLSX)")],
        widget=forms.RadioSelect,
        initial="pdf",
        label="Format",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].error_messages["required"] = "Enter the start of the period"
        self.fields["end"].error_messages["required"] = "Enter the end of the period"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", "The end of the period must be on or after its start")
        return cleaned
