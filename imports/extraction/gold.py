"""An Extraction in the format of the hand-checked gold files (tests/data/gold/README.md)."""

from inspections.choices import Grade

SCALE_WORDS = {4: "four_tier", 5: "five_tier"}


def grade_word(value):
    return Grade(value).label.lower()


def to_gold(extraction, source_file=""):
    return {
        "title": extraction.title,
        "publication_date": (
            extraction.publication_date.isoformat()
            if extraction.publication_date and extraction.publication_date_precision == "day"
            else None
        ),
        "publication_date_text": extraction.publication_date_text or None,
        "inspectorate": extraction.inspectorate or None,
        "grade_scale": extraction.grade_scale,
        "source_file": source_file,
        "bodies": [
            {"name": b.name, "kind": b.kind, **({"aliases": b.aliases} if b.aliases else {})}
            for b in extraction.bodies
        ],
        "graded_judgements": [
            {
                "body": g.body,
                "question": g.question,
                **({"question_text": g.question_text} if g.question_text else {}),
                "overall": g.is_overall,
                "grade": grade_word(g.grade),
                "line": g.line,
            }
            for g in extraction.graded_judgements
        ],
        "findings": [
            {
                "kind": f.kind,
                "number": f.number,
                "text": f.text,
                "directed_at": f.directed_at,
                "parent": f.parent,
                "due_date": f.due_date.isoformat() if f.due_date else None,
                "line": f.line,
                "end_line": f.end_line,
                "section": f.section,
            }
            for f in extraction.findings
        ],
    }
