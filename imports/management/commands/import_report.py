"""Read a report from the command line: print a summary, optionally write the extraction as a
gold-format JSON file, or save it straight into an inspection (bulk loading by an administrator).
"""

import json
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from imports import documents, reconcile
from imports.extraction import extract_text
from imports.extraction.gold import to_gold
from imports.models import ReportImport
from inspections.choices import FindingKind
from inspections.models import Inspection


class Command(BaseCommand):
    help = "Extract grades and findings from a report (PDF or text) and print a summary."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", type=Path, dest="json_out", help="write the extraction here")
        parser.add_argument("--inspection", type=int, help="the inspection's id, for --save")
        parser.add_argument(
            "--save", action="store_true", help="save into --inspection without review"
        )
        parser.add_argument(
            "--user", default=None, help="administrator recorded as saving it (default: first)"
        )

    def handle(self, *args, file, json_out, inspection, save, user, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            text = documents.report_text(data)
        except documents.ReportUnreadable as error:
            raise CommandError(str(error)) from None
        extraction = extract_text(text)
        self._summary(extraction)
        if json_out:
            gold = to_gold(extraction, file.name)
            json_out.write_text(json.dumps(gold, indent=2, ensure_ascii=False), encoding="utf-8")
            self.stdout.write(f"Wrote {json_out}")
        if save:
            self._save(file, data, text, extraction, inspection, user)
        elif inspection is not None:
            raise CommandError("--inspection is used with --save")

    def _summary(self, extraction):
        kinds = Counter(f.kind for f in extraction.findings)
        self.stdout.write(f"Title: {extraction.title or '(not stated)'}")
        self.stdout.write(f"Published: {extraction.publication_date_text or '(not stated)'}")
        self.stdout.write(f"Bodies: {', '.join(b.name for b in extraction.bodies) or 'none'}")
        self.stdout.write(
            f"Grades: {len(extraction.graded_judgements)} ({extraction.grade_scale}-tier scale)"
        )
        for kind in FindingKind:
            self.stdout.write(f"{kind.label}: {kinds.get(kind, 0)}")
        for warning in extraction.warnings:
            self.stderr.write(warning)

    def _save(self, file, data, text, extraction, inspection_id, username):
        if inspection_id is None:
            raise CommandError("--save needs --inspection ID")
        inspection = Inspection.objects.filter(pk=inspection_id).first()
        if inspection is None:
            raise CommandError(f"No inspection with id {inspection_id}")
        users = get_user_model().objects.filter(is_superuser=True).order_by("pk")
        admin = users.filter(username=username).first() if username else users.first()
        if admin is None:
            raise CommandError("No administrator to record the save against (see --user)")
        report_import = ReportImport.objects.create(
            inspection=inspection,
            uploaded_by=admin,
            file_name=file.name,
            sha256=documents.digest(data),
            source_text=text,
            extraction=extraction.to_dict(),
        )
        try:
            outcome = reconcile.save_extraction(report_import, user=admin)
        except IntegrityError:
            report_import.delete()
            raise CommandError(
                "The report's findings clash with the inspection's (for example an area for "
                "improvement number already used). Nothing was saved; use the review screen."
            ) from None
        self.stdout.write(f"Saved into “{inspection.title}”: {outcome}")
