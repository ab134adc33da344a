"""Adding a progress update: the only way a progress record changes outside the admin.

The record is created on first update, locked while it changes, and the update keeps the status
and RAG it set, so the timeline shows every change with who made it and when.
"""

from dataclasses import dataclass

from django.db import transaction

from progress.models import Evidence, FindingProgress, ProgressUpdate


class StaleProgress(Exception):
    """Someone else updated the record after the form was drawn."""

    def __init__(self, current):
        super().__init__("stale progress")
        self.current = current


@dataclass
class Change:
    text: str
    dated: object
    status: str = ""
    rag: str = ""
    owner: str | None = None  # None: leave as it is
    target_date: object = None
    set_target: bool = False
    closed_on: object = None
    closed_by: str = ""


def add_update(finding, body, user, change, *, expected_version=None, files=()):
    """Record ``change`` on the force's progress for the finding; return the new update.

    ``files`` are (upload, kind) pairs already validated. ``expected_version`` is the record's
    version when the form was drawn (None for a bulk update, which only adds).
    """
    with transaction.atomic():
        progress, created = FindingProgress.objects.get_or_create(finding=finding, body=body)
        progress = FindingProgress.objects.select_for_update().get(pk=progress.pk)
        # Version 0 means the form was drawn before any record existed.
        unchanged = (created and expected_version == 0) or progress.version == expected_version
        if expected_version is not None and not unchanged:
            raise StaleProgress(progress)
        if change.status:
            progress.status = change.status
        if change.rag:
            progress.rag = change.rag
        if change.owner is not None:
            progress.owner = change.owner
        if change.set_target:
            progress.target_date = change.target_date
        if change.closed_on is not None:
            progress.closed_on = change.closed_on
            progress.closed_by = change.closed_by
        progress.version += 1
        progress.full_clean(exclude=["finding", "body"])
        progress.save()
        update = ProgressUpdate.objects.create(
            progress=progress,
            text=change.text,
            author=user,
            dated=change.dated,
            status=change.status,
            rag=change.rag,
        )
        for upload, kind in files:
            evidence = Evidence(update=update, name=upload.name[:255], kind=kind, size=upload.size)
            evidence.file.save(upload.name, upload, save=False)
            evidence.save()
    return update
