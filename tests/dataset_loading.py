"""Load a dataset's JSON Lines into an empty database: the proof that the dataset round-trips.

Rows are created with their ids, as the factories create rows; a call's topics and search rows
are derived data, recomputed by ``refresh_derived`` as every writer does, not loaded.
"""

import datetime as dt
import hashlib
import json

from readouts.models import (
    Call,
    Mention,
    Office,
    Official,
    Participant,
    Readout,
    Statement,
    Tenure,
    Topic,
)
from readouts.writing.derived import refresh_derived

# Columns the dataset adds for convenience (or as a day, ``reviewed``), not the model's columns.
CONVENIENCE = {
    "statements": {"call_id", "date", "speaker_slug", "topics"},
    "readouts": {"reviewed"},
}


def _midnight(day):
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.UTC) if day else None


def _rows(folder, table, keep_all=False):
    skip = set() if keep_all else CONVENIENCE.get(table, set())
    with open(folder / f"{table}.jsonl", encoding="utf-8") as lines:
        for line in lines:
            yield {key: value for key, value in json.loads(line).items() if key not in skip}


def load_dataset(folder):
    for model, table in [
        (Office, "offices"),
        (Official, "officials"),
        (Tenure, "tenures"),
        (Topic, "topics"),
        (Call, "calls"),
        (Participant, "participants"),
    ]:
        model.objects.bulk_create(model(**row) for row in _rows(folder, table))
    reviewed = {row["id"]: row["reviewed"] for row in _rows(folder, "readouts", keep_all=True)}
    Readout.objects.bulk_create(
        Readout(
            **row,
            content_hash=hashlib.sha256(row["text"].encode()).hexdigest(),
            reviewed_at=_midnight(reviewed[row["id"]]),
        )
        for row in _rows(folder, "readouts")
    )
    Statement.objects.bulk_create(Statement(**row) for row in _rows(folder, "statements"))
    Statement.topics.through.objects.bulk_create(
        Statement.topics.through(**row) for row in _rows(folder, "statement_topics")
    )
    Mention.objects.bulk_create(Mention(**row) for row in _rows(folder, "mentions"))
    refresh_derived(list(Call.objects.values_list("pk", flat=True)))
