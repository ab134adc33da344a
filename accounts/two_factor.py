"""Two-factor sign-in with an authenticator app (TOTP, django-otp).

A user who has confirmed an authenticator app enters a code after their password; a user whose
office requires two-factor sign-in sets one up before anything else.
"""

import base64
import io
import time

import qrcode
import qrcode.image.svg
from django.contrib.auth import get_user_model
from django.dispatch import Signal
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from accounts import access

# Set at sign-in for a user with no authenticator app, so later requests need not look again.
# (An app added in another session counts from the next sign-in.)
NO_DEVICE_KEY = "two_factor_no_device"
# The key of the app being set up, until the user enters a correct code from it.
PENDING_KEY = "two_factor_pending_key"


def note_device_at_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        if confirmed_device(user) is None:
            request.session[NO_DEVICE_KEY] = user.pk
        else:
            request.session.pop(NO_DEVICE_KEY, None)


# Sent when a user adds an authenticator app; receivers revoke what the password alone made and
# return whether they revoked anything.
app_added = Signal()


def lock_user(user):
    """Lock the user's row: adding an app and minting a token or feed address take turns."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()


def end_other_sessions(request):
    """Sign the user out everywhere but here, and revoke their API token and calendar address:
    what was signed in or made with the password alone must not outlive the app being added (a
    session that noted "no app" at sign-in would otherwise never be asked for a code). Sessions
    are not indexed by user, so the live ones are read; this runs only when an app is added.
    Whether anything was revoked."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    user_pk = str(request.user.pk)
    current = request.session.session_key
    stale = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.pk != current and session.get_decoded().get("_auth_user_id") == user_pk
    ]
    Session.objects.filter(pk__in=stale).delete()
    revoked = Token.objects.filter(user=request.user).delete()[0] > 0
    # Apps above this one revoke their own secrets (the calendar feed's address).
    replies = app_added.send(sender=end_other_sessions, user=request.user)
    return revoked or any(reply for _, reply in replies)


def may_mint_secrets(request):
    """Whether this session may make a token or feed address now (the user's row locked): not
    a password-only session of a user who has an app, or whose office requires one."""
    lock_user(request.user)
    if request.user.is_verified():
        return True
    return confirmed_device(request.user) is None and not required(request.user)


def lacks_required_app(user):
    """The user's office requires two-factor sign-in and the user has no app: what the password
    alone made (an API token, a calendar address) does not work meanwhile."""
    return required(user) and confirmed_device(user) is None


def confirmed_device(user):
    return next(iter(devices_for_user(user, confirmed=True)), None)


def required(user):
    office = access.office(user)
    return office is not None and office.require_two_factor


def pending_device(request):
    """The app being set up, not saved: its key waits in the session (so reloading the page
    keeps the same secret) and a row is made only once the user enters a correct code."""
    key = request.session.get(PENDING_KEY)
    if key is None:
        key = request.session[PENDING_KEY] = default_key()
    return TOTPDevice(user=request.user, name="Authenticator app", key=key, confirmed=False)


def _totp(device, at, drift=0):
    """The device's TOTP generator at the time ``at`` (its step counts ``drift`` more)."""
    check = TOTP(device.bin_key, device.step, device.t0, device.digits, drift)
    check.time = at
    return check


def is_last_used_code(device, code):
    """Whether ``code`` is the one last used to sign in (a code works once): said so, rather
    than "wrong", to someone who signs in again within the same 30 seconds."""
    if device.last_t < 0:
        return False
    token = _totp(device, device.t0 + device.last_t * device.step).token()
    return f"{token:0{device.digits}d}" == code


def first_code_matches(device, code):
    """Whether ``code`` is the unsaved device's current code, writing nothing (django-otp's
    verify_token saves the device, which would make the row too early). The time step it used
    stays on the device, so once saved that code cannot sign in again."""
    check = _totp(device, time.time(), device.drift)
    if not check.verify(int(code), device.tolerance, device.last_t + 1):
        return False
    device.last_t = check.t()
    device.drift = check.drift
    return True


def secret(device):
    """The key people type into an app that cannot scan: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device):
    """The setup QR code as SVG markup (no image request, no inline script)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode().split("?>", 1)[-1]  # drop the XML declaration
