from django.db import models


class ImportStatus(models.TextChoices):
    IN_REVIEW = "in_review", "Awaiting review"
    SAVED = "saved", "Saved"
    DISCARDED = "discarded", "Discarded"


class Change(models.TextChoices):
    """What saving an imported item would do to the inspection."""

    NEW = "new", "New"
    CHANGED = "changed", "Changed"
    UNCHANGED = "unchanged", "Unchanged"
