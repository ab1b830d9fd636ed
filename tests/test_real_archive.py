"""fixtures/readouts: every real readout the project may publish gets in, with its sources.

The folder holds the two seeds, the three US samples and the 22 readouts of the evaluation
corpus, with the SOURCES.tsv manifest saying where each was published. `make run` loads it.
"""

import json
import os
from pathlib import Path

import pytest
from django.urls import reverse

from readouts.models import Call, Readout
from readouts.writing.manifest import read_manifest

from .test_backup import export_calls, run
from .test_commands import run as command

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "readouts"
SOURCES = read_manifest(REAL / "SOURCES.tsv")

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    status, out, err = command("load_readouts", str(REAL))
    assert status == 0, err
    return out


def test_every_real_readout_gets_in_with_what_its_manifest_says(archive):
    files = sorted(path.name for path in REAL.glob("*.txt"))
    assert sorted(SOURCES) == files
    assert f"{len(files)} files: " in archive and " 0 failed" in archive
    stored = {r.source: r for r in Readout.objects.all()}
    assert sorted(stored) == files
    for name, row in SOURCES.items():
        readout = stored[name]
        assert not row.problem, name
        assert (readout.source_url, readout.published) == (row.source_url, row.published), name
        assert (readout.publisher, readout.relays) == (row.publisher, row.relays), name
        assert readout.language == row.language, name


def test_loading_it_twice_changes_nothing(archive):
    before = export_calls()
    status, out, _ = command("load_readouts", str(REAL))
    assert status == 0
    assert f"{len(SOURCES)} unchanged" in out and "0 created" in out
    assert export_calls() == before


def test_each_sides_readout_of_one_call_shows_side_by_side(client, archive):
    pairs = [call for call in Call.objects.all() if call.readouts.count() == 2]
    assert {call.date.isoformat() for call in pairs} == {"2022-04-05", "2022-09-13"}
    for call in pairs:
        sides = {r.side for r in call.readouts.all()}
        assert sides == {"AZ", "US"}  # an agency relaying the presidency is the AZ side
        page = client.get(call.get_absolute_url(), secure=True).content.decode()
        assert "Both sides, topic by topic" in page
    both = client.get(reverse("call-list"), {"sides": "both"}, secure=True)
    assert both.context["page_obj"].paginator.count == 2


def test_another_database_gives_the_same_export(archive, tmp_path):
    """Loaded into a brand-new SQLite file by another process: the same export_calls (the
    suite's own database is PostgreSQL in CI's second run, SQLite in its first)."""
    fresh = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "archive.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
    }
    run("migrate", "--no-input", "--verbosity=0", env=fresh)
    run("load_readouts", "--verbosity=0", str(REAL), env=fresh)
    here = export_calls()
    there = export_calls(env=fresh)
    assert json.dumps(there, sort_keys=True) == json.dumps(here, sort_keys=True)
