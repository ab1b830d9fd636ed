"""Shared fixtures: the reference vocabulary and small factories that go through the real ingest."""

from pathlib import Path

import pytest

from readouts import ingest
from readouts.reference import sync_reference_data

ROOT = Path(__file__).resolve().parent.parent
# The seed readouts (French, from the Azerbaijani presidency) that `make run` loads.
SEEDS = sorted((ROOT / "fixtures" / "readouts").glob("*.txt"))
# Real English readouts from the US side, with their expected extraction beside them.
SAMPLES = sorted((ROOT / "tests" / "data" / "samples").glob("*.txt"))


@pytest.fixture
def vocabulary(db):
    """Offices, officials and topics from the fixtures, as ``load_readouts`` sees them."""
    sync_reference_data()


@pytest.fixture
def load(vocabulary):
    """Ingest a text (or a file path) through the one writer; returns the IngestResult."""

    def _load(text_or_path, **options):
        if isinstance(text_or_path, Path):
            options.setdefault("source", text_or_path.name)
            return ingest.ingest_bytes(text_or_path.read_bytes(), **options)
        return ingest.ingest_text(text_or_path, **options)

    return _load


@pytest.fixture
def seeds(load):
    return [load(path) for path in SEEDS]
