"""Fault scenario: the database goes away while the archive serves, then comes back.

The archive runs as in production (``serving.Server``: gunicorn, production settings, 2
workers). On PostgreSQL it reaches the database through a loopback ``proxy.Proxy``, which the
scenario first drops (every connection closed, the server back at once: a restart), then cuts
(connections closed, new ones refused) and restores, then freezes (new connections accepted,
never answered: a failover behind a pooler or load balancer) and restores. On SQLite another
process takes the file's exclusive lock (a long write, a backup tool), so each reader waits out
its busy timeout (5 s) and is refused; in WAL mode a lock never blocks readers, so there it
reports that it does not apply.

Expected, and anything else counted as a failure: 200 before the cut and after the drop;
during the cut and the freeze a 503 with ``Retry-After``, our page for HTML and
``{"detail": ...}`` for JSON; after each restore every answer 200, from the same worker PIDs
as before. ``detail`` says how many 503s were served and how long the first 200 after the
restore took.

Alone, while developing: ``.venv/bin/python -m bench.faults.outage postgres://…/db [--short]``.
"""

import argparse
import re
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .proxy import Proxy
from .result import ScenarioResult, table
from .serving import ROOT, Answer, Server, manage, production_env

# What a reader, a script and an API client ask for: (path, headers, what a 503 must be).
REQUESTS = [
    ("/", {}, "html"),
    ("/?format=json", {}, "json"),
    ("/api/v1/calls/", {}, "json"),
    ("/statements/", {"Accept": "application/json"}, "json"),
]
OUR_PAGE = "Temporarily unavailable"  # templates/503.html's heading, in English


def unexpected_in_outage(answer: Answer, kind: str) -> str | None:
    """Why an answer during the cut is not our 503, or None when it is."""
    if answer.status != 503:
        return str(answer.status)
    if not answer.headers.get("retry-after", "").isdigit():
        return "503 without Retry-After"
    if kind == "json":
        if not answer.headers.get("content-type", "").startswith("application/json"):
            return "503 not JSON"
        if '"detail"' not in answer.body:
            return "503 not JSON"
    elif OUR_PAGE not in answer.body or "Traceback" in answer.body:
        return "503 not our page"
    return None


class PostgresCut:
    """The archive's DATABASE_URL points at a proxy in front of the real server."""

    applies = True

    def __init__(self, database_url: str):
        self.url = urlsplit(database_url)
        self.proxy = Proxy(self.url.hostname or "127.0.0.1", self.url.port or 5432).start()
        user = self.url.netloc.rpartition("@")[0]
        netloc = f"{user}@127.0.0.1:{self.proxy.port}" if user else f"127.0.0.1:{self.proxy.port}"
        self.app_url = urlunsplit(self.url._replace(netloc=netloc))

    def drop(self):
        self.proxy.drop()

    def cut(self):
        self.proxy.cut()

    def freeze(self):
        self.proxy.freeze()

    def restore(self):
        self.proxy.restore()

    def close(self):
        self.proxy.close()


class SqliteLock:
    """Another connection holds the file's exclusive lock, as a long write or a backup does."""

    def __init__(self, database_url: str):
        self.app_url = database_url
        self.path = urlsplit(database_url).path
        self.holder: sqlite3.Connection | None = None
        with closing(sqlite3.connect(self.path)) as probe:
            self.journal = probe.execute("PRAGMA journal_mode").fetchone()[0]
        self.applies = self.journal.lower() != "wal"

    def cut(self):
        self.holder = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.holder.execute("BEGIN EXCLUSIVE")

    def restore(self):
        if self.holder is not None:
            self.holder.execute("ROLLBACK")
            self.holder.close()
            self.holder = None

    close = restore


def _ask(server: Server, result: ScenarioResult, path: str, headers: dict) -> Answer | None:
    try:
        return server.get(path, headers)
    except TimeoutError:
        result.fail("timeout")
    except OSError:
        result.fail("connection error")
    return None


