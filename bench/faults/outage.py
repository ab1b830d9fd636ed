"""Fault scenario: the database goes away while the archive serves, then comes back.

The archive runs as in production (``processes.Server``: gunicorn, production settings, 2
workers). On PostgreSQL it reaches the database through a loopback ``proxy.Proxy``, which the
scenario first drops (every connection closed, the server back at once: a restart), then cuts
(connections closed, new ones refused) and restores, then freezes (new connections accepted,
never answered: a failover behind a pooler or load balancer) and restores. On SQLite another
process first holds the write lock (a long write: in WAL mode readers never wait for it), then
the database file is moved away (a restore or a move gone wrong) and put back: a worker that
opens it while it is away finds an empty database created at the path, ``no such table``. The
workers' connections live ``SQLITE_CONN_MAX_AGE`` seconds here (60 in production), so each
opens the file anew soon after the move; the scenario waits that long before it counts.

Expected, and anything else counted as a failure: 200 before the cut and after the drop (or
while the lock is held); during the cut and the freeze a 503 with ``Retry-After``, our page for
HTML and ``{"detail": ...}`` for JSON; after each restore every answer 200, from the same worker
PIDs as before. ``detail`` says how many 503s were served and how long the first 200 after the
restore took.

Alone, while developing (it migrates and collects the static files first):
``.venv/bin/python -m bench.faults.outage postgres://…/db [--short]`` (or ``sqlite:///…``).
"""

import argparse
import contextlib
import sqlite3
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .processes import SEEDS, Answer, Server, collect_static, must
from .proxy import Proxy
from .result import ScenarioResult, table

SQLITE_CONN_MAX_AGE = 2

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

    settings: dict[str, str] = {}

    def __init__(self, database_url: str):
        self.url = urlsplit(database_url)
        self.proxy = Proxy(self.url.hostname or "127.0.0.1", self.url.port or 5432).start()
        user = self.url.netloc.rpartition("@")[0]
        netloc = f"{user}@127.0.0.1:{self.proxy.port}" if user else f"127.0.0.1:{self.proxy.port}"
        self.app_url = urlunsplit(self.url._replace(netloc=netloc))

    @contextlib.contextmanager
    def harmless(self):
        """A server restarted at once: connections gone, the server answers again at once."""
        self.proxy.drop()
        yield "a restart (every connection dropped)"

    def cut(self):
        self.proxy.cut()

    def freeze(self):
        self.proxy.freeze()

    def restore(self):
        self.proxy.restore()

    def close(self):
        self.proxy.close()


class SqliteMoved:
    """The database file moved away and put back; before that, the write lock held."""

    settings = {"DJANGO_CONN_MAX_AGE": str(SQLITE_CONN_MAX_AGE)}

    def __init__(self, database_url: str):
        self.app_url = database_url
        self.path = Path(urlsplit(database_url).path)
        self.away = self.path.with_name(self.path.name + "-moved-away")

    @contextlib.contextmanager
    def harmless(self):
        """Another process holds the write lock, as a long write does: readers read on (WAL)."""
        holder = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            yield "the write lock held by another process"
            holder.execute("ROLLBACK")
        finally:
            holder.close()

    def cut(self):
        self.path.rename(self.away)
        time.sleep(SQLITE_CONN_MAX_AGE + 0.5)  # every connection past its age: they reopen

    def restore(self):
        if self.away.exists():
            self.away.replace(self.path)

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


def run(database_url: str, short: bool, static_root: Path | None = None) -> ScenarioResult:
    """The scenario on a migrated database (``make faults`` gives it a fresh one), served with
    the static files ``collect_static`` wrote to ``static_root``."""
    postgres = database_url.startswith(("postgres://", "postgresql://"))
    result = ScenarioResult("outage", "postgresql" if postgres else "sqlite")
    rounds, cut_seconds = (2, 3) if short else (10, 15)
    must(database_url, "load_readouts", str(SEEDS))
    fault = PostgresCut(database_url) if postgres else SqliteMoved(database_url)
    server = Server(fault.app_url, static_root, **fault.settings)
    try:
        server.wait_until_up()
        workers = server.worker_pids()
        _expect_200(server, result, rounds)
        with fault.harmless() as harmless:
            answered = len(result.latencies_ms)
            _expect_200(server, result, rounds)
            detail = [f"{harmless}: {len(result.latencies_ms) - answered} answers 200"]

        fault.cut()
        started = time.monotonic()
        served = _outage(server, result, cut_seconds)
        outage_seconds = time.monotonic() - started
        fault.restore()
        recovery = _recovery_ms(server, result, rounds)
        what = "cut" if postgres else "file moved away"
        detail.append(
            f"{served} 503s served in a {outage_seconds:.0f} s outage ({what}), "
            f"first 200 {recovery:,.0f} ms after the restore"
        )
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

        same = server.worker_pids() == workers and server.answered_by() <= workers
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
    must(arguments.database_url, "migrate", "--no-input", "-v0")
    with tempfile.TemporaryDirectory(prefix="outage-") as static:
        collect_static(Path(static))
        print(table([run(arguments.database_url, arguments.short, Path(static))]))
