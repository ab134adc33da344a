from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts import two_factor


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, reading the user's office with the user in one query, as
    accounts.backends does for sessions. A token is a password-only credential, so it stops
    working while the user's office requires two-factor sign-in and the user has no app."""

    def authenticate_credentials(self, key):
        model = self.get_model()
        try:
            token = model.objects.select_related("user__membership__policing_body").get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if two_factor.lacks_required_app(token.user):
            raise exceptions.AuthenticationFailed(
                "Your office requires two-factor sign-in: set up an authenticator app, then "
                "create a new token."
            )
        return (token.user, token)
