"""The review screen's state: the stored extraction matched against the inspection, turned into
formsets, and the posted formsets turned back into items to save."""

from dataclasses import dataclass
from datetime import date

from forces.models import Body
from imports import reconcile
from imports.forms import FindingFormSet, GradeFormSet, InspectionDetailsForm
from inspections.choices import FindingKind, Inspectorate, Programme


@dataclass
class Review:
    report_import: object
    inspection: object  # the target, or None for a new inspection
    details: InspectionDetailsForm | None
    grades: GradeFormSet
    findings: FindingFormSet
    basis: str
    existing_findings: list
    existing_grades: list
    bodies: list  # (id, name) choices

    @property
    def forms_valid(self):
        details_ok = self.details is None or self.details.is_valid()
        return all([details_ok, self.grades.is_valid(), self.findings.is_valid()])

    def rows(self):
        """Each finding form with its status and source lines, for the template."""
        return _rows(self.findings, self.report_import)

    def grade_rows(self):
        return _rows(self.grades, self.report_import)

    def leftover_findings(self):
        """The inspection's findings no imported item matched: left as they are."""
        claimed = {f.initial.get("existing") for f in self.findings.forms}
        return [f for f in self.existing_findings if f.pk not in claimed]


def _rows(formset, report_import):
    rows = []
    for form in formset.forms:
        line, end = form.initial.get("line"), form.initial.get("end_line")
        source = report_import.source_lines(line, end) if line else []
        rows.append((form, form.initial.get("change", "new"), source))
    return rows


def body_choices(report_import, inspection):
    ids = {b["body_id"] for b in report_import.extraction["bodies"] if b.get("body_id")}
    if inspection is not None:
        ids |= {b.pk for b in inspection.bodies.all()}
    return [(str(b.pk), b.name) for b in Body.objects.filter(pk__in=ids).order_by("kind", "name")]


def build(report_import, inspection, data=None, basis=None):
    """The review for a GET (data None: initial values from the extraction) or a POST."""
    existing_findings, existing_grades = reconcile.existing_state(inspection)
    bodies = body_choices(report_import, inspection)
    extraction = report_import.extraction
    body_ids = {b["name"]: b["body_id"] for b in extraction["bodies"] if b.get("body_id")}
    grade_items, finding_items = reconcile.items_from_extraction(extraction, body_ids)
    reconcile.match(grade_items, finding_items, existing_findings, existing_grades)
    causes = [
        (item.key, f"{index + 1}. {item.text[:80]}")
        for index, item in enumerate(finding_items)
        if item.kind == FindingKind.CAUSE_OF_CONCERN
    ]
    grades = GradeFormSet(
        data,
        prefix="grades",
        initial=[_grade_initial(item) for item in grade_items],
        form_kwargs={"bodies": bodies},
    )
    findings = FindingFormSet(
        data,
        prefix="findings",
        initial=[_finding_initial(item) for item in finding_items],
        form_kwargs={"bodies": bodies, "causes": causes},
    )
    details = None
    if inspection is None:
        details = InspectionDetailsForm(
            data, prefix="details", initial=_details_initial(extraction)
        )
    return Review(
        report_import=report_import,
        inspection=inspection,
        details=details,
        grades=grades,
        findings=findings,
        basis=basis or reconcile.fingerprint(existing_findings, existing_grades),
        existing_findings=existing_findings,
        existing_grades=existing_grades,
        bodies=bodies,
    )


def _grade_initial(item):
    return {
        "body": str(item.body_id or ""),
        "question": item.question,
        "grade": item.grade,
        "is_overall": item.is_overall,
        "existing": item.existing_id,
        "line": item.line,
        "end_line": item.end_line,
        "change": item.change,
    }


def _finding_initial(item):
    return {
        "key": item.key,
        "kind": item.kind,
        "number": item.number,
        "text": item.text,
        "directed_at": [str(pk) for pk in item.directed_at],
        "parent": item.parent_key,
        "due_date": item.due_date,
        "section": item.section,
        "existing": item.existing_id,
        "line": item.line,
        "end_line": item.end_line,
        "change": item.change,
    }


def _details_initial(extraction):
    title = extraction.get("title") or ""
    programme = Programme.PEEL if "peel" in title.casefold() else Programme.OTHER
    if any(b["kind"] == "region" for b in extraction["bodies"]):
        programme = Programme.SOC_REGIONAL
    return {
        "title": title,
        "programme": programme,
        "programme_year": extraction.get("programme_year", ""),
        "inspectorate": extraction.get("inspectorate") or Inspectorate.HMICFRS,
        "publication_date": _date(extraction.get("publication_date")),
        "publication_date_precision": extraction.get("publication_date_precision") or "day",
    }


def _date(value):
    return date.fromisoformat(value) if value else None


def _claims(forms, allowed):
    """Each form's existing id, trusted only if it is one of the inspection's own and not
    already claimed by an earlier row (hidden fields come from the browser)."""
    seen = set()
    for form in forms:
        pk = form.cleaned_data.get("existing")
        if pk in allowed and pk not in seen:
            seen.add(pk)
            yield pk
        else:
            yield None


def posted_items(review):
    """The kept rows of a valid review, as items to save."""
    kept_grades = [form for form in review.grades.forms if form.kept]
    kept_findings = [form for form in review.findings.forms if form.kept]
    grade_items = [
        reconcile.GradeItem(
            body_id=int(form.cleaned_data["body"]),
            question=form.cleaned_data["question"].strip(),
            grade=form.cleaned_data["grade"],
            is_overall=form.cleaned_data["is_overall"],
            existing_id=existing,
        )
        for form, existing in zip(
            kept_grades, _claims(kept_grades, {g.pk for g in review.existing_grades}), strict=True
        )
    ]
    finding_items = [
        reconcile.FindingItem(
            key=form.cleaned_data["key"],
            kind=form.cleaned_data["kind"],
            text=form.cleaned_data["text"].strip(),
            directed_at=[int(pk) for pk in form.cleaned_data["directed_at"]],
            number=form.cleaned_data.get("number"),
            parent_key=form.cleaned_data.get("parent") or "",
            due_date=form.cleaned_data.get("due_date"),
            section=form.cleaned_data.get("section") or "",
            existing_id=existing,
        )
        for form, existing in zip(
            kept_findings,
            _claims(kept_findings, {f.pk for f in review.existing_findings}),
            strict=True,
        )
    ]
    return grade_items, finding_items
