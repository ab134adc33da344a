"""Optimistic concurrency: a form carries the version it was loaded at, and a save is refused if
someone else saved in between. The refusal says what they changed; the user's typing is kept."""

from dataclasses import dataclass

from django.db import transaction


@dataclass
class Change:
    field: str
    label: str
    theirs: object
    yours: object


class EditConflict(Exception):
    def __init__(self, current, changes, changed_by):
        super().__init__("edit conflict")
        self.current = current
        self.changes = changes
        self.changed_by = changed_by


def save_if_unchanged(instance, expected_version, values):
    """Apply ``values`` to a fresh, locked copy of ``instance`` if its version is still
    ``expected_version``; otherwise raise EditConflict describing the other person's changes."""
    model = type(instance)
    with transaction.atomic():
        current = model.objects.select_for_update().get(pk=instance.pk)
        if current.version != expected_version:
            raise EditConflict(
                current, _changes(current, expected_version, values), _last_editor(current)
            )
        for name, value in values.items():
            setattr(current, name, value)
        current.version += 1
        current.save()
    return current


def _changes(current, seen_version, yours):
    """Fields the other person changed since ``seen_version``, with their value and yours."""
    seen = current.history.filter(version=seen_version).order_by("-history_date").first()
    changes = []
    for name, mine in yours.items():
        theirs = getattr(current, name)
        before = getattr(seen, name) if seen is not None else None
        if seen is None or theirs != before:
            label = current._meta.get_field(name).verbose_name
            changes.append(Change(name, label[:1].upper() + label[1:], theirs, mine))
    return changes


def _last_editor(current):
    record = current.history.select_related("history_user").order_by("-history_date").first()
    return record.history_user if record is not None else None
