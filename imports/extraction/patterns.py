"""The wording of HMICFRS (and earlier HMIC) reports that the parser keys on.

Everything here is the inspectorate's house style, not any one report: labelled headings
("Area for improvement: ..."), lists under "Recommendations" or "Areas for improvement", grade
statements ("<body> is good at <question>.") or a grade word under a question heading, and
due dates written "By 1 September 2023".
"""

import calendar
import re
from datetime import date

from inspections.choices import FindingKind, Grade

GRADE_WORDS = {
    "outstanding": Grade.OUTSTANDING,
    "good": Grade.GOOD,
    "adequate": Grade.ADEQUATE,
    "requires improvement": Grade.REQUIRES_IMPROVEMENT,
    "inadequate": Grade.INADEQUATE,
}
_GRADE = "|".join(GRADE_WORDS)

# English month names (Python only localises them if a program changes LC_TIME; Django does not).
MONTHS = [name.casefold() for name in calendar.month_name[1:]]
_MONTH = "|".join(MONTHS)
DAY_DATE = rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})"

# A label, optionally numbered, then a colon and the finding, or alone on its line.
LABELS = {
    "area for improvement": (FindingKind.AREA_FOR_IMPROVEMENT, False),
    "areas for improvement": (FindingKind.AREA_FOR_IMPROVEMENT, True),
    "cause of concern": (FindingKind.CAUSE_OF_CONCERN, False),
    "accelerated cause of concern": (FindingKind.CAUSE_OF_CONCERN, False),
    "causes of concern": (FindingKind.CAUSE_OF_CONCERN, True),
    "recommendation": (FindingKind.RECOMMENDATION, False),
    "recommendations": (FindingKind.RECOMMENDATION, True),
    "innovative practice": (FindingKind.INNOVATIVE_PRACTICE, False),
    "promising practice": (FindingKind.PROMISING_PRACTICE, False),
}
LABEL = re.compile(
    r"^(?:[•●▪*]\s*)?(?P<label>"
    + "|".join(sorted(LABELS, key=len, reverse=True))
    + r")(?:\s+(?P<number>\d{1,3}))?\s*(?:(?P<sep>[:–—-])\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)

BULLET = re.compile(r"^(?:[•●▪◦‣∙·*]|[-–—](?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-h][.)](?=\s))\s*")
# An unbulleted list item still reads like one: "By ..., the force should ..."
FINDING_START = re.compile(
    r"^(?:By\s+\d|Within\s|The\s+(?:force|constabulary|ROCU|region|service)\b|All\s+forces\b|"
    r"Chief\s+constables\b).{0,200}\bshould\b"
)

GRADE_ALONE = re.compile(rf"^({_GRADE})\.?$", re.IGNORECASE)
GRADE_SENTENCE = re.compile(
    # "... is good at ..." but "... requires improvement at ...": no "is" before that grade.
    rf"^(?P<subject>[^.]+?)\s+(?:(?:is|was|are|were)\s+(?:judged\s+to\s+be\s+|graded\s+as\s+)?"
    rf"(?P<grade>{_GRADE})|(?P<requires>requires?\s+improvement))\s+(?:at|in)\s+"
    rf"(?P<question>[^.]+)\.$",
    re.IGNORECASE,
)
# "How effective is the force at keeping people safe and reducing crime?", the PEEL question
# a grade answers; "Overview – " marks the overall one.
PILLAR_QUESTION = re.compile(
    r"^(?P<overview>(?:overview|summary)\s*[–:-]\s*)?How\s+(?P<pillar>effective|efficient|"
    r"legitimate)\s+is\s+the\s+(?:force|constabulary|service)\s+(?:at|in)\s+(?P<question>.+?)\??$",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^(?:(?:overview|summary)\s*[–:-]\s*)?How\s+(?:effective|efficient|legitimate)\s+is\s",
    re.IGNORECASE,
)
OVERALL_HEADING = re.compile(r"^overall\s+(?:judge?ment|grade)s?$", re.IGNORECASE)
SUMMARY_HEADING = re.compile(r"^summary(?:\s+of\s+(?:findings|judgements?))?$", re.IGNORECASE)
PILLAR_NOUN = {"effective": "effectiveness", "efficient": "efficiency", "legitimate": "legitimacy"}

REGIONAL_HEADING = re.compile(r"^(?:the\s+)?(?:\w+\s+)?regional\s+findings$", re.IGNORECASE)
APPENDIX_HEADING = re.compile(r"^(?:appendix|annex)\b.{0,80}$", re.IGNORECASE)
ABBREVIATION_LINE = re.compile(r"^\([A-Za-z&]{2,12}\)$")

DUE_DATE = re.compile(rf"^(?:[^.]{{0,40}}?\b)?by\s+{DAY_DATE}", re.IGNORECASE)
PUBLISHED_ON = re.compile(
    rf"(?:published(?:\s+on)?|date\s+of\s+publication)\s*:?\s*{DAY_DATE}", re.IGNORECASE
)
DATE_LINE = re.compile(rf"^{DAY_DATE}$", re.IGNORECASE)
MONTH_LINE = re.compile(rf"^({_MONTH})\s+(\d{{4}})$", re.IGNORECASE)
YEAR_LABEL = re.compile(r"\b((?:19|20)\d{2}(?:\s*[/–-]\s*\d{2,4})?)\b")
FOUR_TIER_DEFINITION = re.compile(
    r"outstanding,\s+good,\s+requires\s+improvement\s+(?:or|and)\s+inadequate", re.IGNORECASE
)
HMICFRS = re.compile(r"HMICFRS|Fire\s+(?:&|and)\s+Rescue\s+Services", re.IGNORECASE)
HMIC = re.compile(r"\bHMIC\b")

# Words a wrapped heading cannot end on: the sentence must go on to the next line.
CONNECTIVES = set(
    "a an the and or nor but of to in into for with within its their his her our on by at "  # noqa: SIM905
    "from "
    "that which who how what where when while should must could would will can may is are be "
    "been being has have it they this these those than as so about under over across between "
    "more most less not also including such".split()
)


def make_date(day, month, year):
    try:
        return date(int(year), MONTHS.index(month.casefold()) + 1, int(day))
    except ValueError:
        return None


def month_number(month):
    return MONTHS.index(month.casefold()) + 1


def grade_value(word):
    word = re.sub(r"\s+", " ", word.casefold()).rstrip(".")
    return GRADE_WORDS["requires improvement" if word == "require improvement" else word]


def sentence_case(text):
    return text[:1].upper() + text[1:] if text else text
