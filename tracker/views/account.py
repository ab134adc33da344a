from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from accounts import two_factor
from tracker.calendar import deadlines_calendar
from tracker.models import CalendarToken


@login_required
def account(request):
    token = CalendarToken.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(f"/calendar/{token.token}.ics") if token else None
    api_token = Token.objects.filter(user=request.user).first()
    return render(
        request,
        "tracker/account.html",
        {
            "token": token,
            "feed_url": feed_url,
            "api_token": api_token,
            "two_factor_on": two_factor.confirmed_device(request.user) is not None,
            "two_factor_required": two_factor.required(request.user),
        },
    )


@login_required
@require_POST
def api_token(request):
    return _replace_or_revoke(request, Token, "API token")


def _replace_or_revoke(request, model, name):
    """A user's secret (calendar or API token): the old one always stops working. Made only by
    a session that may (checked with the user's row locked, so an app added at the same moment
    either comes first and refuses it, or comes after and revokes it)."""
    with transaction.atomic():
        creating = request.POST.get("action") == "create"
        if creating and not two_factor.may_mint_secrets(request):
            messages.error(
                request, f"Enter the code from your authenticator app first: no {name} was made."
            )
            return redirect("tracker:account")
        model.objects.filter(user=request.user).delete()
        if creating:
            model.objects.create(user=request.user)
    if creating:
        messages.success(request, f"Your {name} has been created.")
    else:
        messages.success(request, f"Your {name} has been revoked. It no longer works.")
    return redirect("tracker:account")


@login_required
@require_POST
def calendar_token(request):
    return _replace_or_revoke(request, CalendarToken, "calendar feed address")


def calendar_feed(request, token):
    """No sign-in: the secret token is the credential (calendar apps cannot sign in)."""
    found = (
        CalendarToken.objects.select_related("user__membership__policing_body")
        .filter(token=token)
        .first()
    )
    if found is None or not found.user.is_active:
        raise Http404
    if two_factor.lacks_required_app(found.user):
        raise Http404  # a password-only secret, while the office requires two-factor sign-in
    return HttpResponse(deadlines_calendar(found.user, request), content_type="text/calendar")
