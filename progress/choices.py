from django.db import models


class ProgressStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    BEING_PROGRESSED = "being_progressed", "Being progressed"
    COMPLETE = "complete", "Complete"
    NO_FURTHER_ACTION = "no_further_action", "No further action needed"
    SUPERSEDED = "superseded", "Superseded"
    CLOSED_BY_HMICFRS = "closed_by_hmicfrs", "Closed by HMICFRS"


# Statuses that end the office's tracking of a finding.
CLOSED_STATUSES = [
    ProgressStatus.COMPLETE,
    ProgressStatus.NO_FURTHER_ACTION,
    ProgressStatus.SUPERSEDED,
    ProgressStatus.CLOSED_BY_HMICFRS,
]
OPEN_STATUSES = [s for s in ProgressStatus if s not in CLOSED_STATUSES]


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
