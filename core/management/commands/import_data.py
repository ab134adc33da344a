from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import RestoreRefused, import_from


class Command(BaseCommand):
    help = "Restore a zip written by export_data into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        try:
            files = import_from(path)
        except RestoreRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(f"Restored {path}: the database and {files} uploaded file(s).")
