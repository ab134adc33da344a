"""Idle expiry without a database write on every request.

A session lasts SESSION_COOKIE_AGE from its last save. Saving it on every request (Django's
SESSION_SAVE_EVERY_REQUEST) costs an UPDATE and a commit per page; renewing it at most once a
minute keeps the idle limit to within a minute for a fraction of the writes.
"""

import time

RENEWED_KEY = "_renewed_at"
RENEW_AFTER_SECONDS = 60


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Never start a session for an anonymous visitor: only renew one that holds something.
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(RENEWED_KEY, 0) >= RENEW_AFTER_SECONDS:
                # Modified: SessionMiddleware saves it and sends the cookie again.
                session[RENEWED_KEY] = now
        return response


def note_renewal_at_sign_in(sender, request, user, **kwargs):
    """Signing in saves a new session: it counts as its first renewal."""
    if request is not None and hasattr(request, "session"):
        request.session[RENEWED_KEY] = int(time.time())
