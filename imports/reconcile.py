"""What an import would change in an inspection, and saving it.

Imported items are matched to the inspection's findings and grades by the rules the accuracy
score uses (same kind and nearly the same text; same body and question), so importing a report
twice finds everything unchanged and creates nothing. Saving happens in one transaction, and is
refused if someone changed the inspection's findings after the review screen was drawn. Only
what the user may change takes part (imports.rules): the review form checks first and says why,
and saving checks again, so no caller can write past the rules.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from imports import rules
from imports.choices import Change, ImportStatus
from imports.extraction.lines import normalise_space
from imports.extraction.similarity import pair_up, question_similarity, text_similarity
from inspections.choices import FindingKind, GradeScale
from inspections.models import Finding, GradedJudgement, Inspection

SCALES = {4: GradeScale.FOUR_TIER, 5: GradeScale.FIVE_TIER}


class StaleReview(Exception):
    """The inspection's findings or grades changed after the review screen was drawn."""


class NotPermitted(PermissionDenied):
    """The import would change or name something its user may not (a 403 if it escapes)."""


@dataclass
class GradeItem:
    body_id: int | None
    question: str
    grade: str
    is_overall: bool = False
    existing_id: int | None = None
    line: int | None = None
    end_line: int | None = None
    change: str = Change.NEW


@dataclass
class FindingItem:
    key: str
    kind: str
    text: str
    directed_at: list[int] = field(default_factory=list)
    number: int | None = None
    parent_key: str = ""
    due_date: date | None = None
    section: str = ""
    existing_id: int | None = None
    line: int | None = None
    end_line: int | None = None
    change: str = Change.NEW


def items_from_extraction(data, body_ids):
    """Review items from a stored extraction. ``body_ids`` maps body names to Body ids."""
    grades = [
        GradeItem(
            body_id=body_ids.get(g["body"]),
            question=g["question"],
            grade=g["grade"],
            is_overall=g["is_overall"],
            line=g["line"],
            end_line=g["end_line"],
        )
        for g in data["graded_judgements"]
    ]
    findings = [
        FindingItem(
            key=f"f{index}",
            kind=f["kind"],
            text=f["text"],
            directed_at=[body_ids[name] for name in f["directed_at"] if name in body_ids],
            number=f["number"],
            parent_key=f"f{f['parent']}" if f["parent"] is not None else "",
            due_date=_as_date(f["due_date"]),
            section=f["section"],
            line=f["line"],
            end_line=f["end_line"],
        )
        for index, f in enumerate(data["findings"])
    ]
    return grades, findings


def _as_date(value):
    """A stored date: an ISO string once saved as JSON, a date before that."""
    return date.fromisoformat(value) if isinstance(value, str) else value


# -- matching ---------------------------------------------------------------------------------
def existing_state(inspection, user):
    """The inspection's findings and grades that ``user`` may change through an import, loaded
    in a fixed number of queries. Nothing else is matched, compared or written."""
    if inspection is None:
        return [], []
    findings = list(
        rules.importable_findings(user)
        .filter(inspection=inspection)
        .prefetch_related("directed_at")
    )
    grades = list(rules.importable_grades(user).filter(inspection=inspection))
    return findings, grades


def fingerprint(findings, grades):
    """A digest of what the review compared against; a save checks it is still true."""
    parts = [
        repr(
            (
                f.pk,
                f.kind,
                f.number,
                normalise_space(f.text),
                f.due_date,
                f.parent_id,
                sorted(b.pk for b in f.directed_at.all()),
            )
        )
        for f in sorted(findings, key=lambda f: f.pk)
    ] + [repr((g.pk, g.body_id, g.question, g.grade, g.is_overall)) for g in grades]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _claim(items, existing, similarity, threshold):
    """Give each item without an ``existing_id`` the best still-unclaimed existing record."""
    claimed = {item.existing_id for item in items if item.existing_id}
    free = [record for record in existing if record.pk not in claimed]
    unmatched = [item for item in items if not item.existing_id]
    for i, j in pair_up(unmatched, free, similarity, threshold).items():
        unmatched[i].existing_id = free[j].pk


