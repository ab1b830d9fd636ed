"""Load a dataset's JSON Lines into an empty database: the proof that the dataset round-trips.

Rows are created with their ids, as the factories create rows; a call's topics and search rows
are derived data, recomputed by ``refresh_derived`` as every writer does, not loaded.
"""

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

# Columns the dataset adds for convenience, which are not columns of the model.
CONVENIENCE = {"statements": {"call_id", "date", "speaker_slug", "topics"}}


def _rows(folder, table):
    skip = CONVENIENCE.get(table, set())
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
    Readout.objects.bulk_create(
        Readout(**row, content_hash=hashlib.sha256(row["text"].encode()).hexdigest())
        for row in _rows(folder, "readouts")
    )
    Statement.objects.bulk_create(Statement(**row) for row in _rows(folder, "statements"))
    Statement.topics.through.objects.bulk_create(
        Statement.topics.through(**row) for row in _rows(folder, "statement_topics")
    )
    Mention.objects.bulk_create(Mention(**row) for row in _rows(folder, "mentions"))
    refresh_derived(list(Call.objects.values_list("pk", flat=True)))
