from django.core.management.base import BaseCommand, CommandError

from demo.national.generate import generate
from forces.reference import load_reference
from inspections.models import Inspection

DEMO_INSPECTIONS = 3


class Command(BaseCommand):
    help = (
        "Create a realistic, deterministic national data set for load and benchmark tests: about "
        "3,000 reports (2011-2025) on the 43 forces and 9 ROCUs, 40,000 findings, 6,000 Section "
        "55 responses with history, and a staff and a manager user per policing body."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="The same seed, the same data.")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiplies the number of reports (e.g. 0.01 for tests; above 1 adds copies).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Run although the database holds more than the demo inspections. Reports whose "
                "slug exists and users whose username exists are skipped, never created twice."
            ),
        )

    def handle(self, *args, seed, scale, force, verbosity, **options):
        if scale <= 0:
            raise CommandError("--scale must be above 0.")
        if Inspection.objects.count() > DEMO_INSPECTIONS and not force:
            raise CommandError(
                f"The database already holds more than the {DEMO_INSPECTIONS} demo inspections. "
                "Use --force to add the national data anyway (existing slugs are skipped)."
            )
        load_reference()
        log = self.stdout.write if verbosity >= 2 else None
        counts = generate(seed=seed, scale=scale, log=log)
        seconds = counts.pop("seconds")
        self.stdout.write(f"National data (seed {seed}, scale {scale:g}):")
        for label, count in sorted(counts.items()):
            self.stdout.write(f"  {label}: {count:,}")
        self.stdout.write(self.style.SUCCESS(f"Done in {seconds:.1f}s."))
