"""Backup and restore: the demo data (with uploads, history, sign-ins) exported, restored into an
empty database, and compared row by row."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from core.backup import EXCLUDED

pytestmark = pytest.mark.django_db(transaction=True)

SKIPPED = {ContentType, Permission} | {
    model for model in apps.get_models() if model._meta.label_lower in EXCLUDED
}


def snapshot():
    """Every row of every model, as values, with many-to-many sets; permissions by codename."""
    rows = {}
    for model in apps.get_models():
        if model in SKIPPED or model._meta.proxy:
            continue
        fields = [f.attname for f in model._meta.concrete_fields]
        many = list(model._meta.many_to_many)
        table = []
        for obj in model.objects.order_by("pk"):
            values = [getattr(obj, name) for name in fields]
            for field in many:
                related = getattr(obj, field.name).all()
                if field.related_model is Permission:
                    values.append(sorted(p.codename for p in related))
                else:
                    values.append(sorted(r.pk for r in related))
            table.append(tuple(str(v) for v in values))
        rows[model._meta.label] = table
    return rows


def test_export_restore_round_trip(tmp_path, settings):
    from demo.users import create_demo_users
    from forces.models import Body
    from inspections.models import Finding
    from progress.services import Change, add_update
    from tests.conftest import load_all

    settings.MEDIA_ROOT = tmp_path / "media"
    load_all()
    create_demo_users()
    staff = (
        __import__("django.contrib.auth", fromlist=["get_user_model"])
        .get_user_model()
        .objects.get(username="norfolk.staff")
    )
    finding = Finding.objects.filter(directed_at__short_name="Norfolk").first()
    norfolk = Body.objects.get(short_name="Norfolk")
    evidence = SimpleUploadedFile("minutes.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    add_update(
        finding,
        norfolk,
        staff,
        Change(text="Board minutes", dated=datetime.date(2026, 1, 5), status="complete"),
        files=[(evidence, "png")],
    )
    before = snapshot()
    assert sum(len(t) for t in before.values()) > 400  # a real data set, not an empty one

    backup = tmp_path / "backup.zip"
    call_command("export_data", str(backup))
    with pytest.raises(CommandError, match="already holds data"):
        call_command("import_data", str(backup))

    call_command("flush", interactive=False, verbosity=0)
    for file in (tmp_path / "media").rglob("*"):
        if file.is_file():
            file.unlink()
    call_command("import_data", str(backup))

    after = snapshot()
    assert after.keys() == before.keys()
    for label in before:
        assert after[label] == before[label], label
    from progress.models import Evidence

    restored = Evidence.objects.get()
    assert restored.file.read().startswith(b"\x89PNG")
