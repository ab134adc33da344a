from django.db import models


class ProgressStatus(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    BEING_PROGRESSED = "being_progressed", "Being progressed"
    COMPLETE = "complete", "Complete"
    NO_FURTHER_ACTION = "no_further_action", "No further action needed"
    SUPERSEDED = "superseded", "Superseded"
    CLOSED_BY_HMICFRS = "closed_by_hmicfrs", "Closed by HMICFRS"


# What each status means, for the people reading it (the progress page shows them): "awaiting
# review" especially, which says nothing of who is to review.
STATUS_MEANINGS = {
    ProgressStatus.AWAITING_REVIEW: (
        "Nobody has yet said how the force is getting on with it: every finding starts here, "
        "and stays here until an update gives it another status."
    ),
    ProgressStatus.BEING_PROGRESSED: "The force is working on it.",
    ProgressStatus.COMPLETE: "The force has done what the finding asks.",
    ProgressStatus.NO_FURTHER_ACTION: "The office and the force agree nothing more is needed.",
    ProgressStatus.SUPERSEDED: "A later finding or report replaces it.",
    ProgressStatus.CLOSED_BY_HMICFRS: "HMICFRS has closed it, in a revisit letter or a report.",
}

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
