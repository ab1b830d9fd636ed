"""Shared loaders for the parser tests: the gazetteer, topics and thesaurus from the fixtures, no
Django."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from readouts.parsing import (
    gazetteer_from_json,
    parse_readout,
    thesaurus_from_json,
    topic_cues_from_json,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS_DIR = ROOT / "tests" / "data" / "seeds"  # the two French seed readouts


@cache
def gazetteer():
    return gazetteer_from_json(json.loads((FIXTURES / "officials.json").read_text("utf-8")))


@cache
def topics():
    return topic_cues_from_json(json.loads((FIXTURES / "topics.json").read_text("utf-8")))


@cache
def thesaurus():
    return thesaurus_from_json(json.loads((FIXTURES / "thesaurus.json").read_text("utf-8")))


def parse(text: str):
    return parse_readout(text, gazetteer(), topics(), thesaurus())
