"""The archive served as in production, for fault scenarios and their tests.

gunicorn with ``archive/gunicorn.conf.py``, the production settings (debug off, whitenoise's
manifest storage, so ``collectstatic`` first) and 2 workers on a free loopback port. Its
access log names the worker of each answer, and ``worker_pids()`` reads the master's children,
so a scenario can tell "served again by the same workers" from "the workers were replaced".
"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names
    body: str
    ms: float


def production_env(database_url: str, static_root: Path) -> dict[str, str]:
    """README's production environment on loopback, with this database and static root."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    return {
        **clean,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_ENV_FILE": "",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_API_RATE_LIMIT": "100000",  # a scenario's requests are not what is measured
        "DATABASE_URL": database_url,
        "WEB_CONCURRENCY": "2",
    }


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn in a child process; ``get`` speaks HTTP to it as the TLS proxy would."""

    def __init__(self, env: dict[str, str]):
        self.port = free_port()
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_ACCESS_LOG_FORMAT": '%(p)s "%(r)s" %(s)s',  # %(p)s: the worker, <pid>
            # gunicorn replaces a worker after ~2000 requests by design; a scenario that makes
            # more must still see the same PIDs unless a fault replaced them.
            "GUNICORN_MAX_REQUESTS": "0",
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "archive/gunicorn.conf.py",
                "archive.wsgi",
            ],
            cwd=ROOT,
            env=env,
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

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def wait_until_up(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while len(self.worker_pids()) < 2 or not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start:\n" + "\n".join(self.errors[-20:]))
            time.sleep(0.2)

    def _answers(self) -> bool:
        try:
            return self.get("/healthz").status in (200, 503)
        except OSError:
            return False

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

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
