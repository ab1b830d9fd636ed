"""Load test: gunicorn with production settings on loopback, driven by wrk; fails on any error.

Prepares a throwaway SQLite database (migrated, the seed readouts loaded, plus the demo archive
when ``generate_demo_archive`` exists), starts gunicorn on a free loopback port and drives it
with wrk over a mix of list, filtered, search, detail and JSON URLs. Prints requests/s, p50/p99
latency and the non-2xx and socket error counts; exits 1 if any request failed.

Environment: LOADTEST_DURATION (wrk's -d, default 30s), LOADTEST_CONNECTIONS (16),
LOADTEST_THREADS (2), WEB_CONCURRENCY (gunicorn workers, default 4), LOADTEST_DEMO_CALLS (1000).
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LUA_SCRIPT = Path(__file__).with_name("loadtest.lua")


def production_env(workdir: Path) -> dict[str, str]:
    """The documented production environment, pointed at a database and static root in workdir."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'loadtest.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "4"),
        # One line a request would drown the figures: the access log goes to a file instead.
        "GUNICORN_ACCESS_LOG": str(workdir / "access.log"),
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"loadtest: manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def prepare_database(env: dict[str, str]) -> dict:
    """Migrate, collect static, load the seeds (and demo data); return the exported archive."""
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    manage(env, "load_readouts", "--verbosity", "0", "fixtures/readouts")
    if "generate_demo_archive" in manage(env, "help", "--commands").split():
        manage(
            env, "generate_demo_archive", "--calls", os.environ.get("LOADTEST_DEMO_CALLS", "1000")
        )
    return json.loads(manage(env, "export_calls"))


def url_mix(archive: dict) -> list[str]:
    """List, filtered, search, detail and JSON URLs built from what the database holds."""
    calls = archive["calls"]
    if not calls:
        sys.exit("loadtest: the prepared database holds no call")
    first = calls[0]
    official = first["participants"][0]["slug"]
    topic = next((call["topics"][0] for call in calls if call["topics"]), None)
    word = next(w for w in first["readouts"][0]["text"].split() if len(w) > 5 and w.isalpha())
    year = first["date"][:4]
    both = [participant["slug"] for participant in first["participants"][:2]]
    paths = [
        "/",
        "/?page=2" if len(calls) > 25 else "/?page=1",
        "/?" + urlencode({"year": year}),
        "/?" + urlencode({"official": both}, doseq=True),
        "/?" + urlencode({"q": word}),
        "/?" + urlencode({"q": word, "format": "json"}),
        "/?" + urlencode({"year": year, "format": "csv"}),
        "/?format=json",
        "/statements/",
        "/statements/?" + urlencode({"q": word}),
        "/statements/?" + urlencode({"speaker": official, "format": "json"}),
        "/feed/",
        "/officials/",
        f"/officials/{official}/",
        "/topics/",
        "/healthz",
    ]
    if topic:
        paths += [
            "/?" + urlencode({"topic": topic, "year": year}),
            f"/topics/{topic}/",
        ]
    paths += [f"/calls/{call['slug']}/" for call in calls[:: max(1, len(calls) // 20)]]
    return paths


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], port: int, log: Path):
    """Gunicorn's and Django's own output (errors with tracebacks) goes to ``log``."""
    log_file = log.open("w")
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "--config",
            "archive/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "archive.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    try:
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log_file.close()


def tail(log: Path, lines: int = 60) -> list[str]:
    return log.read_text(errors="replace").splitlines()[-lines:]


def wait_until_healthy(server: subprocess.Popen, port: int, log: Path, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"loadtest: gunicorn exited ({server.returncode}):\n" + "\n".join(tail(log)))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as reply:
                if reply.status == 200:
                    return
        except OSError:  # refused while booting, or a timeout: try again
            time.sleep(0.2)
    sys.exit(f"loadtest: /healthz did not answer 200 in {timeout:.0f} s:\n" + "\n".join(tail(log)))


def run_wrk(port: int, paths_file: Path) -> dict:
    command = [
        "wrk",
        "--threads",
        os.environ.get("LOADTEST_THREADS", "2"),
        "--connections",
        os.environ.get("LOADTEST_CONNECTIONS", "16"),
        "--duration",
        os.environ.get("LOADTEST_DURATION", "30s"),
        "--timeout",
        "10s",
        "--latency",
        # What the TLS-terminating proxy adds: without it every request is redirected to HTTPS.
        "--header",
        "X-Forwarded-Proto: https",
        "--script",
        str(LUA_SCRIPT),
        f"http://127.0.0.1:{port}",
        "--",
        str(paths_file),
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = [line for line in output.splitlines() if line.startswith("LOADTEST ")]
    if not figures:
        sys.exit(f"loadtest: wrk printed no figures:\n{output}")
    return json.loads(figures[-1].removeprefix("LOADTEST "))


def failing(port: int, paths: list[str]) -> list[str]:
    """Each URL once more, by itself, to name the ones behind the non-2xx count."""
    found = []
    for path in paths:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30):
                pass
        except urllib.error.HTTPError as error:
            found.append(f"{error.code} {path}")
        except OSError as error:
            found.append(f"{error} {path}")
    return found


def report(figures: dict, url_count: int) -> int:
    seconds = figures["duration_us"] / 1_000_000
    socket_errors = sum(figures[kind] for kind in ("connect", "read", "write", "timeout"))
    print(f"loadtest: {figures['requests']} requests in {seconds:.1f} s over {url_count} URLs")
    print(f"  requests/s      {figures['requests'] / seconds:.1f}")
    print(f"  latency p50     {figures['p50_us'] / 1000:.1f} ms")
    print(f"  latency p99     {figures['p99_us'] / 1000:.1f} ms")
    print(f"  latency max     {figures['max_us'] / 1000:.1f} ms")
    print(f"  non-2xx         {figures['non_2xx']}")
    print(
        f"  socket errors   {socket_errors} (connect {figures['connect']}, read "
        f"{figures['read']}, write {figures['write']}, timeout {figures['timeout']})"
    )
    failed = figures["requests"] == 0 or figures["non_2xx"] or socket_errors
    print("loadtest: FAILED" if failed else "loadtest: OK, no errors")
    return 1 if failed else 0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp:
        workdir = Path(tmp)
        env = production_env(workdir)
        paths = url_mix(prepare_database(env))
        paths_file = workdir / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        port = free_port()
        server_log = workdir / "server.log"
        with gunicorn(env, port, server_log) as server:
            wait_until_healthy(server, port, server_log)
            figures = run_wrk(port, paths_file)
            status = report(figures, len(paths))
            if status:
                print("server log (last 60 lines):", *tail(server_log), sep="\n")
                print("URLs that do not answer 2xx now:", *failing(port, paths), sep="\n  ")
        return status


if __name__ == "__main__":
    sys.exit(main())
