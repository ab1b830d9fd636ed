"""``make faults``: each fault scenario on a fresh archive, on SQLite and on PostgreSQL.

    python bench/faults/run.py [--short] [--databases sqlite postgresql] [--scenarios ...]

A scenario is a module beside this one with ``run(database_url, short) -> ScenarioResult``;
each gets a fresh, migrated database: a SQLite file in ``bench/results/`` (its cache folder
beside it), or the PostgreSQL database ``faults_<scenario>`` on ``$FAULTS_POSTGRES`` (default
``postgres://postgres@127.0.0.1:5432``), dropped and created again by this runner (only
``faults_*`` names: never a database it did not create). Prints the table of
``result.table`` with the time each took, and exits 1 when any scenario failed a request or
found the archive inconsistent.
"""

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench.faults.processes import ROOT, collect_static, must
from bench.faults.result import ScenarioResult, table

SCENARIOS = ["writers", "readers", "killed", "outage"]
RESULTS = ROOT / "bench" / "results"
POSTGRES_SERVER = os.environ.get("FAULTS_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def fresh_database(database: str, scenario: str) -> str:
    """An empty, migrated database for one scenario; returns its URL."""
    if database == "sqlite":
        path = RESULTS / f"faults-{scenario}.sqlite3"
        for stale in RESULTS.glob(f"faults-{scenario}.sqlite3*"):
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        url = f"sqlite:///{path}"
    else:
        server = POSTGRES_SERVER.rstrip("/")
        name = f"faults_{scenario}"
        maintenance = ["--maintenance-db", server + "/postgres"]
        subprocess.run(["dropdb", "--if-exists", *maintenance, name], check=True)
        subprocess.run(["createdb", *maintenance, name], check=True)
        url = f"{server}/{name}"
    must(url, "migrate", "--no-input", "-v0")
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="small loads, a few seconds each")
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--scenarios", nargs="+", default=SCENARIOS, choices=SCENARIOS)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    collect_static()  # gunicorn serves with the production settings: whitenoise's manifest
    results, timings = [], []
    begun = time.monotonic()
    for database in args.databases:
        for name in args.scenarios:
            started = time.monotonic()
            print(f"== {name} on {database}", flush=True)
            try:
                url = fresh_database(database, name)
                result = importlib.import_module(f"bench.faults.{name}").run(url, args.short)
            except Exception as error:  # a scenario that could not run is a failure too
                traceback.print_exc()
                result = ScenarioResult(name, database, consistent=False)
                result.fail(type(error).__name__)
                result.detail = str(error)[:300]
            result.database = database
            results.append(result)
            timings.append(f"{name} ({database}): {time.monotonic() - started:.0f} s")
    print()
    print(table(results))
    print()
    print("took " + ", ".join(timings) + f"; {time.monotonic() - begun:.0f} s in all")
    print(f"load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0 if all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
