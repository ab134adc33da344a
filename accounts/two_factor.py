"""Two-factor sign-in with an authenticator app (TOTP, django-otp).

A user who has confirmed an authenticator app enters a code after their password; a user whose
office requires two-factor sign-in sets one up before anything else.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import access

# Set at sign-in for a user with no authenticator app, so later requests need not look again.
# (An app added in another session counts from the next sign-in.)
NO_DEVICE_KEY = "two_factor_no_device"


def note_device_at_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        if confirmed_device(user) is None:
            request.session[NO_DEVICE_KEY] = user.pk
        else:
            request.session.pop(NO_DEVICE_KEY, None)


def confirmed_device(user):
    return next(iter(devices_for_user(user, confirmed=True)), None)


def required(user):
    office = access.office(user)
    return office is not None and office.require_two_factor


def pending_device(user):
    """The user's unconfirmed app (made once, so reloading the page keeps the same secret)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


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