def _finding_similarity(item, finding):
    if item.kind != finding.kind:
        return 0.0
    value = text_similarity(item.text, finding.text)
    if item.number is not None and item.number == finding.number:
        value = max(value, 0.9 if value >= 0.5 else value)  # same number, reworded
    return value


def _grade_similarity(item, grade):
    if item.body_id != grade.body_id:
        return 0.0
    return question_similarity(item.question, grade.question)


def match(grade_items, finding_items, findings, grades):
    """Set each item's ``existing_id`` (when it is already in the inspection) and ``change``.
    Items that already carry an ``existing_id`` (from the review form) keep it."""
    _claim(finding_items, findings, _finding_similarity, 0.9)
    _claim(grade_items, grades, _grade_similarity, 0.6)

    by_pk = {f.pk: f for f in findings}
    key_to_existing = {item.key: item.existing_id for item in finding_items}
    for item in finding_items:
        item.change = _finding_change(item, by_pk.get(item.existing_id), key_to_existing)
    grades_by_pk = {g.pk: g for g in grades}
    for item in grade_items:
        item.change = _grade_change(item, grades_by_pk.get(item.existing_id))
    return grade_items, finding_items


def finding_differences(item, finding, key_to_existing):
    """Names of the fields the import would change in an existing finding."""
    differences = []
    if normalise_space(item.text) != normalise_space(finding.text):
        differences.append("text")
    if item.kind != finding.kind:
        differences.append("kind")
    if item.number != finding.number:
        differences.append("number")
    if item.due_date != finding.due_date:
        differences.append("due date")
    if set(item.directed_at) != {b.pk for b in finding.directed_at.all()}:
        differences.append("directed at")
    parent = key_to_existing.get(item.parent_key) if item.parent_key else None
    if item.kind == FindingKind.RECOMMENDATION and parent != finding.parent_id:
        differences.append("cause of concern")
    return differences


def _finding_change(item, finding, key_to_existing):
    if finding is None:
        return Change.NEW
    return (
        Change.CHANGED if finding_differences(item, finding, key_to_existing) else Change.UNCHANGED
    )


def _grade_change(item, grade):
    if grade is None:
        return Change.NEW
    if (item.grade, item.is_overall) != (grade.grade, grade.is_overall):
        return Change.CHANGED
    return Change.UNCHANGED


# -- saving -----------------------------------------------------------------------------------
@dataclass
class Outcome:
    inspection: Inspection
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} added, {self.updated} updated, {self.unchanged} unchanged"


def unique_slug(title, year):
    base = slugify(f"{title} {year}".strip())[:180] or "inspection"
    slug, counter = base, 2
    while Inspection.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


@transaction.atomic
def save_import(
    report_import,
    *,
    user,
    grade_items,
    finding_items,
    basis,
    inspection=None,
    new_inspection=None,
    scale=None,
    covered_body_ids=(),
):
    """Write the reviewed items into the inspection (or a new one) in one transaction.

    ``basis`` is the fingerprint the review was drawn against; a different one now raises
    StaleReview and nothing is written. Returns an Outcome.
    """
    if inspection is not None:
        if not rules.importable_inspections(user).filter(pk=inspection.pk).exists():
            raise NotPermitted("You may not import into this inspection.")
        inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
        findings, grades = existing_state(inspection, user)
        if fingerprint(findings, grades) != basis:
            raise StaleReview
        _check_permitted(user, grade_items, finding_items, covered_body_ids, findings, grades)
    else:
        _check_permitted(user, grade_items, finding_items, covered_body_ids, [], [])
        inspection = new_inspection
        inspection.slug = unique_slug(inspection.title, inspection.programme_year)
        inspection.save()
        findings, grades = [], []
    if covered_body_ids:
        inspection.bodies.add(*covered_body_ids)
    match(grade_items, finding_items, findings, grades)
    outcome = Outcome(inspection)
    _save_grades(inspection, grade_items, {g.pk: g for g in grades}, scale, outcome)
    _save_findings(inspection, finding_items, {f.pk: f for f in findings}, outcome)
    report_import.inspection = inspection
    report_import.status = ImportStatus.SAVED
    report_import.saved_at = timezone.now()
    report_import.saved_by = user
    report_import.summary = str(outcome)
    report_import.save()
    return outcome


