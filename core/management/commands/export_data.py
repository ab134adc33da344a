from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup import export_to


class Command(BaseCommand):
    help = "Write every database row and uploaded file to one zip (restore with import_data)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the zip to write, e.g. backup-2026-11-22.zip")

    def handle(self, *args, path, **options):
        files = export_to(path)
        self.stdout.write(f"Wrote {path}: the database and {files} uploaded file(s).")
