from django.db import models


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_CHIEF = "awaiting_chief", "Awaiting the chief constable's comments"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"


# Statuses in which the letter's text may still change.
EDITABLE_STATUSES = [ResponseStatus.DRAFT, ResponseStatus.AWAITING_CHIEF, ResponseStatus.IN_REVIEW]

# Statuses that mean the response has left the office.
SENT_STATUSES = [ResponseStatus.SUBMITTED, ResponseStatus.PUBLISHED]


class RecommendationAction(models.TextChoices):
    # Police Act 1996 s.55(5B): for each recommendation, the action taken or proposed, or why
    # none is taken or proposed.
    TAKEN = "taken", "Action taken"
    PROPOSED = "proposed", "Action proposed"
    NONE = "none", "No action taken or proposed"


class ChecklistItem(models.TextChoices):
    # The "For Office Use Only" checklist of a response letter, in the order it is printed.
    HMICFRS = "hmicfrs", "Response forwarded to HMICFRS Section 55 Responses"
    PORTAL = "portal", "Response submitted on HMICFRS Portal"
    CHIEF_CONSTABLE = "chief_constable", "Response forwarded to Chief Constable"
    PANEL = "panel", "Response forwarded to Police and Crime Panel"
    WEBSITE = "website", "Response published on the office website"