def _check_permitted(user, grade_items, finding_items, covered_body_ids, findings, grades):
    """Refuse the whole save if it names a body the user may not name, or an existing finding
    or grade that is not among those it may change (``findings`` and ``grades``)."""
    named = set(covered_body_ids) | {item.body_id for item in grade_items}
    named |= {pk for item in finding_items for pk in item.directed_at}
    named.discard(None)  # a grade without a body is the database's to refuse
    if rules.importable_bodies(user).filter(pk__in=named).count() != len(named):
        raise NotPermitted("The import names a force or ROCU you may not import for.")
    if {i.existing_id for i in finding_items if i.existing_id} - {f.pk for f in findings} or {
        i.existing_id for i in grade_items if i.existing_id
    } - {g.pk for g in grades}:
        raise NotPermitted("The import names a finding or grade you may not change.")


def _save_grades(inspection, items, existing, scale, outcome):
    scale = SCALES.get(scale, GradeScale.FIVE_TIER)
    next_order = max((g.order for g in existing.values()), default=0) + 1
    for item in items:
        grade = existing.get(item.existing_id)
        if item.change == Change.UNCHANGED:
            outcome.unchanged += 1
            continue
        if grade is None:
            grade = GradedJudgement(
                inspection=inspection,
                body_id=item.body_id,
                question=item.question,
                scale=scale,
                order=next_order,
            )
            next_order += 1
            outcome.created += 1
        else:
            outcome.updated += 1
        grade.grade = item.grade
        grade.is_overall = item.is_overall
        grade.full_clean(exclude=["inspection", "body"])
        grade.save()


def _save_findings(inspection, items, existing, outcome):
    saved = {}
    next_order = max((f.order for f in existing.values()), default=0) + 1
    for item in items:
        finding = existing.get(item.existing_id)
        if item.change == Change.UNCHANGED:
            outcome.unchanged += 1
            saved[item.key] = finding
            continue
        if finding is None:
            finding = Finding(inspection=inspection, order=next_order, section=item.section[:300])
            next_order += 1
            outcome.created += 1
        else:
            outcome.updated += 1
        finding.kind = item.kind
        finding.text = item.text
        finding.number = item.number
        finding.due_date = item.due_date
        finding.parent = None
        finding.save()
        finding.directed_at.set(item.directed_at)
        saved[item.key] = finding
    # Parents last: a recommendation may come before its cause of concern in the list.
    for item in items:
        finding = saved[item.key]
        parent = saved.get(item.parent_key) if item.parent_key else None
        wanted = (
            parent.pk if parent is not None and item.kind == FindingKind.RECOMMENDATION else None
        )
        if finding.parent_id != wanted:
            finding.parent_id = wanted
            finding.save(update_fields=["parent"])


def save_extraction(report_import, *, user):
    """Save a stored extraction as read, without review (administrators' bulk loading)."""
    inspection = report_import.inspection
    findings, grades = existing_state(inspection, user)
    data = report_import.extraction
    body_ids = {b["name"]: b["body_id"] for b in data["bodies"] if b.get("body_id")}
    grade_items, finding_items = items_from_extraction(data, body_ids)
    return save_import(
        report_import,
        user=user,
        grade_items=[g for g in grade_items if g.body_id is not None],
        finding_items=finding_items,
        basis=fingerprint(findings, grades),
        inspection=inspection,
        scale=data.get("grade_scale"),
        covered_body_ids=list(body_ids.values()),
    )
