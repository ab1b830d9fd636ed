"""Load a gold set's readouts through the real ingest path and read them back as an export.

This is the one place the evaluation touches the writer (``ingest_bytes``); everything runs in
a transaction that is rolled back, so even a mistaken database is left as it was.

A ``SOURCES.tsv`` beside gold.json (as in tests/data/corpus) is read as the manifest: its
``published`` column is the publication date that "today" counts from when a text has no
dateline. Its annotation columns (call date, participants, initiator) are never read.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from readouts.export import call_to_dict
from readouts.ingest import ingest_bytes
from readouts.models import Call
from readouts.parsing import ParsedReadout, ParseError
from readouts.reference import sync_reference_data
from readouts.vocabulary import Vocabulary


@dataclass
class Loaded:
    export: dict  # the export_calls shape: {"calls": [...]}
    refused: dict[str, str] = field(default_factory=dict)  # file name -> reason
    warnings: dict[str, list[str]] = field(default_factory=dict)


class _Rollback(Exception):
    pass


@dataclass(frozen=True)
class _Published:
    """The vocabulary, parsing with the manifest's publication date.

    ingest does not take manifest fields yet; until it does, this hands them to the parser
    through ``Vocabulary.parse(text, published=...)``.
    """

    vocabulary: Vocabulary
    published: dt.date | None

    def parse(self, text: str) -> ParsedReadout:
        return self.vocabulary.parse(text, published=self.published)


def published_dates(folder: Path) -> dict[str, dt.date]:
    manifest = folder / "SOURCES.tsv"
    if not manifest.is_file():
        return {}
    with manifest.open(encoding="utf-8", newline="") as rows:
        return {
            row["file"]: dt.date.fromisoformat(row["published"])
            for row in csv.DictReader(rows, delimiter="\t")
            if row.get("published")
        }


def load_gold_set(folder: Path, gold: dict) -> Loaded:
    """Ingest every readout ``gold`` lists (files beside gold.json), export, roll back."""
    loaded = Loaded(export={"calls": []})
    published = published_dates(folder)
    try:
        with transaction.atomic():
            sync_reference_data()
            vocabulary = Vocabulary.from_database()
            for entry in gold["readouts"]:
                name = entry["file"]
                try:
                    result = ingest_bytes(
                        (folder / name).read_bytes(),
                        source=name,
                        vocabulary=_Published(vocabulary, published.get(name)),
                    )
                except (ParseError, OSError) as error:
                    loaded.refused[name] = str(error)
                    continue
                except Exception as error:  # a parser bug: count the file as not archived
                    loaded.refused[name] = f"unexpected error: {type(error).__name__}: {error}"
                    continue
                loaded.warnings[name] = list(result.warnings)
            calls = Call.objects.with_related().order_by("date", "slug")
            loaded.export = {"calls": [call_to_dict(c, lambda path: path) for c in calls]}
            # Round-trip through JSON so the scorer sees exactly what export_calls prints.
            loaded.export = json.loads(json.dumps(loaded.export, ensure_ascii=False))
            raise _Rollback
    except _Rollback:
        pass
    return loaded
