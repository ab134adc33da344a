"""Upload checks by content, not by file name.

Every signature is looked for at the first byte. A check that finds it further in accepts
polyglots: an HTML page that mentions "%PDF-" in its first kilobyte passed as a PDF.
"""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError

MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def looks_like_pdf(head):
    # The PDF specification lets readers skip junk before the header; we need not accept it.
    return head.startswith(b"%PDF-")


def named_as(name, extensions):
    """``name`` ending in one of ``extensions`` (the first, unless it has one already).

    Stored files are named, and served, by what their content is: storages and browsers take
    the type from the extension, so "poster.svg" that is a PNG is kept as "poster.png".
    """
    path = PurePosixPath(name)
    if path.suffix.lower() in extensions:
        return path.name
    return f"{path.stem}{extensions[0]}"


def validate_image(upload):
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError("The image must be 2 MB or smaller.")
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8)
    upload.seek(position)
    if not any(head.startswith(signature) for signature in IMAGE_SIGNATURES):
        raise ValidationError("The image must be a PNG or JPEG file.")


def image_content_type(field_file):
    """The Content-Type of a stored image checked by validate_image, read from its bytes."""
    with field_file.open("rb") as image:
        head = image.read(8)
    for signature, name in IMAGE_SIGNATURES.items():
        if head.startswith(signature):
            return f"image/{name.lower()}"
    return "application/octet-stream"  # not an image we accept: served inert


# Evidence files: PDF, Word (.docx, and old .doc), PNG and JPEG, recognised by their bytes.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old Word documents
# Each kind's file name extensions (the first for a name that has none of them) and the
# Content-Type it is served with.
EVIDENCE_KINDS = {
    "pdf": ((".pdf",), "application/pdf"),
    "docx": (
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "doc": ((".doc",), "application/msword"),
    "png": ((".png",), "image/png"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
}
UNKNOWN_KIND = ((".bin",), "application/octet-stream")  # never recorded; served inert if it were


def evidence_name(name, kind):
    """The name an evidence file is stored and downloaded under: its kind's extension."""
    return named_as(name, EVIDENCE_KINDS.get(kind, UNKNOWN_KIND)[0])


def evidence_content_type(kind):
    return EVIDENCE_KINDS.get(kind, UNKNOWN_KIND)[1]


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
