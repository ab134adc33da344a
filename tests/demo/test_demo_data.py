"""The demo data holds everything the seed documents hold, checked against the gold extractions."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.loader import load_demo
from demo.users import DEMO_USERS, create_demo_users
from inspections.choices import FindingKind
from inspections.models import Finding, GradedJudgement, Inspection
from responses.choices import ChecklistItem, ResponseStatus
from responses.deadlines import ResponseState
from responses.models import ChecklistEntry, FindingResponse, Section55Response

pytestmark = pytest.mark.django_db

GOLD = Path(__file__).parent.parent / "data" / "gold"
SEEDS = Path(__file__).parent.parent.parent / "demo" / "seeds"


def gold(name):
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def flat(text):
    """Text with line wraps, page furniture spacing and bullets joined, for containment checks."""
    return re.sub(r"\s+", " ", text.replace("•", " ").replace("- ", " ")).strip()


@pytest.mark.parametrize(
    ("slug", "gold_name"),
    [
        ("eastern-soc-2021-22", "eastern-region-soc-2021-22"),
        ("peel-2015-norfolk-effectiveness", "peel-2015-norfolk-effectiveness"),
    ],
)
def test_inspection_matches_gold(demo_data, slug, gold_name):
    expected = gold(gold_name)
    inspection = Inspection.objects.get(slug=slug)
    assert inspection.title.rstrip(".") == expected["title"]

    graded_bodies = {j["body"] for j in expected["graded_judgements"]}
    assert graded_bodies <= set(inspection.bodies.values_list("name", flat=True))
    judgements = {
        (j.body.name, j.question, j.grade)
        for j in GradedJudgement.objects.filter(inspection=inspection).select_related("body")
    }
    assert judgements == {
        (j["body"], j["question"], j["grade"].replace(" ", "_"))
        for j in expected["graded_judgements"]
    }
    overall = GradedJudgement.objects.filter(inspection=inspection, is_overall=True)
    assert overall.count() == sum(1 for j in expected["graded_judgements"] if j.get("overall"))

    findings = list(
        Finding.objects.filter(inspection=inspection)
        .order_by("order")
        .prefetch_related("directed_at")
        .select_related("parent")
    )
    assert len(findings) == len(expected["findings"])
    for finding, wanted in zip(findings, expected["findings"], strict=True):
        assert finding.kind == wanted["kind"]
        assert finding.number == wanted["number"]
        assert finding.text == wanted["text"]
        assert sorted(b.name for b in finding.directed_at.all()) == sorted(wanted["directed_at"])
        parent = findings[wanted["parent"]] if wanted["parent"] is not None else None
        assert finding.parent == parent
        due = wanted["due_date"] and datetime.date.fromisoformat(wanted["due_date"])
        assert finding.due_date == (due or None)


def test_eastern_report_in_full(demo_data):
    inspection = Inspection.objects.get(slug="eastern-soc-2021-22")
    assert inspection.publication_date == datetime.date(2023, 5, 19)
    assert inspection.bodies.count() == 8
    assert inspection.graded_judgements.count() == 8
    kinds = list(inspection.findings.values_list("kind", flat=True))
    assert kinds.count(FindingKind.AREA_FOR_IMPROVEMENT) == 14
    assert kinds.count(FindingKind.CAUSE_OF_CONCERN) == 1
    assert kinds.count(FindingKind.RECOMMENDATION) == 3
    assert kinds.count(FindingKind.INNOVATIVE_PRACTICE) == 1
    numbers = inspection.findings.filter(kind=FindingKind.AREA_FOR_IMPROVEMENT)
    assert sorted(numbers.values_list("number", flat=True)) == list(range(1, 15))


def test_finding_details_come_from_the_report(demo_data):
    report = flat((SEEDS / "eastern-region-soc-2021-22.txt").read_text(encoding="utf-8"))
    afi_1 = Finding.objects.get(inspection__slug="eastern-soc-2021-22", number=1)
    assert "improve the effectiveness of the lead responsible officer (LRO) role" in afi_1.detail
    for paragraph in afi_1.detail.split("\n\n"):
        assert flat(paragraph) in report


def test_norfolk_response_to_the_eastern_report(demo_data):
    response = Section55Response.objects.get(
        inspection__slug="eastern-soc-2021-22", policing_body__slug="norfolk"
    )
    letter = flat((SEEDS / "pcc-response-eastern-soc-2023.txt").read_text(encoding="utf-8"))
    assert response.status == ResponseStatus.PUBLISHED
    assert response.deadline == datetime.date(2023, 7, 14)  # as the letter states
    assert response.compute_deadline_state() == ResponseState.SUBMITTED_ON_TIME
    for text in (
        response.key_findings,
        response.recommendations_note,
        response.afi_introduction,
        response.general_comment,
        response.conclusion,
    ):
        assert text
        for paragraph in text.split("\n\n"):
            assert flat(paragraph) in letter
    assert "Regional findings:" in response.chief_constable_response
    assert "Local findings:" in response.chief_constable_response

    in_scope = response.findings_in_scope()
    assert [f.number for f in in_scope] == [1, 2, 11, 12, 13, 14]
    answers = {
        a.finding.number: a
        for a in FindingResponse.objects.filter(response=response).select_related("finding")
    }
    assert sorted(answers) == [1, 2, 11, 12, 13, 14]
    for number in (11, 12, 13, 14):
        assert answers[number].chief_constable_response, number
        assert answers[number].office_comment, number
        for paragraph in answers[number].office_comment.split("\n\n"):
            assert flat(paragraph) in letter
    assert "County Lines Team" in answers[13].chief_constable_response
    assert "senior lead" in answers[14].office_comment
    assert set(response.checklist.values_list("item", flat=True)) == set(ChecklistItem.values)


def test_norfolk_peel_2021_22_inspection_and_response(demo_data):
    inspection = Inspection.objects.get(slug="peel-2021-22-norfolk")
    assert inspection.publication_date == datetime.date(2022, 10, 14)
    grades = dict(inspection.graded_judgements.values_list("question", "grade"))
    assert grades["Use of resources"] == "outstanding"
    assert grades["Treatment of the public"] == "requires_improvement"
    assert len(grades) == 8
    afis = inspection.findings.filter(kind=FindingKind.AREA_FOR_IMPROVEMENT).order_by("number")
    assert list(afis.values_list("number", flat=True)) == list(range(1, 12))
    assert afis.first().text.startswith(
        "The force needs to make sure that officers properly record"
    )
    response = inspection.responses.get(policing_body__slug="norfolk")
    assert "Stop and Search" in response.chief_constable_response
    assert "PCC Accountability Meetings" in response.general_comment
    assert response.checklist.count() == 4
    assert [f.number for f in response.findings_in_scope()] == list(range(1, 12))


def test_2015_report_keeps_its_month_only_date_and_four_tier_scale(demo_data):
    inspection = Inspection.objects.get(slug="peel-2015-norfolk-effectiveness")
    assert inspection.publication_day is None
    assert inspection.inspectorate == "HMIC"
    assert set(inspection.graded_judgements.values_list("scale", flat=True)) == {"four_tier"}


def snapshot():
    models = [
        Inspection,
        GradedJudgement,
        Finding,
        Section55Response,
        FindingResponse,
        ChecklistEntry,
    ]
    counts = {m.__name__: m.objects.count() for m in models}
    counts |= {f"history {m.__name__}": m.history.count() for m in models}
    return counts


def test_loading_twice_changes_nothing(demo_data):
    before = snapshot()
    report = load_demo()
    assert snapshot() == before
    assert sum(report.created.values()) == 0
    assert report.differences == []


def test_a_users_edit_survives_reloading(demo_data):
    response = Section55Response.objects.get(inspection__slug="eastern-soc-2021-22")
    response.conclusion = "Rewritten by the office."
    response.save()
    report = load_demo()
    response.refresh_from_db()
    assert response.conclusion == "Rewritten by the office."
    assert any("conclusion" in line for line in report.lines())


def test_load_demo_command_loads_reference_data_too(db, capsys):
    from forces.models import Body

    call_command("load_demo")
    output = capsys.readouterr().out
    assert "inspections: 0 created, 3 already present" in output
    assert "bodies: 0 created, 52 already present" in output
    assert Body.objects.count() == 52


def test_demo_users(reference_data, capsys):
    call_command("create_demo_users")
    output = capsys.readouterr().out
    users = get_user_model().objects.all()
    assert users.count() == len(DEMO_USERS)
    norfolk = users.filter(membership__policing_body__slug="norfolk")
    assert set(norfolk.values_list("membership__role", flat=True)) == {"staff", "manager"}
    assert users.get(username="suffolk.staff").membership.policing_body.slug == "suffolk"
    assert users.get(username="admin").is_superuser
    for username, *_ in DEMO_USERS:
        assert username in output
    assert len(create_demo_users()) == len(DEMO_USERS)
    assert users.count() == len(DEMO_USERS)


def test_demo_users_are_refused_where_not_allowed(reference_data, settings):
    from django.core.management.base import CommandError

    settings.DEMO_USERS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("create_demo_users")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db(transaction=True)
def test_loading_into_an_empty_database(capsys):
    """From nothing, as on a newcomer's first `make run`. (Transactional: runs after the rest.)"""
    call_command("flush", "--no-input")
    assert not Inspection.objects.exists()
    call_command("load_demo")
    output = capsys.readouterr().out
    for line in [
        "regions: 10 created",
        "bodies: 52 created",
        "local policing bodies: 43 created",
        "inspections: 3 created",
        "graded judgements: 21 created",
        "findings: 31 created",
        "Section 55 responses: 2 created",
        "finding responses: 6 created",
        "checklist entries: 9 created",
    ]:
        assert line in output
