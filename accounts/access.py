"""Who may see and change what. Every view builds its querysets here, and so do the API's
serializers (their related fields' choices) and the FilterSets (``for_request``).

- Administrators (superusers) see everything.
- Office members (staff and managers) see published inspections, and only their own office's
  responses. Anything else is a 404, so a URL never confirms that another office's draft exists.
- Staff write; managers also approve. Roles are groups, so permissions are Django's own.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef
from django.http import Http404

from forces.models import Body
from inspections.models import Finding, GradedJudgement, Inspection
from responses.choices import ResponseStatus
from responses.models import FindingResponse, Section55Response

# Statuses in which the letter's text may still change.
EDITABLE_STATUSES = [
    ResponseStatus.DRAFT,
    ResponseStatus.AWAITING_CHIEF,
    ResponseStatus.IN_REVIEW,
]


def membership(user):
    if not user.is_authenticated:
        return None
    return getattr(user, "membership", None)


def office(user):
    """The local policing body the user works for, or None."""
    member = membership(user)
    return member.policing_body if member else None


def is_administrator(user):
    return user.is_authenticated and user.is_superuser


def visible_inspections(user):
    if is_administrator(user):
        return Inspection.objects.all()
    if office(user) is None:
        return Inspection.objects.none()
    return Inspection.objects.published()


def visible_findings(user):
    """Findings of the inspections the user may see."""
    return Finding.objects.filter(inspection__in=visible_inspections(user))


def visible_grades(user):
    """Graded judgements of the inspections the user may see."""
    return GradedJudgement.objects.filter(inspection__in=visible_inspections(user))


def visible_responses(user):
    if is_administrator(user):
        return Section55Response.objects.all()
    body = office(user)
    if body is None:
        return Section55Response.objects.none()
    return Section55Response.objects.filter(policing_body=body)


def visible_finding_responses(user):
    """Answers to findings within the responses the user may see."""
    return FindingResponse.objects.filter(response__in=visible_responses(user))


def for_request(scope):
    """One of the scopes above as a FilterSet ``queryset=`` callable. django-filter calls it with
    the request, so a filter's choices (the browsable API and the pages show them) and the ids
    it accepts are those the user may see: a hidden id is refused exactly as a missing one, and
    no form lists another office's draft or an embargoed report. No request, nothing."""

    def queryset(request):
        return scope(request_user(request))

    return queryset


def request_user(request):
    """The request's user; no request (a schema being built, a form drawn alone), nobody."""
    return getattr(request, "user", None) or AnonymousUser()


def get_visible_or_404(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def _own(user, response):
    return is_administrator(user) or response.policing_body_id == getattr(office(user), "pk", None)


def can_edit(user, response):
    return (
        _own(user, response)
        and user.has_perm("responses.change_section55response")
        and response.status in EDITABLE_STATUSES
    )


def can_edit_checklist(user, response):
    """The office checklist records what happened after approval, so it stays editable."""
    return _own(user, response) and user.has_perm("responses.change_checklistentry")


def can_approve(user, response):
    return _own(user, response) and user.has_perm("responses.approve_section55response")


def can_start_response(user, inspection):
    """An office member may start its office's response to a report covering its force."""
    body = office(user)
    return (
        body is not None
        and user.has_perm("responses.add_section55response")
        and inspection.bodies.filter(policing_body=body).exists()
    )


# -- report imports ---------------------------------------------------------------------------
def can_import(user):
    """Administrators and office members upload reports; others may not."""
    return is_administrator(user) or office(user) is not None


# An office imports only reports about its own force(s) alone: a joint, regional or national
# report also holds other offices' findings and grades, which an import could rewrite, re-point or
# add to (and publish, in a new inspection); administrators enter those. So an office names only
# its own forces, imports only into published inspections covering nothing else, and changes only
# findings and grades of its own forces.
def importable_bodies(user):
    """The forces and ROCUs a user may name in an import (covered, graded, directed at): an
    office its own forces (a ROCU belongs to no office); administrators any."""
    if is_administrator(user):
        return Body.objects.all()
    body = office(user)
    if body is None:
        return Body.objects.none()
    return Body.objects.filter(policing_body=body)


def importable_inspections(user):
    """Inspections a user may import findings into: for an office, published ones that cover
    its forces and no other body. An import's review shows the inspection's findings, so an
    office may not import into an unpublished or future-dated (embargoed) report either."""
    if is_administrator(user):
        return Inspection.objects.all()
    if office(user) is None:
        return Inspection.objects.none()
    covered = Inspection.bodies.through.objects.filter(inspection=OuterRef("pk"))
    elsewhere = covered.exclude(body__in=importable_bodies(user))
    return Inspection.objects.published().filter(Exists(covered)).exclude(Exists(elsewhere))


def importable_findings(user):
    """Findings an import by this user may change: those of inspections it may import into,
    directed at no body it may not name (a mis-entered finding for another force stays)."""
    if is_administrator(user):
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
    if is_administrator(user):
        return GradedJudgement.objects.all()
    return GradedJudgement.objects.filter(
        inspection__in=importable_inspections(user), body__in=importable_bodies(user)
    )


def visible_imports(user):
    from imports.models import ReportImport  # imports depends on accounts, not the reverse

    if is_administrator(user):
        return ReportImport.objects.all()
    body = office(user)
    if body is None:
        return ReportImport.objects.none()
    return ReportImport.objects.filter(office=body)


# -- progress to closure ----------------------------------------------------------------------
def can_update_progress(user, body):
    """An office updates its own forces' progress; administrators any force's."""
    if is_administrator(user):
        return True
    member_office = office(user)
    return member_office is not None and body.policing_body_id == member_office.pk


def can_report_to_panel(user):
    """Managers produce the Police and Crime Panel report for their office; administrators for
    any office."""
    return is_administrator(user) or (
        office(user) is not None and user.has_perm("responses.approve_section55response")
    )
