from django.db.models import Case, IntegerField, Value, When

from accounts import access
from core.numbers import parse_id
from forces.models import LocalPolicingBody
from responses.deadlines import FindingState
from responses.models import Section55Response
from tracker.queries import tracker_rows

PAGE_SIZE = 25


FINDING_STATE_URGENCY = [FindingState.OVERDUE, FindingState.DUE_SOON, FindingState.OPEN]


def urgency(field, order):
    """A sort key: the values in ``order`` first, in that order, then every other value (a
    closed finding after the open ones; NULL would sort first)."""
    return Case(
        *(When(**{field: value}, then=Value(i)) for i, value in enumerate(order)),
        default=Value(len(order)),
        output_field=IntegerField(),
    )


def office_scope(request):
    """The office a dashboard is about: the user's own; an administrator may pick any."""
    if access.is_administrator(request.user):
        office_id = parse_id(request.GET.get("office"))
        if office_id is not None:
            return LocalPolicingBody.objects.filter(pk=office_id).first()
        return None
    return access.office(request.user)


def scoped_responses(request, office):
    responses = Section55Response.objects.visible_to(request.user)
    return responses.filter(policing_body=office) if office else responses


def scoped_rows(request, office):
    rows = tracker_rows(request.user)
    return rows.filter(body__policing_body=office) if office else rows
