"""What the importer reads out of a report: plain data, independent of the database.

The same records feed the review screen, `manage.py import_report --json` (the gold-file format)
and the accuracy score, so all three agree on what was extracted.
"""

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class ExtractedBody:
    name: str
    kind: str  # force, rocu or region
    aliases: list[str] = field(default_factory=list)
    body_id: int | None = None  # the reference-data Body; None for a region


@dataclass
class ExtractedGrade:
    body: str
    question: str
    grade: str  # a Grade value, e.g. "requires_improvement"
    line: int
    end_line: int
    is_overall: bool = False
    question_text: str = ""


@dataclass
class ExtractedFinding:
    kind: str  # a FindingKind value
    text: str
    directed_at: list[str]
    line: int
    end_line: int
    number: int | None = None
    parent: int | None = None  # index of its cause of concern in the findings list
    due_date: date | None = None
    section: str = ""


@dataclass
class Extraction:
    title: str = ""
    publication_date: date | None = None
    publication_date_precision: str = "day"  # DatePrecision: day or month
    publication_date_text: str = ""
    inspectorate: str = ""
    grade_scale: int | None = None  # 4 or 5
    programme_year: str = ""
    bodies: list[ExtractedBody] = field(default_factory=list)
    graded_judgements: list[ExtractedGrade] = field(default_factory=list)
    findings: list[ExtractedFinding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self):
        return asdict(self)
