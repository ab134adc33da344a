"""Loads the reference data in data/reference.yaml (regions, forces, policing bodies, ROCUs)."""

from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from core.loading import LoadReport, ensure, read_yaml
from forces.choices import BodyKind
from forces.models import Body, LocalPolicingBody, Region, default_deadline_convention

REFERENCE_FILE = Path(__file__).parent / "data" / "reference.yaml"


@transaction.atomic
def load_reference(path=REFERENCE_FILE):
    data = read_yaml(path)
    conventions = data.get("deadline_conventions", {})
    report = LoadReport()
    forces = {}
    for region_data in data["regions"]:
        region = ensure(
            Region,
            {"slug": slugify(region_data["name"])},
            {"name": region_data["name"]},
            report=report,
        )
        for name, short_name, body_name, body_kind, *aliases in region_data["forces"]:
            policing_body = ensure(
                LocalPolicingBody,
                {"slug": slugify(short_name)},
                {
                    "name": body_name,
                    "kind": body_kind,
                    "deadline_convention": conventions.get(
                        body_name, default_deadline_convention()
                    ),
                },
                report=report,
            )
            forces[name] = ensure(
                Body,
                {"slug": slugify(name)},
                {
                    "kind": BodyKind.FORCE,
                    "name": name,
                    "short_name": short_name,
                    "aliases": "\n".join(aliases),
                    "region": region,
                    "policing_body": policing_body,
                },
                report=report,
            )
    regions = {r.name: r for r in Region.objects.all()}
    for rocu in data["rocus"]:
        ensure(
            Body,
            {"slug": slugify(rocu["short_name"])},
            {
                "kind": BodyKind.ROCU,
                "name": rocu["name"],
                "short_name": rocu["short_name"],
                "aliases": "\n".join(rocu.get("aliases", [])),
                "region": regions[rocu["region"]],
            },
            m2m={"members": [forces[name] for name in rocu["members"]]},
            report=report,
        )
    return report
