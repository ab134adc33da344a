"""Upload checks by content, not by file name."""

from django.core.exceptions import ValidationError

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def validate_image(upload):
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError("The image must be 2 MB or smaller.")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if not any(head.startswith(signature) for signature in IMAGE_SIGNATURES):
        raise ValidationError("The image must be a PNG or JPEG file.")
