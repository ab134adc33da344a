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
        errors = {"start": "Enter the ‘From’ date", "end": "Enter the ‘To’ date"}
        for name, message in errors.items():
            self.fields[name].error_messages["required"] = message

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", "The ‘To’ date must be on or after the ‘From’ date")
        return cleaned
