"""The review screen's state: the stored extraction matched against the inspection, turned into
formsets, and the posted formsets turned back into items to save."""

from dataclasses import dataclass
from datetime import date

from forces.models import Body
from imports import reconcile, rules
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
    existing_findings: list  # those the user may change: the only ones a row may name
    existing_grades: list
    bodies: list  # (id, name) choices: the bodies named that the user may name
    other_bodies: list  # names of the bodies named that the user may not name

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


def body_choices(report_import, inspection, user):
    """The bodies the report names or the inspection covers: ``(offered, others)``, the (id,
    name) choices of those the user may name, and the names of the rest."""
    ids = {b["body_id"] for b in report_import.extraction["bodies"] if b.get("body_id")}
    if inspection is not None:
        ids |= {b.pk for b in inspection.bodies.all()}
    named = Body.objects.filter(pk__in=ids).order_by("kind", "name")
    allowed = set(rules.importable_bodies(user).filter(pk__in=ids).values_list("pk", flat=True))
    offered = [(str(b.pk), b.name) for b in named if b.pk in allowed]
    return offered, [b.name for b in named if b.pk not in allowed]


def _not_permitted(user):
    """For the forms: of some posted body ids, the names of those the user may not name, and the
    names of those it may (for the message)."""

    def check(values):
        # Ids a database column can hold; anything else is simply not a valid choice.
        pks = [int(v) for v in map(str, values) if v.isascii() and v.isdigit() and len(v) < 10]
        permitted = rules.importable_bodies(user)
        refused = Body.objects.filter(pk__in=pks).exclude(pk__in=permitted).order_by("name")
        names = list(refused.values_list("name", flat=True))
        return names, list(permitted.order_by("name").values_list("name", flat=True))

    return check


def _leave_out_others(grade_items, finding_items, offered):
    """Items the report gives bodies the user may not name start left out, with those bodies'
    names to show; a finding directed at several keeps the ones the user may name. Nothing is
    dropped unseen: the review shows each item with the reason, and a posted body outside is
    refused beside its field."""
    names = dict(offered)
    outside = {}
    for item in grade_items:
        if item.body_id is not None and str(item.body_id) not in names:
            outside[id(item)] = [item.body_id]
            item.body_id = None
    for item in finding_items:
        others = [pk for pk in item.directed_at if str(pk) not in names]
        if others:
            outside[id(item)] = others
            item.directed_at = [pk for pk in item.directed_at if str(pk) in names]
    return outside


def build(report_import, inspection, data=None, basis=None, *, user):
    """The review for a GET (data None: initial values from the extraction) or a POST."""
    existing_findings, existing_grades = reconcile.existing_state(inspection, user)
    bodies, other_bodies = body_choices(report_import, inspection, user)
    extraction = report_import.extraction
    body_ids = {b["name"]: b["body_id"] for b in extraction["bodies"] if b.get("body_id")}
    body_names = {pk: name for name, pk in body_ids.items()}
    grade_items, finding_items = reconcile.items_from_extraction(extraction, body_ids)
    outside = _leave_out_others(grade_items, finding_items, bodies)
    reconcile.match(grade_items, finding_items, existing_findings, existing_grades)
    causes = [
        (item.key, f"{index + 1}. {item.text[:80]}")
        for index, item in enumerate(finding_items)
        if item.kind == FindingKind.CAUSE_OF_CONCERN
    ]

    def others(item):
        return [body_names.get(pk, "") for pk in outside.get(id(item), [])]

    not_permitted = _not_permitted(user)
    grades = GradeFormSet(
        data,
        prefix="grades",
        initial=[_grade_initial(item, others(item)) for item in grade_items],
        form_kwargs={"bodies": bodies, "not_permitted": not_permitted},
    )
    findings = FindingFormSet(
        data,
        prefix="findings",
        initial=[_finding_initial(item, others(item)) for item in finding_items],
        form_kwargs={"bodies": bodies, "causes": causes, "not_permitted": not_permitted},
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
        other_bodies=other_bodies,
    )


def _grade_initial(item, outside):
    return {
        "remove": not item.body_id and bool(outside),
        "outside": outside,
        "body": str(item.body_id or ""),
        "question": item.question,
        "grade": item.grade,
        "is_overall": item.is_overall,
        "existing": item.existing_id,
        "line": item.line,
        "end_line": item.end_line,
        "change": item.change,
    }


def _finding_initial(item, outside):
    return {
        "remove": not item.directed_at and bool(outside),
        "outside": outside,
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


def refuse_unchangeable(review):
    """A kept row may name an existing finding or grade (hidden fields, from the browser) only if
    it is one the review compared against: the inspection's own that the user may change. Any
    other id gets an error on its row and nothing is saved."""
    ok = True
    for forms, existing, what in (
        (review.grades.forms, review.existing_grades, "grade"),
        (review.findings.forms, review.existing_findings, "finding"),
    ):
        allowed = {record.pk for record in existing}
        for form in forms:
            pk = form.cleaned_data.get("existing") if form.kept else None
            if pk is not None and pk not in allowed:
                form.add_error(
                    None,
                    f"This row names a {what} that is not in this inspection or that you may "
                    "not change, so it cannot be saved. Leave it out, or discard this import "
                    "and start again.",
                )
                ok = False
    return ok


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
