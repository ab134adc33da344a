"""Loads the demo inspections and responses in data/*.yaml (see README.md for the format)."""

from pathlib import Path

from django.db import transaction

from core.loading import LoadReport, ensure, read_yaml
from forces.models import Body
from inspections.models import Finding, GradedJudgement, Inspection
from responses.models import ChecklistEntry, FindingResponse, Section55Response

DATA_DIR = Path(__file__).parent / "data"

INSPECTION_FIELDS = [
    "title",
    "programme",
    "programme_year",
    "inspectorate",
    "publication_date",
    "publication_date_precision",
    "publication_types",
    "report_url",
    "summary",
]
RESPONSE_FIELDS = ["status", "submitted_on", "published_on", *Section55Response.LETTER_TEXT_FIELDS]


def demo_files(directory=DATA_DIR):
    return sorted(Path(directory).glob("*.yaml"))


@transaction.atomic
def load_demo(paths=None):
    report = LoadReport()
    bodies = {body.name: body for body in Body.objects.all()}
    for path in paths or demo_files():
        load_inspection_file(read_yaml(path), bodies, report)
    return report


def _text(value):
    # YAML block scalars end with a newline the letter does not want.
    return (value or "").strip()


def _pick(data, names):
    values = {name: data.get(name) for name in names if name in data}
    return {k: _text(v) if isinstance(v, str) else v for k, v in values.items()}


def load_inspection_file(data, bodies, report):
    meta = data["inspection"]
    inspection = ensure(
        Inspection,
        {"slug": meta["slug"]},
        _pick(meta, INSPECTION_FIELDS),
        m2m={"bodies": [bodies[name] for name in meta["bodies"]]},
        report=report,
    )
    for order, grade in enumerate(data.get("graded_judgements", []), start=1):
        ensure(
            GradedJudgement,
            {
                "inspection": inspection,
                "body": bodies[grade["body"]],
                "question": grade["question"],
            },
            {
                "grade": grade["grade"],
                "scale": grade["scale"],
                "is_overall": grade.get("overall", False),
                "order": order,
            },
            report=report,
        )
    findings = {}
    for order, item in enumerate(data.get("findings", []), start=1):
        parent = findings[item["parent"]] if item.get("parent") else None
        findings[item["key"]] = ensure(
            Finding,
            {"inspection": inspection, "kind": item["kind"], "text": _text(item["text"])},
            {
                "number": item.get("number"),
                "detail": _text(item.get("detail")),
                "section": item.get("section", ""),
                "parent": parent,
                "due_date": item.get("due_date"),
                "order": order,
            },
            m2m={"directed_at": [bodies[name] for name in item["directed_at"]]},
            report=report,
        )
    for item in data.get("responses", []):
        load_response(item, inspection, findings, bodies, report)


def load_response(item, inspection, findings, bodies, report):
    response = ensure(
        Section55Response,
        {"inspection": inspection, "policing_body": bodies[item["force"]].policing_body},
        _pick(item, RESPONSE_FIELDS),
        report=report,
    )
    for entry in item.get("checklist", []):
        ensure(
            ChecklistEntry,
            {"response": response, "item": entry["item"]},
            {"done_on": entry.get("done_on")},
            report=report,
        )
    for entry in item.get("findings", []):
        ensure(
            FindingResponse,
            {"response": response, "finding": findings[entry["finding"]]},
            _pick(
                entry,
                ["chief_constable_response", "office_comment", "action", "action_explanation"],
            ),
            report=report,
        )
