"""Whole-site backup as one zip: every database row (Django's serialiser, natural keys for
content types) and every uploaded file. Restoring goes into an empty, migrated database."""

import io
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

# XML, not JSON: Django's JSON encoder cuts timestamps to milliseconds; XML keeps them whole.
DATA_NAME = "data.xml"
MEDIA_PREFIX = "media/"
# Rebuilt by `migrate` (so restored by natural key, not copied) or not worth keeping.
EXCLUDED = ["contenttypes", "auth.permission", "sessions.session"]


class RestoreRefused(Exception):
    pass


def export_to(path):
    data = io.StringIO()
    call_command(
        "dumpdata",
        format="xml",
        natural_foreign=True,
        exclude=EXCLUDED,
        stdout=data,
        verbosity=0,
    )
    media = Path(settings.MEDIA_ROOT)
    count = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, data.getvalue())
        if media.exists():
            for file in sorted(p for p in media.rglob("*") if p.is_file()):
                archive.write(file, MEDIA_PREFIX + file.relative_to(media).as_posix())
                count += 1
    return count


def database_is_empty():
    user_models = [
        m
        for m in apps.get_models()
        if m._meta.app_label not in ("contenttypes", "auth", "sessions")
    ]
    return not any(m.objects.exists() for m in user_models if not m._meta.proxy)


def import_from(path):
    if not database_is_empty():
        raise RestoreRefused(
            "The database already holds data: restore into an empty, migrated one."
        )
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if DATA_NAME not in names:
            raise RestoreRefused(f"{path} is not a backup made by export_data.")
        with tempfile.TemporaryDirectory() as folder, transaction.atomic():
            fixture = Path(folder) / DATA_NAME  # loaddata reads the format from the suffix
            fixture.write_bytes(archive.read(DATA_NAME))
            # The backup holds the history rows; loading must not write new ones (many-to-many
            # loads would otherwise each record a change).
            with override_settings(SIMPLE_HISTORY_ENABLED=False):
                call_command("loaddata", str(fixture), verbosity=0)
        files = [n for n in names if n.startswith(MEDIA_PREFIX) and not n.endswith("/")]
        for name in files:
            relative = name[len(MEDIA_PREFIX) :]
            if ".." in Path(relative).parts or Path(relative).is_absolute():
                raise RestoreRefused(f"Unsafe path in backup: {name}")
            if default_storage.exists(relative):
                continue  # already there (a restore run twice): never overwrite a file
            with archive.open(name) as source:
                default_storage.save(relative, source)
    return len(files)
