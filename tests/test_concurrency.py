"""Writers at once on PostgreSQL: two ``load_readouts`` of the same folder end with every row
once and both exit 0; two writers refreshing the same summary rows both count.

Only PostgreSQL runs two writers truly at once (SQLite serialises them with a file lock), so
this is where the unique constraints, not the timing, have to keep duplicates out.
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, connections, transaction
from django.db.models import Count

from readouts.models import Call, Official, OfficialTopic, Participant, Readout, Statement
from readouts.parsing import decode_readout
from readouts.writing.derived import refresh_derived
from readouts.writing.summaries import expected_summaries, stored_summaries
from readouts.writing.vocabulary import Vocabulary

from .conftest import SEEDS
from .factories import make_call, make_official, make_topic

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


@pytest.mark.django_db(transaction=True)
def test_two_writers_refreshing_one_officials_summaries_at_once_both_count():
    """Nearly every call shares summary rows with others (a president's topics and months);
    a second writer refreshing them while the first has not committed must wait for it, not
    fail on the unique constraint or lose the first one's count."""
    aliyev = make_official("Ilham Aliyev", country="AZ")
    calls = [
        make_call(date, [aliyev, make_official(name)])
        for date, name in (("2022-04-05", "Antony Blinken"), ("2022-04-19", "Jake Sullivan"))
    ]
    energy = make_topic("energy")
    first_refreshed, errors = threading.Event(), []

    def say_on(call, then=None):
        try:
            with transaction.atomic():
                readout = call.readouts.get()
                statement = Statement.objects.create(
                    readout=readout, order=99, speaker=aliyev, text="Gas flows to Europe."
                )
                statement.topics.add(energy)
                refresh_derived([call.pk])
                if then:
                    then()
        except Exception as error:  # the test reports whatever a writer raised
            errors.append(error)
        finally:
            connections.close_all()

    def hold_then_commit():
        first_refreshed.set()
        time.sleep(1)  # the second writer meanwhile reaches the summary rows

    first = threading.Thread(target=say_on, args=(calls[0], hold_then_commit))
    first.start()
    first_refreshed.wait(10)
    second = threading.Thread(target=say_on, args=(calls[1],))
    second.start()
    first.join(30)
    second.join(30)

    assert errors == []
    assert stored_summaries() == expected_summaries()
    row = OfficialTopic.objects.get(official=aliyev, topic=energy)
    assert row.statements == 2
