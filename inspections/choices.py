from django.db import models


class Programme(models.TextChoices):
    PEEL = "peel", "PEEL"
    SOC_REGIONAL = "soc_regional", "Regional serious and organised crime"
    THEMATIC = "thematic", "Thematic or national"
    JOINT = "joint", "Joint inspection"
    CRIME_DATA_INTEGRITY = "crime_data_integrity", "Crime Data Integrity"
    CUSTODY = "custody", "Custody"
    OTHER = "other", "Other"


class Inspectorate(models.TextChoices):
    # HMIC became HMICFRS in July 2017.
    HMIC = "HMIC", "HMIC"
    HMICFRS = "HMICFRS", "HMICFRS"


class DatePrecision(models.TextChoices):
    DAY = "day", "Exact day"
    MONTH = "month", "Month only"


class GradeScale(models.TextChoices):
    FOUR_TIER = "four_tier", "Four-tier (before PEEL 2021/22)"
    FIVE_TIER = "five_tier", "Five-tier (PEEL 2021/22 onwards)"


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    ADEQUATE = "adequate", "Adequate"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


# The grades each scale allows, best first. "Adequate" exists only on the five-tier scale.
GRADES_BY_SCALE = {
    GradeScale.FOUR_TIER: [
        Grade.OUTSTANDING,
        Grade.GOOD,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.INADEQUATE,
    ],
    GradeScale.FIVE_TIER: list(Grade),
}


class FindingKind(models.TextChoices):
    CAUSE_OF_CONCERN = "cause_of_concern", "Cause of concern"
    RECOMMENDATION = "recommendation", "Recommendation"
    AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"
    INNOVATIVE_PRACTICE = "innovative_practice", "Innovative practice"
    PROMISING_PRACTICE = "promising_practice", "Promising practice"


# Kinds a Section 55 response speaks to; practice is recorded but needs no response.
RESPONSE_KINDS = [
    FindingKind.CAUSE_OF_CONCERN,
    FindingKind.RECOMMENDATION,
    FindingKind.AREA_FOR_IMPROVEMENT,
]

FINDING_KIND_PLURALS = {
    FindingKind.CAUSE_OF_CONCERN: "Causes of concern",
    FindingKind.RECOMMENDATION: "Recommendations",
    FindingKind.AREA_FOR_IMPROVEMENT: "Areas for improvement",
    FindingKind.INNOVATIVE_PRACTICE: "Innovative practice",
    FindingKind.PROMISING_PRACTICE: "Promising practice",
}
