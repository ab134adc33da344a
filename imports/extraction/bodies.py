"""Matching the names a report uses to the reference data's forces and ROCUs."""

import re
from dataclasses import dataclass, field

from forces.choices import BodyKind
from forces.models import Body

# "Eastern Region Special Operations Unit (ERSOU)": the bracketed short form is optional.
TRAILING_ABBREVIATION = re.compile(r"\s*\([A-Za-z&]{2,12}\)$")
LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def name_key(text):
    text = TRAILING_ABBREVIATION.sub("", text.strip().rstrip(":"))
    return LEADING_ARTICLE.sub("", text).replace("’", "'").casefold().strip()


@dataclass
class KnownBody:
    id: int
    name: str
    kind: str
    short_name: str
    region: str
    keys: set[str]
    members: list[str] = field(default_factory=list)  # a ROCU's member forces, by name

    @property
    def is_rocu(self):
        return self.kind == BodyKind.ROCU


def _keys(body):
    # A short name like "Kent" is a word in prose; an acronym like "ERSOU" is a name.
    names = [body.name, *(line.strip() for line in body.aliases.splitlines())]
    if body.short_name.isupper():
        names.append(body.short_name)
    return {name_key(name) for name in names if name}


class BodyDirectory:
    """Every force and ROCU with the names reports use for it."""

    def __init__(self, bodies):
        self.bodies = list(bodies)
        self._by_key = {}
        for body in self.bodies:
            for key in body.keys:
                self._by_key.setdefault(key, body)

    @classmethod
    def from_database(cls):
        bodies = Body.objects.select_related("region").prefetch_related("members")
        return cls(
            KnownBody(
                id=body.pk,
                name=body.name,
                kind=body.kind,
                short_name=body.short_name,
                region=body.region.name,
                keys=_keys(body),
                members=[member.name for member in body.members.all()],
            )
            for body in bodies
        )

    def match(self, text):
        """The body a name refers to, or None. Short names count only when distinctive
        ("ERSOU", "Norfolk Constabulary"), so "Kent" in prose is not a heading."""
        return self._by_key.get(name_key(text))

    def by_name(self, name):
        return next((body for body in self.bodies if body.name == name), None)
