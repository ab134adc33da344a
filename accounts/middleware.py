from django.shortcuts import redirect
from django.urls import reverse

from accounts import two_factor

# Pages a signed-in user can reach before confirming a code: signing out, the two-factor pages
# themselves, and what those pages load.
OPEN_PREFIXES = ("/accounts/two-factor/", "/accounts/logout/", "/static/", "/healthz", "/favicon")


class TwoFactorMiddleware:
    """Sends a signed-in user who has not confirmed a code to confirm one (or to set up an app
    when their office requires it). Token-authenticated API calls never carry a session user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            # Most users have no app: sign-in noted that, so no lookup on every request.
            no_device = request.session.get(two_factor.NO_DEVICE_KEY) == user.pk
            if not no_device and two_factor.confirmed_device(user) is not None:
                return redirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
            if two_factor.required(user):
                return redirect(f"{reverse('two_factor_setup')}?next={request.get_full_path()}")
        return self.get_response(request)
