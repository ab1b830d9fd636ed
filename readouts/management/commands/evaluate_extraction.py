"""``evaluate_extraction FOLDER``: measure the parser on a folder holding a gold.json."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from readouts.evaluation.archive import load_gold_set
from readouts.evaluation.floors import floors_for
from readouts.evaluation.score import readout_line, score, summary_line
from readouts.models import Call


class Command(BaseCommand):
    help = (
        "Load a gold set (FOLDER/gold.json and the readouts beside it) through ingest, score the "
        "archived result against the gold reading, print per readout and in total, and fail "
        "below the floors in readouts/evaluation/floors.json. Everything is rolled back."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--set",
            dest="set_name",
            default="",
            help="Which floors apply (default: the folder's name; unknown names get 'default').",
        )

    def handle(self, *args, folder, set_name, verbosity, **options):
        folder = Path(folder)
        gold_file = folder / "gold.json"
        if not gold_file.is_file():
            raise CommandError(f"{gold_file}: no such file")
        if Call.objects.exists():
            raise CommandError(
                "the archive is not empty: evaluate on an empty, throw-away database "
                "(make eval uses a temporary SQLite file)"
            )
        gold = json.loads(gold_file.read_text("utf-8"))
        loaded = load_gold_set(folder, gold)
        summary = score(loaded.export, gold)
        for readout_score in summary.scores:
            self.stdout.write(readout_line(readout_score))
            if readout_score.file in loaded.refused:
                self.stdout.write(f"    refused: {loaded.refused[readout_score.file]}")
            if verbosity >= 2:
                for warning in loaded.warnings.get(readout_score.file, []):
                    self.stdout.write(f"    warning: {warning}")
                if readout_score.mentions_missing:
                    missing = "; ".join(readout_score.mentions_missing)
                    self.stdout.write(f"    mentions missing: {missing}")
        name = set_name or folder.resolve().name
        floors = floors_for(name)
        short = summary.shortfalls(floors)
        line = f"{name}: {summary_line(summary)}"
        if short:
            below = ", ".join(f"{k} {summary.totals[k]:.2f} < {floors[k]:.2f}" for k in short)
            self.stdout.write(self.style.ERROR(f"{line}\nBELOW FLOORS: {below}"))
            raise CommandError(f"{name}: below the floors", returncode=1)
        self.stdout.write(self.style.SUCCESS(line))
