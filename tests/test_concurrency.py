"""Two ``load_readouts`` of the same folder at once end with every row once and both exit 0.

Only PostgreSQL runs two writers truly at once (SQLite serialises them with a file lock), so
this is where the unique constraints, not the timing, have to keep duplicates out.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from readouts.models import Call, Official, Participant, Readout, Statement
from readouts.parsing import decode_readout
from readouts.writing.vocabulary import Vocabulary

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite never runs two writers at once",
)


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_load(folder: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "0"}
    env.setdefault("DJANGO_SECRET_KEY", "tests-only-not-secret")
    return subprocess.Popen(
        [sys.executable, "manage.py", "load_readouts", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_loads_of_one_folder_at_once_store_each_row_once(round_):
    runs = [start_load(SEEDS[0].parent) for _ in range(2)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for status, stdout, stderr in results:
        assert status == 0, stdout + stderr
        assert f"{len(SEEDS)} files" in stdout

    assert Readout.objects.count() == len(SEEDS)
    assert Call.objects.count() == len(SEEDS)
    assert not Official.objects.values("slug").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert (
        not Participant.objects.values("call", "official").annotate(n=Count("pk")).filter(n__gt=1)
    )
    # Each readout holds exactly the statements its file parses to: no writer added its own twice.
    vocabulary = Vocabulary.from_database()
    for path in SEEDS:
        expected = len(vocabulary.parse(decode_readout(path.read_bytes())).statements)
        assert Statement.objects.filter(readout__source=path.name).count() == expected
    # A later load of the same folder finds everything already there.
    rerun = start_load(SEEDS[0].parent)
    status, stdout, stderr = rerun.wait(timeout=300), *rerun.communicate()
    assert status == 0 and f"0 created, 0 updated, {len(SEEDS)} unchanged" in stdout, stderr
