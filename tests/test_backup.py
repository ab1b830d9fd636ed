"""Nothing lost: ``dumpdata`` → a fresh database → ``loaddata`` gives back the same archive."""

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

from readouts.models import Call

from .factories import make_call, make_office, make_official, make_topic

ROOT = Path(__file__).resolve().parent.parent

# What README's backup line runs: everything but rows Django rebuilds itself on migrate.
DUMP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=admin.logentry",
    # The search index is the database engine's own table, rebuilt from the rows after a restore.
    "--exclude=readouts.CallSearchDocument",
    "--exclude=readouts.StatementSearchDocument",
    "--indent=1",
]


def build_archive():
    """Calls that use every table and the awkward values: month precision, joint statements,
    mentions, an initiator, an unreviewed official, several readouts of one call, non-ASCII."""
    president = make_office("az-president", "AZ", "President")
    secretary = make_office("us-secretary-of-state", "US", "Secretary of State")
    aliyev = make_official(
        "Ilham Aliyev", "AZ", office=president, name_variants=["Aliev", "Əliyev", "Алиев"]
    )
    blinken = make_official("Antony Blinken", "US", office=secretary, start=dt.date(2021, 1, 26))
    newcomer = make_official("Jeyhun Bayramov", "AZ", needs_review=True)
    make_topic("retired", "Retired").delete()  # a gap: restored, "peace" gets another id
    make_topic("peace", "Peace")
    call = make_call(
        "2022-03-16",
        [aliyev, blinken],
        initiator=blinken,
        statements=[
            (blinken, "Le Secrétaire d'État a exprimé son soutien.", ["peace"], "support"),
            (None, "Les deux parties ont souligné l'importance du dialogue.", [], "emphasis"),
        ],
        mentions=[("place", "Karabakh"), ("person", "Nikol Pashinyan")],
    )
    make_call(
        "2022-03-16",
        [aliyev, blinken],
        language="en",
        side="US",
        publisher="us-state",
        statements=[(blinken, 'Blinken said "peace" is within reach.', ["peace"], "hope")],
    )
    make_call("2023-07-01", [newcomer, blinken], precision="month", statements=[])
    return call


def export_calls(env=None) -> dict:
    if env is None:
        out = io.StringIO()
        call_command("export_calls", "--base-url=https://archive.example.org", stdout=out)
        return json.loads(out.getvalue())
    return json.loads(run("export_calls", "--base-url=https://archive.example.org", env=env))


def run(*args, env) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_dump_loaded_into_a_fresh_database_reproduces_the_export(db, tmp_path):
    call = build_archive()
    before = export_calls()
    assert len(before["calls"]) == 3 and before["calls"][0]["readouts"]

    dump = io.StringIO()
    call_command("dumpdata", *DUMP_ARGS, stdout=dump)
    dump_file = tmp_path / "archive.json"
    dump_file.write_text(dump.getvalue())

    # A brand-new SQLite file, whatever database the suite runs on: also a move between backends.
    fresh = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-only-not-secret",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    }
    run("migrate", "--no-input", "--verbosity=0", env=fresh)
    run("loaddata", str(dump_file), env=fresh)
    run("rebuild_search_index", env=fresh)

    assert export_calls(fresh) == before
    # The restored archive is searchable again: the same word finds the same calls.
    search = (
        "from readouts.models import Call; from readouts.search import search_calls; "
        "print(sorted(search_calls(Call.objects.all(), 'dialogue').values_list('slug', flat=True)))"
    )
    found = run("shell", "--no-imports", "-c", search, env=fresh).strip().splitlines()[-1]
    assert found == str([call.slug])
    # Row for row too, down to the timestamps and the unexported fields (warnings, hashes),
    # but for the derived lists of ids, which follow the ids the restore gave...
    assert without_id_lists(run("dumpdata", *DUMP_ARGS, env=fresh)) == without_id_lists(
        dump.getvalue()
    )
    # ... and are what the derived-data owner makes of the restored rows.
    check = (
        "from readouts.writing.consistency import problems; "
        "print([found for found in problems() if 'not as derived.py writes' in found])"
    )
    assert run("shell", "--no-imports", "-c", check, env=fresh).strip().splitlines()[-1] == "[]"


def without_id_lists(dump: str) -> list:
    """A dump's records without the derived columns that hold ids as text."""
    lists = {"readouts.call": Call.FACET_ID_COLUMNS, "readouts.statement": ("topic_ids",)}
    records = json.loads(dump)
    for record in records:
        for field in lists.get(record["model"], ()):
            record["fields"].pop(field)
    return records
