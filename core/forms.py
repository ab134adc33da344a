"""Form fields that render as GOV.UK Frontend components (see templates/govuk/)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in separate boxes."""

    template_name = "govuk/widgets/date.html"

    def __init__(self, attrs=None):
        number = {"inputmode": "numeric"}
        super().__init__(
            [
                forms.TextInput(
                    {**number, "class": "govuk-input govuk-date-input__input govuk-input--width-2"}
                ),
                forms.TextInput(
                    {**number, "class": "govuk-input govuk-date-input__input govuk-input--width-2"}
                ),
                forms.TextInput(
                    {**number, "class": "govuk-input govuk-date-input__input govuk-input--width-4"}
                ),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    widget = DateInput

    def __init__(self, **kwargs):
        error = {"incomplete": "Enter a day, month and year", "invalid": "Enter a real date"}
        fields = [forms.CharField(), forms.CharField(), forms.CharField()]
        super().__init__(fields, require_all_fields=False, error_messages=error, **kwargs)

    def compress(self, values):
        if not values or not any(values):
            return None
        day, month, year = (str(v or "").strip() for v in values)
        if not (day and month and year):
            raise ValidationError("A date must include a day, month and year", code="incomplete")
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError("Enter a real date", code="invalid") from None
        if not 1990 <= date.year <= 2100:
            raise ValidationError("Year must be between 1990 and 2100", code="invalid")
        return date


class VersionedForm(forms.Form):
    """Carries the version of the record the form was loaded from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# Said beside every long text field: what core.text makes of what is typed.
FORMATTING_HINT = (
    "Leave a blank line between paragraphs. Start a line with “- ” (or a pasted “•”) for a "
    "bulleted list or “1. ” for a numbered one; **two stars** either side make text bold; "
    "[words](https://address) makes a link."
)


# The most a long text field holds: ample for a letter's section (the seed letters' longest is
# about 5,000 characters; a 20,000-character comment is tested), and a bound on what one field
# costs to render as a PDF (40,000 characters of one-word list items took 41 seconds).
TEXT_MAX_LENGTH = 25_000


class FormattedTextMixin:
    """Every textarea of the form says how to make paragraphs, lists and bold (core.text), and
    holds at most TEXT_MAX_LENGTH characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.help_text = " ".join(filter(None, [field.help_text, FORMATTING_HINT]))
                field.max_length = TEXT_MAX_LENGTH
                field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
                field.widget.attrs["maxlength"] = TEXT_MAX_LENGTH
