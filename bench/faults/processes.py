"""The processes every fault scenario (and ``tests/test_faults.py``, ``tests/test_outage.py``)
starts, each in README's production environment for one database: management commands, the
consistency check, and gunicorn.

``Server`` is gunicorn with ``archive/gunicorn.conf.py``, the production settings (debug off,
whitenoise's manifest storage, so ``collect_static`` first) and 2 workers on a free loopback
port. Its access log names the worker of each answer, ``worker_pids()`` reads the master's
children, and worker recycling is off, so a scenario can tell "served again by the same
workers" from "the workers were replaced".
"""

import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
CORPUS = ROOT / "tests" / "data" / "corpus"  # 22 real readouts (20 calls)
SEEDS = ROOT / "tests" / "data" / "seeds"
SECRET_KEY = secrets.token_urlsafe(50)


# What the admin's save does: a plain edit in one transaction that retires the cache on commit.
EDITS = """
from django.db import transaction
from readouts.models import Office
from readouts.writing.derived import archive_changed
office = Office.objects.order_by("pk").first()
for n in range(20):
    with transaction.atomic():
        office.title_en = f"{office.title_en.split(' #')[0]} #{n}"
        office.save()
        archive_changed()
print("20 edits")
"""

REFERENCE = "from readouts.writing.reference import sync_reference_data; sync_reference_data()"


def corpus_copy(folder: Path) -> Path:
    """The corpus's texts in ``folder``, without its SOURCES.tsv (an evaluation manifest, not
    the archive's): each file's publisher and date come from its text."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in CORPUS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def env_for(database_url: str, static_root: Path | None = None, **extra: str) -> dict[str, str]:
    """README's production environment on loopback, with this database: none of the caller's
    ``DJANGO_*`` or ``GUNICORN_*`` variables, no ``.env``; ``static_root`` where
    ``collect_static`` wrote (default the settings' ``staticfiles/``); ``extra`` on top."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env = {
        **clean,
        "PYTHONUNBUFFERED": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_ENV_FILE": "",
        # Commands' progress is on stdout; errors (an outage's one line a request) still log.
        "DJANGO_LOG_LEVEL": "ERROR",
        "DJANGO_API_RATE_LIMIT": "100000",  # a scenario's requests are not what is measured
        "DATABASE_URL": database_url,
    }
    if static_root is not None:
        env["DJANGO_STATIC_ROOT"] = str(static_root)
    return {**env, **extra}


def start(database_url: str, *args: str, **env: str) -> subprocess.Popen:
    """``manage.py ARGS`` in the background, its output captured as text."""
    return subprocess.Popen(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env_for(database_url, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def manage(database_url: str, *args: str, timeout: float = 900, **env) -> tuple[int, str, str]:
    """``manage.py ARGS`` to the end: (exit status, stdout, stderr)."""
    process = start(database_url, *args, **env)
    stdout, stderr = process.communicate(timeout=timeout)
    return process.returncode, stdout, stderr


def must(database_url: str, *args: str, **env) -> str:
    """``manage.py ARGS``, which must succeed: its stdout, or a RuntimeError with its stderr."""
    status, stdout, stderr = manage(database_url, *args, **env)
    if status:
        raise RuntimeError(f"manage.py {' '.join(args)[:80]} failed: {stderr[-500:]}")
    return stdout


def collect_static(static_root: Path | None = None) -> None:
    """whitenoise's manifest, which the production settings need to serve a page."""
    must("sqlite://:memory:", "collectstatic", "--no-input", "-v0", static_root=static_root)


def check(database_url: str) -> dict:
    """``bench/faults/check.py`` against this database (its JSON report)."""
    result = subprocess.run(
        [PYTHON, "bench/faults/check.py"],
        cwd=ROOT,
        env=env_for(database_url),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"the consistency check failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def kill_at_random(process: subprocess.Popen, lines: int, rng: random.Random) -> str:
    """``kill -9`` once the process printed a random number of its first ``lines`` lines (0
    to ``lines``), then a random fraction of a second more; returns where it was killed."""
    wanted = rng.randint(0, lines)
    seen = []
    while len(seen) < wanted:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line.rstrip())
    delay = rng.uniform(0, 0.5)
    time.sleep(delay)
    if process.poll() is not None:
        return f"it ended first (after {len(seen)} lines)"
    process.send_signal(signal.SIGKILL)
    process.wait()
    return f"after {len(seen)} lines and {delay:.2f} s more"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names
    body: str
    ms: float


class Server:
    """gunicorn in its own process group; ``get`` speaks HTTP to it as the TLS proxy would.
    ``env`` adds settings (e.g. ``DJANGO_CONN_MAX_AGE``); use it as a context manager, or
    ``wait_until_up()`` and ``stop()``."""

    def __init__(self, database_url: str, static_root=None, workers: int = 2, **env: str):
        self.port = free_port()
        self.workers = workers
        env = {
            "GUNICORN_ACCESS_LOG_FORMAT": '%(p)s "%(r)s" %(s)s',  # %(p)s: the worker, <pid>
            # gunicorn replaces a worker after ~2000 requests by design; a scenario that makes
            # more must still see the same PIDs unless a fault replaced them.
            "GUNICORN_MAX_REQUESTS": "0",
            **env_for(database_url, static_root, **env),  # a scenario's own settings win
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
        }
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--config", "archive/gunicorn.conf.py", "archive.wsgi"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.access: list[str] = []
        self.errors: list[str] = []
        for stream, lines in (
            (self.process.stdout, self.access),
            (self.process.stderr, self.errors),
        ):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    def __enter__(self) -> "Server":
        try:
            self.wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def wait_until_up(self, timeout: float = 60) -> None:
        """Until every worker runs and ``/healthz`` answers (any status: a 503 is an answer)."""
        deadline = time.monotonic() + timeout
        while len(self.worker_pids()) < self.workers or not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start:\n" + "\n".join(self.errors[-20:]))
            time.sleep(0.2)

    def _answers(self) -> bool:
        try:
            self.get("/healthz", timeout=5)
        except OSError:
            return False
        return True  # any status: it answers

    def get(self, path: str, headers: dict[str, str] | None = None, timeout=60) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.request(
                "GET", path, headers={"X-Forwarded-Proto": "https", **(headers or {})}
            )
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        names = {name.lower(): value for name, value in response.getheaders()}
        return Answer(response.status, names, body, (time.monotonic() - started) * 1000)

    def worker_pids(self) -> set[int]:
        """The master's children: gunicorn's workers (a killed or recycled one has a new pid)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return {int(pid) for pid in path.read_text().split()}
        except OSError:
            return set()

    def answered_by(self) -> set[int]:
        """The worker PIDs the access log names."""
        return {int(line[1:].split(">", 1)[0]) for line in self.access if line.startswith("<")}

    def stop(self) -> None:
        """SIGTERM to the process group (the master and its workers), SIGKILL if they hang."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
