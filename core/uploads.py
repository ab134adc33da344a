"""Upload checks by content, not by file name."""

from django.core.exceptions import ValidationError

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def looks_like_pdf(head):
    # The PDF header may follow a little junk, but must be in the first 1,024 bytes.
    return b"%PDF-" in head[:1024]


def validate_image(upload):
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError("The image must be 2 MB or smaller.")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if not any(head.startswith(signature) for signature in IMAGE_SIGNATURES):
        raise ValidationError("The image must be a PNG or JPEG file.")


# Evidence files: PDF, Word (.docx, and old .doc), PNG and JPEG, recognised by their bytes.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old Word documents


def evidence_kind(upload):
    """'pdf', 'docx', 'doc', 'png' or 'jpeg' from the file's content, or None."""
    import zipfile

    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if looks_like_pdf(head):
        return "pdf"
    for signature, name in IMAGE_SIGNATURES.items():
        if head.startswith(signature):
            return name.lower()
    if head.startswith(OLE_SIGNATURE):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
    return None


def validate_evidence(upload, max_mb):
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(f"“{upload.name}” is larger than {max_mb} MB.")
    kind = evidence_kind(upload)
    if kind is None:
        raise ValidationError(
            f"“{upload.name}” must be a PDF, a Word document, or a PNG or JPEG image."
        )
    return kind
