from django.db import models


class ReminderKind(models.TextChoices):
    # Most urgent last: when a run finds several due at once, it sends the most urgent only.
    DAYS_14 = "days_14", "14 days before the deadline"
    DAYS_7 = "days_7", "7 days before the deadline"
    DAYS_1 = "days_1", "1 day before the deadline"
    OVERDUE = "overdue", "The deadline has passed"


DEADLINE_REMINDERS = [
    (ReminderKind.DAYS_14, 14),
    (ReminderKind.DAYS_7, 7),
    (ReminderKind.DAYS_1, 1),
    (ReminderKind.OVERDUE, -1),
]
CHIEF_COMMENTS_DUE = "chief_comments_due"
