"""Golden files: every readout listed in tests/data/gold/*.json must parse to what it says.

Each gold entry names a readout file (looked up beside the gold file, then in
tests/data/seeds/). Sentence ``n`` counts from the framing sentence (n=1), so statement
``order`` is ``n - 1``. One test per readout and field, so a failure says exactly what differs.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from readouts.parsing import BOTH

from .parsing_support import SEEDS_DIR, parse

GOLD_DIR = Path(__file__).resolve().parent / "data" / "gold"
FIELDS = (
    "language",
    "date",
    "initiator",
    "participants",
    "people",
    "organizations",
    "places",
    "documents",
    "topics",
    "statement_count",
    "statements",
)
MENTION_KINDS = {
    "people": "person",
    "organizations": "organization",
    "places": "place",
    "documents": "document",
}


def _entries():
    for gold_file in sorted(GOLD_DIR.glob("*.json")):
        for entry in json.loads(gold_file.read_text("utf-8"))["readouts"]:
            yield gold_file, entry


def _readout_path(gold_file: Path, name: str) -> Path:
    for folder in (gold_file.parent, SEEDS_DIR):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name} (listed in {gold_file.name})")


@cache
def _parsed(path: Path):
    return parse(path.read_text("utf-8"))


CASES = [
    pytest.param(gold_file, entry, field, id=f"{entry['file']}:{field}")
    for gold_file, entry in _entries()
    for field in FIELDS
]


@pytest.mark.parametrize(("gold_file", "entry", "field"), CASES)
def test_gold(gold_file, entry, field):
    parsed = _parsed(_readout_path(gold_file, entry["file"]))
    names = {p.slug: p.name for p in parsed.participants}
    names[BOTH] = BOTH

    if field == "language":
        assert parsed.language == entry["language"]
    elif field == "date":
        assert (parsed.date.isoformat(), parsed.date_precision) == (
            entry["date"],
            entry["date_precision"],
        )
    elif field == "initiator":
        assert names.get(parsed.initiator) == entry["initiator"]
    elif field == "participants":
        got = [(p.name, p.country, p.title_as_written) for p in parsed.participants]
        want = [(p["name"], p["country"], p["title_as_written"]) for p in entry["participants"]]
        assert sorted(got) == sorted(want)
    elif field in MENTION_KINDS:
        got = {m.name for m in parsed.mentions if m.kind == MENTION_KINDS[field]}
        assert got == set(entry["mentioned"][field]), f"{field}: got {got}"
    elif field == "topics":
        assert set(parsed.topics) == set(entry["topics"])
    elif field == "statement_count":
        assert len(parsed.statements) == len(entry["statements"])
    elif field == "statements":
        by_order = {s.order: s for s in parsed.statements}
        problems = []
        for want in entry["statements"]:
            got = by_order.get(want["n"] - 1)
            if got is None:
                problems.append(f"sentence {want['n']}: missing")
                continue
            if not got.text.startswith(want["starts"]):
                problems.append(f"sentence {want['n']}: starts {got.text[:60]!r}")
            if names.get(got.speaker, got.speaker) != want["speaker"]:
                problems.append(f"sentence {want['n']}: speaker {got.speaker!r}")
            if set(got.topics) != set(want["topics"]):
                problems.append(f"sentence {want['n']}: topics {got.topics} != {want['topics']}")
        assert not problems, "\n".join(problems)
