"""The importer against hand-checked gold files: the seed reports, and invented reports of
other eras and regions it was not developed on; as text and as PDFs laid out by a renderer."""

import json
from pathlib import Path

import pytest

from imports.documents import report_text
from imports.extraction import BodyDirectory, extract_text
from imports.extraction.gold import to_gold
from imports.extraction.lines import clean_lines
from imports.extraction.scoring import MEASURES, score
from inspections.choices import DatePrecision, FindingKind
from tests.imports.pdfs import report_pdf

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"
GOLD = sorted((DATA / "gold").glob("*.json"))
UNSEEN = sorted((DATA / "unseen").glob("*.json"))


def source_for(gold_path):
    beside = gold_path.with_suffix(".txt")
    return beside if beside.exists() else SEEDS / gold_path.with_suffix(".txt").name


def scores_for(gold_path, text):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score(to_gold(extract_text(text, BodyDirectory.from_database())), gold)


@pytest.mark.parametrize("gold_path", GOLD + UNSEEN, ids=lambda p: p.stem)
def test_f1_at_least_095_for_every_kind(gold_path):
    scores = scores_for(gold_path, source_for(gold_path).read_text(encoding="utf-8"))
    low = {m: round(s.f1, 3) for m, s in scores.items() if s.f1 < 0.95}
    assert low == {}, f"{gold_path.stem}: {low}"


@pytest.mark.parametrize("gold_path", GOLD + UNSEEN, ids=lambda p: p.stem)
def test_f1_holds_for_the_report_as_a_pdf(gold_path):
    """Rendered with a running header and page numbers, read back through pypdf."""
    text = report_text(report_pdf(source_for(gold_path).read_text(encoding="utf-8")))
    scores = scores_for(gold_path, text)
    low = {m: round(s.f1, 3) for m, s in scores.items() if s.f1 < 0.95}
    assert low == {}, f"{gold_path.stem}: {low}"


def test_gold_files_hold_every_kind_between_them():
    """So the per-kind bar is not met vacuously: each kind occurs in some gold file."""
    kinds = set()
    for path in GOLD + UNSEEN:
        kinds |= {f["kind"] for f in json.loads(path.read_text())["findings"]}
    assert kinds == set(FindingKind.values)
    assert set(MEASURES) >= kinds


def test_the_score_notices_mistakes():
    gold = json.loads((DATA / "gold" / "eastern-region-soc-2021-22.json").read_text())
    perfect = score(gold, gold)
    assert all(s.f1 == 1.0 for s in perfect.values())
    broken = json.loads(json.dumps(gold))
    broken["findings"][0]["number"] = 99  # wrong AFI number
    broken["findings"][5]["due_date"] = "2024-01-01"  # wrong due date
    broken["findings"][6]["parent"] = None  # lost parent
    broken["findings"][0]["directed_at"] = broken["findings"][0]["directed_at"][:1]
    broken["graded_judgements"][2]["grade"] = "good"  # Cambridgeshire was inadequate
    result = score(broken, gold)
    assert result[FindingKind.AREA_FOR_IMPROVEMENT].correct == 13
    assert result[FindingKind.RECOMMENDATION].correct == 1
    assert result["directed_at"].correct == result["directed_at"].expected - 7
    assert result["graded_judgements"].correct == 7


def test_eastern_details():
    extraction = extract_text((SEEDS / "eastern-region-soc-2021-22.txt").read_text())
    norfolk = [f for f in extraction.findings if f.directed_at == ["Norfolk Constabulary"]]
    assert [f.number for f in norfolk] == [11, 12, 13, 14]
    regional = extraction.findings[0]
    assert regional.section == "Regional findings"
    assert len(regional.directed_at) == 8
    recommendation = next(f for f in extraction.findings if f.kind == FindingKind.RECOMMENDATION)
    assert extraction.findings[recommendation.parent].kind == FindingKind.CAUSE_OF_CONCERN
    assert str(recommendation.due_date) == "2023-09-01"
    assert extraction.grade_scale == 5
    assert extraction.inspectorate == "HMICFRS"


def test_2015_details():
    extraction = extract_text((SEEDS / "peel-2015-norfolk-effectiveness.txt").read_text())
    assert extraction.title == (
        "PEEL: Police effectiveness 2015, An inspection of Norfolk Constabulary"
    )
    assert extraction.publication_date_precision == DatePrecision.MONTH
    assert str(extraction.publication_date) == "2016-02-01"
    assert extraction.grade_scale == 4
    assert extraction.inspectorate == "HMIC"
    assert [g.is_overall for g in extraction.graded_judgements].count(True) == 1
    assert [f.number for f in extraction.findings] == [None]


def test_page_furniture_and_links_are_dropped_and_headings_rejoined():
    text = "\n".join(
        [
            "Area for improvement: The force should improve how it",
            "https://www.justiceinspectorates.gov.uk/hmicfrs/glossary/something/",
            "12",
            "\fPEEL 2025: Running header",
            "records crime",
            "Narrative text follows here.",
            "13",
            "\fPEEL 2025: Running header",
            "More narrative.",
            "14",
            "\fPEEL 2025: Running header",
            "Yet more.",
        ]
    )
    assert [line.text for line in clean_lines(text)] == [
        "Area for improvement: The force should improve how it",
        "records crime",
        "Narrative text follows here.",
        "More narrative.",
        "Yet more.",
    ]
    extraction = extract_text(text)
    assert extraction.findings[0].text == "The force should improve how it records crime"


def test_narrative_mentions_are_not_findings_or_grades():
    text = "\n".join(
        [
            "Norfolk Constabulary",
            "Norfolk Constabulary is good at tackling serious and organised crime.",
            "In 2016 we made recommendations and gave areas for improvement.",
            "The constabulary is good at debriefing its teams about operations and the",
            "lessons they learn.",
            "Area for improvement: The constabulary should improve its records",
        ]
    )
    extraction = extract_text(text)
    assert [(g.body, g.grade) for g in extraction.graded_judgements] == [
        ("Norfolk Constabulary", "good")
    ]
    assert [f.kind for f in extraction.findings] == [FindingKind.AREA_FOR_IMPROVEMENT]


def test_text_with_no_report_in_it_warns():
    extraction = extract_text("A shopping list\nEggs\nMilk\n")
    assert extraction.findings == [] and extraction.graded_judgements == []
    assert extraction.warnings
