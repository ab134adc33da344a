from django.shortcuts import redirect
from django.urls import reverse

from accounts import two_factor

# Pages a signed-in user can reach before confirming a code: signing out and what pages load.
OPEN_PREFIXES = ("/accounts/logout/", "/static/", "/healthz", "/favicon")
# Setting up (or removing) an app, for a user who has none yet: what their office may require.
SETUP_PREFIX = "/accounts/two-factor/"


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
            verify_url = reverse("two_factor_verify")
            # Most users have no app: sign-in noted that, so no lookup on every request.
            no_device = request.session.get(two_factor.NO_DEVICE_KEY) == user.pk
            if not no_device and two_factor.confirmed_device(user) is not None:
                # A password alone must not add, replace or remove an app: only the code page.
                if request.path != verify_url:
                    return redirect(f"{verify_url}?next={request.get_full_path()}")
            elif two_factor.required(user) and not request.path.startswith(SETUP_PREFIX):
                return redirect(f"{reverse('two_factor_setup')}?next={request.get_full_path()}")
        return self.get_response(request)
