"""Load a gold set's readouts through the real ingest path and read them back as an export.

This is the one place the evaluation touches the writer (``ingest_bytes``); everything runs in
a transaction that is rolled back, so even a mistaken database is left as it was.

A ``SOURCES.tsv`` beside gold.json (as in tests/data/corpus) is read as the manifest
(``writing/manifest.py``): its ``published`` column is the publication date that "today" counts
from when a text has no dateline, and ``language`` chooses the rules, as ``load_readouts`` uses
them. Its publisher (free text in the corpus) and annotation columns (call date, participants,
initiator) are not read: they are what is measured, not input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from readouts.models import Call
from readouts.parsing import ParseError
from readouts.present.export import call_to_dict
from readouts.writing.ingest import ingest_bytes
from readouts.writing.manifest import FILE_NAME, Source, read_manifest
from readouts.writing.reference import sync_reference_data
from readouts.writing.vocabulary import Vocabulary


@dataclass
class Loaded:
    export: dict  # the export_calls shape: {"calls": [...]}
    refused: dict[str, str] = field(default_factory=dict)  # file name -> reason
    warnings: dict[str, list[str]] = field(default_factory=dict)


class _Rollback(Exception):
    pass


def manifest_of(folder: Path) -> dict[str, Source]:
    manifest = folder / FILE_NAME
    return read_manifest(manifest, required=("file", "published")) if manifest.is_file() else {}


def load_gold_set(folder: Path, gold: dict) -> Loaded:
    """Ingest every readout ``gold`` lists (files beside gold.json), export, roll back."""
    loaded = Loaded(export={"calls": []})
    sources = manifest_of(folder)
    try:
        with transaction.atomic():
            sync_reference_data()
            vocabulary = Vocabulary.from_database()
            for entry in gold["readouts"]:
                name = entry["file"]
                try:
                    row = sources.get(name)
                    result = ingest_bytes(
                        (folder / name).read_bytes(),
                        source=name,
                        vocabulary=vocabulary,
                        published=row.published if row else None,
                        language=row.language if row else "",
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
