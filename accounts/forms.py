import functools

from django import forms
from django.contrib.auth import forms as auth_forms
from django.db import transaction
from django.utils import timezone

from accounts import two_factor


def _seconds_until(moment):
    seconds = max(1, int((moment - timezone.now()).total_seconds()) + 1) if moment else 1
    return f"{seconds} second{'s' if seconds != 1 else ''}"


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
        if not (code.isascii() and code.isdigit() and len(code) == self.device.digits):
            # Not a code at all: said so, and not counted as a wrong guess.
            raise forms.ValidationError(
                f"Enter the {self.device.digits} digits your authenticator app shows"
            )
        with transaction.atomic():
            # One check at a time per app: django-otp reads the app's row, checks and saves it
            # whole, so parallel guesses were not all counted and one code could sign in twice.
            if self.device.pk is not None:
                self.device = type(self.device).objects.select_for_update().get(pk=self.device.pk)
            allowed, details = self.device.verify_is_allowed()
            matched = allowed and self.matches(code)
            used = allowed and not matched and two_factor.is_last_used_code(self.device, code)
        # Raised after the block, so the failure django-otp recorded is kept, not rolled back.
        if not allowed:  # django-otp doubles the wait after each wrong code
            raise forms.ValidationError(
                "Too many wrong codes: try again in " + _seconds_until(details.get("locked_until"))
            )
        if matched:
            return code
        if used:
            raise forms.ValidationError(
                "That code has been used already: wait for the next code your app shows (a "
                "new one comes every 30 seconds), then enter it"
            )
        raise forms.ValidationError("The code is wrong or has expired: try the current one")

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
