"""Precision, recall and F1 of an extraction against a gold file, per kind of item.

An item counts as found only when everything the kind is about is right: an area for
improvement's number, a recommendation's due date and parent cause of concern, a grade's body
and grade word. Bodies a finding is directed at are scored as (finding, body) pairs.
"""

from dataclasses import dataclass

from inspections.choices import FindingKind

from .similarity import pair_up, question_similarity, same_question, text_similarity

FINDING_KINDS = [
    FindingKind.AREA_FOR_IMPROVEMENT,
    FindingKind.CAUSE_OF_CONCERN,
    FindingKind.RECOMMENDATION,
    FindingKind.INNOVATIVE_PRACTICE,
    FindingKind.PROMISING_PRACTICE,
]
MEASURES = ["graded_judgements", *FINDING_KINDS, "directed_at"]


@dataclass
class Score:
    correct: int
    predicted: int
    expected: int

    @property
    def precision(self):
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self):
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _finding_similarity(a, b):
    return text_similarity(a["text"], b["text"]) if a["kind"] == b["kind"] else 0.0


def _grade_similarity(a, b):
    if a["body"] != b["body"]:
        return 0.0
    return max(
        question_similarity(a["question"], b.get(key) or "")
        for key in ("question", "question_text")
    )


def score(predicted, gold):
    """{measure: Score} for an extraction and a gold file, both in the gold format."""
    scores = {}
    p_findings, g_findings = predicted["findings"], gold["findings"]
    matched = pair_up(p_findings, g_findings, _finding_similarity, 0.9)

    def correct(i, j):
        a, b = p_findings[i], g_findings[j]
        if a["kind"] == FindingKind.AREA_FOR_IMPROVEMENT and a["number"] != b["number"]:
            return False
        if a["kind"] == FindingKind.RECOMMENDATION:
            parent = matched.get(a["parent"]) if a["parent"] is not None else None
            if a["due_date"] != b["due_date"] or parent != b["parent"]:
                return False
        return True

    for kind in FINDING_KINDS:
        scores[kind] = Score(
            correct=sum(
                1 for i, j in matched.items() if p_findings[i]["kind"] == kind and correct(i, j)
            ),
            predicted=sum(1 for f in p_findings if f["kind"] == kind),
            expected=sum(1 for f in g_findings if f["kind"] == kind),
        )

    right = sum(
        len(set(p_findings[i]["directed_at"]) & set(g_findings[j]["directed_at"]))
        for i, j in matched.items()
    )
    scores["directed_at"] = Score(
        correct=right,
        predicted=sum(len(f["directed_at"]) for f in p_findings),
        expected=sum(len(f["directed_at"]) for f in g_findings),
    )

    p_grades, g_grades = predicted["graded_judgements"], gold["graded_judgements"]
    grade_pairs = pair_up(p_grades, g_grades, _grade_similarity, 0.0001)
    scores["graded_judgements"] = Score(
        correct=sum(
            1
            for i, j in grade_pairs.items()
            if p_grades[i]["grade"] == g_grades[j]["grade"]
            and (
                same_question(p_grades[i]["question"], g_grades[j]["question"])
                or same_question(p_grades[i]["question"], g_grades[j].get("question_text") or "")
            )
        ),
        predicted=len(p_grades),
        expected=len(g_grades),
    )
    return scores