def _expect_200(server: Server, result: ScenarioResult, rounds: int) -> None:
    for _ in range(rounds):
        for path, headers, _kind in REQUESTS:
            answer = _ask(server, result, path, headers)
            if answer is None:
                continue
            if answer.status == 200:
                result.latencies_ms.append(answer.ms)
            else:
                result.fail(str(answer.status))


def _outage(server: Server, result: ScenarioResult, seconds: float) -> int:
    """Every kind of request for ``seconds`` (one round at least); returns the 503s served."""
    started, served = time.monotonic(), 0
    while not served or time.monotonic() - started < seconds:
        for path, headers, kind in REQUESTS:
            answer = _ask(server, result, path, headers)
            if answer is None:
                continue
            reason = unexpected_in_outage(answer, kind)
            if reason:
                result.fail(reason)
            else:
                served += 1
                result.latencies_ms.append(answer.ms)
        if time.monotonic() - started > seconds + 120:
            break  # nothing but failures: they are counted, stop asking
    return served


def _recovery_ms(server: Server, result: ScenarioResult, rounds: int) -> float:
    """How long the first request after the restore took; every request after it must be 200."""
    restored_at = time.monotonic()
    first = _ask(server, result, *REQUESTS[0][:2])
    recovery = (time.monotonic() - restored_at) * 1000
    if first is not None and first.status != 200:
        result.fail(f"{first.status} after restore")
    _expect_200(server, result, rounds)
    return recovery


def run(database_url: str, short: bool) -> ScenarioResult:
    postgres = database_url.startswith(("postgres://", "postgresql://"))
    result = ScenarioResult("outage", "postgresql" if postgres else "sqlite")
    rounds, cut_seconds = (2, 3) if short else (10, 15)
    with tempfile.TemporaryDirectory(prefix="outage-") as work:
        direct = production_env(database_url, Path(work) / "static")
        manage(direct, "migrate", "--no-input")
        manage(direct, "collectstatic", "--no-input")
        manage(direct, "load_readouts", str(ROOT / "tests" / "data" / "seeds"))
        fault = PostgresCut(database_url) if postgres else SqliteLock(database_url)
        if not fault.applies:
            result.detail = f"does not apply: journal_mode={fault.journal} never blocks readers"
            return result
        server = Server(production_env(fault.app_url, Path(work) / "static"))
        try:
            server.wait_until_up()
            workers = server.worker_pids()
            _expect_200(server, result, rounds)
            if postgres:
                fault.drop()  # a restart: connections gone, the server answers again at once
                _expect_200(server, result, rounds)

            fault.cut()
            started = time.monotonic()
            served = _outage(server, result, cut_seconds)
            outage_seconds = time.monotonic() - started
            fault.restore()
            recovery = _recovery_ms(server, result, rounds)
            detail = [
                f"{served} 503s served in a {outage_seconds:.0f} s outage, "
                f"first 200 {recovery:,.0f} ms after the restore"
            ]
            if postgres:
                # A failover behind an address that still accepts connections: each request
                # waits out the settings' connect_timeout, then is our 503.
                fault.freeze()
                started = time.monotonic()
                served = _outage(server, result, 0)
                waited = (time.monotonic() - started) / max(served, 1)
                fault.restore()
                recovery = _recovery_ms(server, result, rounds)
                detail.append(
                    f"{served} 503s in a failover that never answered ({waited:.1f} s each), "
                    f"first 200 {recovery:,.0f} ms after it"
                )

            answered_by = {
                int(pid) for pid in re.findall(r"^<(\d+)>", "\n".join(server.access), re.M)
            }
            same = server.worker_pids() == workers and answered_by <= workers
            if not same:
                result.fail("workers replaced")
            detail.append(f"the same {len(workers)} workers throughout: {'yes' if same else 'NO'}")
            result.detail = "; ".join(detail)
        finally:
            server.stop()
            fault.close()
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--short", action="store_true")
    arguments = parser.parse_args()
    print(table([run(arguments.database_url, arguments.short)]))
