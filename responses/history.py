"""The history of a response as one timeline: who changed what, and when.

Built from django-simple-history's records of the response, its finding responses and its
checklist, plus the workflow's status changes: four queries whatever the length of the history.
"""

from dataclasses import dataclass, field

from responses.models import ChecklistEntry, FindingResponse, Section55Response

# Bookkeeping and keys: who an answer belongs to is in the event's title.
IGNORED_FIELDS = {
    "id",
    "version",
    "updated_at",
    "created_at",
    "response",
    "finding",
    "inspection",
    "policing_body",
}


@dataclass
class FieldChange:
    label: str
    old: object
    new: object


@dataclass
class Event:
    when: object
    who: object
    title: str
    changes: list = field(default_factory=list)
    note: str = ""


def _label(model, name):
    label = model._meta.get_field(name).verbose_name
    return label[:1].upper() + label[1:]


def _display(record, name):
    value = getattr(record, name)
    model_field = record.instance_type._meta.get_field(name)
    if model_field.choices and value:
        return dict(model_field.flatchoices).get(value, value)
    return value if value not in (None, "") else "(blank)"


def _events_for(records, model, title_for):
    events = []
    previous = {}
    empty_rows = set()
    all_fields = [f.name for f in model._meta.concrete_fields if f.name not in IGNORED_FIELDS]
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        fields = all_fields
        if record.history_change_reason:
            # A workflow step: its status change is its own event, with the step's note.
            fields = [n for n in all_fields if n != "status"]
        first_write = record.history_type == "+" or before is None or before.id in empty_rows
        if first_write and record.history_type != "-":
            changed = [n for n in fields if getattr(record, n) not in (None, "")]
            changes = [FieldChange(_label(model, n), None, _display(record, n)) for n in changed]
            empty_rows.discard(record.id)
            if not changes:
                # A row created empty (an answer is created on its first save): the save
                # that follows is its first write.
                empty_rows.add(record.id)
                continue
        elif record.history_type == "-":
            changes = []
        else:
            changed = [
                n for n in fields if before is None or getattr(before, n) != getattr(record, n)
            ]
            changes = [
                FieldChange(_label(model, n), before and _display(before, n), _display(record, n))
                for n in changed
            ]
            if not changes:
                continue
        events.append(
            Event(record.history_date, record.history_user, title_for(record, first_write), changes)
        )
    return events


def timeline(response):
    """Every change to the response, newest first."""
    findings = {f.pk: f for f in response.inspection.findings.all()}
    verbs = {"+": "Created", "~": "Changed", "-": "Deleted"}

    def response_title(record, first_write):
        return f"{verbs[record.history_type]} the response"

    def answer_title(record, first_write):
        finding = findings.get(record.finding_id)
        name = finding.label.lower() if finding else "a finding"
        verb = "Wrote" if first_write else verbs[record.history_type]
        return f"{verb} the response to {name}"

    def checklist_title(record, first_write):
        item = dict(ChecklistEntry._meta.get_field("item").flatchoices).get(
            record.item, record.item
        )
        if record.history_type == "-":
            return f"Unticked “{item}”"
        return f"Ticked “{item}”" if record.history_type == "+" else f"Changed the date of “{item}”"

    sources = [
        (Section55Response, {"id": response.pk}, response_title),
        (FindingResponse, {"response_id": response.pk}, answer_title),
        (ChecklistEntry, {"response_id": response.pk}, checklist_title),
    ]
    events = []
    for model, lookup, title_for in sources:
        records = (
            model.history.filter(**lookup)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        events += _events_for(records, model, title_for)
    for change in response.status_changes.select_related("changed_by"):
        events.append(
            Event(
                change.changed_at,
                change.changed_by,
                f"Status: {change.get_from_status_display()} → {change.get_to_status_display()}",
                note=change.note,
            )
        )
    return sorted(events, key=lambda e: e.when, reverse=True)
