"""Real English readouts (tests/data/samples/*.txt) against the expected JSON beside each.

The expectations were written by reading each text as a careful human would; sentence ``n``
counts from the framing sentence (n=1), so statement ``order`` is ``n - 1``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from readouts.parsing import BOTH

from .parsing_support import parse

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
FIELDS = (
    "language",
    "date",
    "initiator",
    "participants",
    "people",
    "publisher",
    "side",
    "topics",
    "statements",
)


@cache
def _parsed(name: str):
    return parse((SAMPLES / name).read_text("utf-8"))


# gold.json beside them is the `make eval` reading of all three (readouts/evaluation).
EXPECTED = sorted(p for p in SAMPLES.glob("*.json") if p.name != "gold.json")
CASES = [
    pytest.param(entry, field, id=f"{entry['file']}:{field}")
    for entry in (json.loads(p.read_text("utf-8")) for p in EXPECTED)
    for field in FIELDS
]


def test_every_sample_has_its_expectations():
    assert sorted(p.stem for p in SAMPLES.glob("*.txt")) == sorted(p.stem for p in EXPECTED)


@pytest.mark.parametrize(("entry", "field"), CASES)
def test_sample(entry, field):
    parsed = _parsed(entry["file"])
    names = {p.slug: p.name for p in parsed.participants} | {BOTH: BOTH}
    if field == "language":
        assert parsed.language == entry["language"]
    elif field == "date":
        got = (parsed.date.isoformat(), parsed.date_precision)
        assert got == (entry["date"], entry["date_precision"])
    elif field == "initiator":
        assert names.get(parsed.initiator) == entry["initiator"]
    elif field == "participants":
        got = [(p.name, p.country, p.title_as_written) for p in parsed.participants]
        want = [(p["name"], p["country"], p["title_as_written"]) for p in entry["participants"]]
        assert got == want
    elif field == "people":
        got = {m.name for m in parsed.mentions if m.kind == "person"}
        assert set(entry.get("people", [])) <= got
        assert not got & {p.name for p in parsed.participants}
    elif field in ("publisher", "side"):
        assert getattr(parsed, field) == entry[field]
    elif field == "topics":
        assert set(parsed.topics) == set(entry["topics"])
    elif field == "statements":
        assert len(parsed.statements) == len(entry["statements"])
        problems = []
        for want, got in zip(entry["statements"], parsed.statements, strict=True):
            assert got.order == want["n"] - 1
            if not got.text.startswith(want["starts"]):
                problems.append(f"sentence {want['n']}: starts {got.text[:60]!r}")
            if names.get(got.speaker, got.speaker) != want["speaker"]:
                problems.append(f"sentence {want['n']}: speaker {got.speaker!r}")
            if set(got.topics) != set(want["topics"]):
                problems.append(f"sentence {want['n']}: topics {got.topics} != {want['topics']}")
        assert not problems, "\n".join(problems)
