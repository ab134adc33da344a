import functools

from django import forms
from django.contrib.auth import forms as auth_forms

from accounts import two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="6 digits",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        error_messages={"required": "Enter the code from your authenticator app"},
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:  # django-otp doubles the wait after each wrong code
            raise forms.ValidationError("Too many wrong codes: wait a little and try again")
        if not code.isdigit() or not self.matches(code):
            raise forms.ValidationError("The code is wrong or has expired: try the current one")
        return code

    def matches(self, code):
        return self.device.verify_token(code)


class SetupCodeForm(CodeForm):
    """The first code from a new app, checked against the key in the session without saving
    anything. Wrong codes are not throttled: the key they would guess is on the page."""

    def matches(self, code):
        return two_factor.first_code_matches(self.device, code)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, keeping the email to write and send later: the view sends it once the
    answer has gone (see accounts.views.PasswordResetView)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.queued = []

    def send_mail(self, *args, **kwargs):
        self.queued.append(functools.partial(super().send_mail, *args, **kwargs))
