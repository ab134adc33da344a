"""Create-only loading of reference and demo data.

Loaders run on every ``make run``. They create what is missing and leave existing rows alone,
so an administrator's or a user's edit is never silently overwritten; where a row differs from
the shipped data the report says so instead. Running a loader twice changes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field

import yaml


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    differences: list = field(default_factory=list)

    def lines(self):
        labels = sorted(set(self.created) | set(self.existing))
        for label in labels:
            yield f"{label}: {self.created[label]} created, {self.existing[label]} already present"
        for difference in self.differences:
            yield f"left as edited: {difference}"


def ensure(model, lookup, values=None, *, m2m=None, report):
    """Return the row matching ``lookup``, creating it with ``values`` and ``m2m`` if missing.

    An existing row is not changed; fields that differ from ``values`` are recorded in
    ``report.differences``.
    """
    values = values or {}
    m2m = m2m or {}
    label = model._meta.verbose_name_plural
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model._default_manager.create(**lookup, **values)
        for name, related in m2m.items():
            getattr(obj, name).set(related)
        report.created[label] += 1
        return obj
    report.existing[label] += 1
    for name, wanted in values.items():
        if getattr(obj, name) != wanted:
            report.differences.append(f"{model._meta.verbose_name} “{obj}”: {name}")
    for name, related in m2m.items():
        if {r.pk for r in getattr(obj, name).all()} != {r.pk for r in related}:
            report.differences.append(f"{model._meta.verbose_name} “{obj}”: {name}")
    return obj
