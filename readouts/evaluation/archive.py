"""Load a gold set's readouts through the real ingest path and read them back as an export.

This is the one place the evaluation touches the writer (``ingest_bytes``); everything runs in
a transaction that is rolled back, so even a mistaken database is left as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from readouts.export import call_to_dict
from readouts.ingest import ingest_bytes
from readouts.models import Call
from readouts.parsing import ParseError
from readouts.reference import sync_reference_data


@dataclass
class Loaded:
    export: dict  # the export_calls shape: {"calls": [...]}
    refused: dict[str, str] = field(default_factory=dict)  # file name -> reason
    warnings: dict[str, list[str]] = field(default_factory=dict)


class _Rollback(Exception):
    pass


def load_gold_set(folder: Path, gold: dict) -> Loaded:
    """Ingest every readout ``gold`` lists (files beside gold.json), export, roll back."""
    loaded = Loaded(export={"calls": []})
    try:
        with transaction.atomic():
            sync_reference_data()
            for entry in gold["readouts"]:
                name = entry["file"]
                try:
                    result = ingest_bytes((folder / name).read_bytes(), source=name)
                except (ParseError, OSError) as error:
                    loaded.refused[name] = str(error)
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
