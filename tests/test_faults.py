"""Writers beside writers, and writers killed at a random moment: real processes on a real
database (a SQLite file; on PostgreSQL, the test database).

Two loads, a demo generation and an admin-like edit at once all succeed, serialised by the
database; a ``kill -9`` of ``load_readouts`` or ``generate_demo_archive`` leaves the archive
consistent (``readouts.writing.consistency``), and running the command again completes the job
without a duplicate.
"""

import random
import sys

import pytest
from django.db import connection

from bench.faults.processes import (
    CORPUS,
    EDITS,
    REFERENCE,
    check,
    corpus_copy,
    kill_at_random,
    manage,
    start,
)

from .test_concurrency import database_url

CORPUS_FILES = len(list(CORPUS.glob("*.txt")))


@pytest.fixture
def texts(tmp_path):
    return str(corpus_copy(tmp_path / "texts"))


# On PostgreSQL the subprocesses write to the test database, so the tests must see it committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(tmp_path):
    """A migrated, empty archive the subprocesses share."""
    if connection.vendor == "postgresql":
        url = database_url()
        assert url.rsplit("/", 1)[1].startswith("test_"), url  # never a database of our own
        return url
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    status, _, stderr = manage(url, "migrate", "--no-input", "-v0")
    assert status == 0, stderr
    return url


def consistent(url: str) -> dict:
    report = check(url)
    assert report["problems"] == []
    assert report["duplicate_slugs"] == report["duplicate_texts"] == 0
    return report


def test_writers_at_once_all_succeed_one_after_the_other(archive, texts):
    manage(archive, "shell", "-c", REFERENCE)  # the offices the edits change
    runs = [
        start(archive, "generate_demo_archive", "--calls", "400", "--batch-size", "50"),
        start(archive, "load_readouts", texts),
        start(archive, "load_readouts", texts),
        start(archive, "shell", "--no-imports", "-c", EDITS),
    ]
    for run in runs:
        stdout, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stdout + stderr
        assert "locked" not in stdout + stderr
    report = consistent(archive)
    assert report["demo_calls"] == 400
    assert report["readouts"] - report["demo_readouts"] == CORPUS_FILES
    status, stdout, _ = manage(archive, "load_readouts", texts)
    assert status == 0 and f"0 created, 0 updated, {CORPUS_FILES} unchanged" in stdout
    assert report["served_count"] == report["calls"]


@pytest.mark.parametrize("round_", range(2))
def test_a_killed_load_readouts_leaves_a_consistent_archive_a_rerun_completes(
    archive, texts, round_
):
    seed = random.randrange(1_000_000)
    print(f"seed {seed}", file=sys.stderr)  # shown when the test fails
    load = start(archive, "load_readouts", texts)
    where = kill_at_random(load, CORPUS_FILES, random.Random(seed))
    assert consistent(archive)["readouts"] <= CORPUS_FILES, where

    status, stdout, stderr = manage(archive, "load_readouts", texts)
    assert status == 0, stdout + stderr
    report = consistent(archive)
    assert report["readouts"] == CORPUS_FILES
    assert report["served_count"] == report["calls"]


@pytest.mark.parametrize("round_", range(2))
def test_a_killed_demo_generation_leaves_a_consistent_archive_a_rerun_completes(archive, round_):
    seed = random.randrange(1_000_000)
    print(f"seed {seed}", file=sys.stderr)
    command = ("generate_demo_archive", "--calls", "600", "--batch-size", "100", "--seed", "4")
    generation = start(archive, *command, "-v2")  # one line per batch written
    where = kill_at_random(generation, 5, random.Random(seed))
    assert consistent(archive)["demo_calls"] <= 600, where

    status, stdout, stderr = manage(archive, *command)
    assert status == 0, stdout + stderr
    complete = consistent(archive)
    assert complete["served_count"] == complete["calls"]
    # Nothing is missing: one more run finds every call already there.
    status, stdout, _ = manage(archive, *command)
    assert status == 0 and "0 demo calls written" in stdout
    assert check(archive)["demo_calls"] == complete["demo_calls"]
