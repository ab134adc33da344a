import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from responses.models import Section55Response


class ReminderSent(models.Model):
    """A reminder that has been sent (or superseded by a more urgent one sent at the same time).

    The unique constraint makes each reminder go out once, however often the command runs."""

    response = models.ForeignKey(
        Section55Response, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=30)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)
    superseded = models.BooleanField(
        default=False, help_text="Not sent: a more urgent reminder went out in the same run."
    )

    class Meta:
        ordering = ["response", "sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["response", "kind"], name="reminder_once_per_kind")
        ]

    def __str__(self):
        return f"{self.kind} for {self.response}"


def new_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a user's calendar feed URL. Revoking deletes it; a new one can be made."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"
