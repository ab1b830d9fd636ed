"""Processes the fault scenarios (and ``tests/test_faults.py``) start: management commands,
the consistency check and gunicorn, each in the production settings of one database."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.run import environment

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
CORPUS = ROOT / "tests" / "data" / "corpus"  # 22 real readouts (20 calls)


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


def env_for(database_url: str) -> dict:
    return {**environment(database_url), "PYTHONUNBUFFERED": "1"}


def start(database_url: str, *args: str) -> subprocess.Popen:
    """``manage.py ARGS`` in the background, its output captured as text."""
    return subprocess.Popen(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env_for(database_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def manage(database_url: str, *args: str, timeout: float = 900) -> tuple[int, str, str]:
    """``manage.py ARGS`` to the end: (exit status, stdout, stderr)."""
    process = start(database_url, *args)
    stdout, stderr = process.communicate(timeout=timeout)
    return process.returncode, stdout, stderr


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


def wait_for_http(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer at {url}") from None
            time.sleep(0.2)


def serve(database_url: str, port: int, workers: int = 2) -> subprocess.Popen:
    """gunicorn with the production settings (``archive/gunicorn.conf.py``) on loopback."""
    env = {
        **env_for(database_url),
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": os.devnull,
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--config", "archive/gunicorn.conf.py", "archive.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    wait_for_http(f"http://127.0.0.1:{port}/healthz", server)
    return server


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)
