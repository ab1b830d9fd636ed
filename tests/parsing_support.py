"""Shared loaders for the parser tests: the gazetteer and topics from the fixtures, no Django."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from readouts.parsing import gazetteer_from_json, parse_readout, topic_cues_from_json

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS_DIR = ROOT / "tests" / "data" / "seeds"  # the two French seed readouts


@cache
def gazetteer():
    return gazetteer_from_json(json.loads((FIXTURES / "officials.json").read_text("utf-8")))


@cache
def topics():
    return topic_cues_from_json(json.loads((FIXTURES / "topics.json").read_text("utf-8")))


def parse(text: str):
    return parse_readout(text, gazetteer(), topics())
