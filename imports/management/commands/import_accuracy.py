"""Score the importer against hand-checked gold files: precision, recall and F1 per kind."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from imports.extraction import BodyDirectory, extract_text
from imports.extraction.gold import to_gold
from imports.extraction.scoring import MEASURES, score

DEFAULT_GOLD = Path(settings.BASE_DIR) / "tests" / "data" / "gold"
DEFAULT_SEEDS = Path(settings.BASE_DIR) / "demo" / "seeds"


def score_gold_file(gold_path, seeds_dir, directory):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = seeds_dir / gold.get("source_file", gold_path.with_suffix(".txt").name)
    if not source.exists():
        source = gold_path.with_suffix(".txt")
    extraction = extract_text(source.read_text(encoding="utf-8"), directory)
    return score(to_gold(extraction, source.name), gold)


class Command(BaseCommand):
    help = "Compare the importer's output on report texts with gold files; print P/R/F1."

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON folder")
        parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="report texts")
        parser.add_argument(
            "--min-f1", type=float, default=None, help="exit 1 if any measure scores lower"
        )

    def handle(self, *args, gold, seeds, min_f1, **options):
        files = sorted(gold.glob("*.json"))
        if not files:
            raise CommandError(f"No gold files in {gold}")
        directory = BodyDirectory.from_database()
        lowest = 1.0
        for path in files:
            scores = score_gold_file(path, seeds, directory)
            self.stdout.write(f"\n{path.stem}")
            self.stdout.write(
                f"  {'measure':<22}{'found':>7}{'gold':>6}{'right':>7}"
                f"{'precision':>11}{'recall':>8}{'F1':>7}"
            )
            for measure in MEASURES:
                s = scores[measure]
                lowest = min(lowest, s.f1)
                self.stdout.write(
                    f"  {measure:<22}{s.predicted:>7}{s.expected:>6}{s.correct:>7}"
                    f"{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
                )
        self.stdout.write(f"\nLowest F1: {lowest:.3f}")
        if min_f1 is not None and lowest < min_f1:
            raise CommandError(f"Lowest F1 {lowest:.3f} is below {min_f1}")
