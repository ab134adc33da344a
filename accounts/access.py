"""Who a user is to the app: their office, whether they administer it, and the small helpers
every app's access rules are built on. The rules themselves live beside the data they guard
(``visible_to`` queryset methods and ``*_by(user)`` model methods in each app), so this module
knows no domain model.

- Administrators (superusers) see everything.
- Office members (staff and managers) see published inspections, and only their own office's
  responses. Anything else is a 404, so a URL never confirms that another office's draft exists.
- Staff write; managers also approve. Roles are groups, so permissions are Django's own.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404


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


def acts_for(user, policing_body_id):
    """Administrators act for every office; a member for their own (a ROCU has no office, and
    a user without one acts for none)."""
    if is_administrator(user):
        return True
    own = office(user)
    return own is not None and policing_body_id == own.pk


def is_manager(user):
    """Managers approve responses and report to the Police and Crime Panel; the permission
    names the role (accounts.roles), so no model is needed to ask."""
    return office(user) is not None and user.has_perm("responses.approve_section55response")


def office_scoped(queryset, user, field="policing_body"):
    """``queryset`` as ``user`` may see it when each row belongs to an office (``field``):
    administrators every row, a member their own office's, anybody else none."""
    if is_administrator(user):
        return queryset
    own = office(user)
    if own is None:
        return queryset.none()
    return queryset.filter(**{field: own})


def for_request(scope):
    """A ``scope(user)`` (a ``visible_to`` method) as a FilterSet ``queryset=`` callable.
    django-filter calls it with the request, so a filter's choices (the browsable API and the
    pages show them) and the ids it accepts are those the user may see: a hidden id is refused
    exactly as a missing one, and no form lists another office's draft or an embargoed report.
    No request, nothing."""

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
