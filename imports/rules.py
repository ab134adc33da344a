"""What an import may touch: who may upload, which bodies it may name, and which inspections,
findings and grades it may change. The pages (imports.views), the review (imports.review) and
the save (imports.reconcile) all ask here.

An office imports only reports about its own force(s) alone: a joint, regional or national
report also holds other offices' findings and grades, which an import could rewrite, re-point or
add to (and publish, in a new inspection); administrators enter those. So an office names only
its own forces, imports only into published inspections covering nothing else, and changes only
findings and grades of its own forces.
"""

from django.db.models import Exists, OuterRef

from accounts import access
from forces.models import Body
from inspections.models import Finding, GradedJudgement, Inspection


def can_import(user):
    """Administrators and office members upload reports; others may not."""
    return access.is_administrator(user) or access.office(user) is not None


def importable_bodies(user):
    """The forces and ROCUs a user may name in an import (covered, graded, directed at): an
    office its own forces (a ROCU belongs to no office); administrators any."""
    if access.is_administrator(user):
        return Body.objects.all()
    body = access.office(user)
    if body is None:
        return Body.objects.none()
    return Body.objects.filter(policing_body=body)


def importable_inspections(user):
    """Inspections a user may import findings into: for an office, published ones that cover
    its forces and no other body. An import's review shows the inspection's findings, so an
    office may not import into an unpublished or future-dated (embargoed) report either."""
    if access.is_administrator(user):
        return Inspection.objects.all()
    if access.office(user) is None:
        return Inspection.objects.none()
    covered = Inspection.bodies.through.objects.filter(inspection=OuterRef("pk"))
    elsewhere = covered.exclude(body__in=importable_bodies(user))
    return Inspection.objects.published().filter(Exists(covered)).exclude(Exists(elsewhere))


def importable_findings(user):
    """Findings an import by this user may change: those of inspections it may import into,
    directed at no body it may not name (a mis-entered finding for another force stays)."""
    if access.is_administrator(user):
        return Finding.objects.all()
    through = Finding.directed_at.through
    elsewhere = through.objects.filter(finding=OuterRef("pk")).exclude(
        body__in=importable_bodies(user)
    )
    return Finding.objects.filter(inspection__in=importable_inspections(user)).exclude(
        Exists(elsewhere)
    )


def importable_grades(user):
    """Graded judgements an import by this user may change: of bodies it may name, in
    inspections it may import into."""
    if access.is_administrator(user):
        return GradedJudgement.objects.all()
    return GradedJudgement.objects.filter(
        inspection__in=importable_inspections(user), body__in=importable_bodies(user)
    )
