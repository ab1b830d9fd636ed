"""``make bench``: serve demo archives with gunicorn and measure the pages people use, with wrk.

For each database (SQLite, PostgreSQL database ``bench``) and each size (10,000 and 100,000
calls by default) it builds a fresh demo archive with ``generate_demo_archive``, starts gunicorn
with production settings (2 workers) on loopback, and for each URL records p50/p99 latency with
1 connection, requests/s with 8, SQL queries per request and response size. Prints a table and
writes ``bench/results/<database>-<calls>.json`` (ignored by git).
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = 8765
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")

URLS = {
    "home": "/",
    "list, 3 filters": "/?year=2021&topic=energy&country=US",
    "search, common word": "/?q=dialogue",
    "search, rare word + facets": "/?q=m%C3%A9diation&year=2020",
    "statement search": "/statements/?q=frontiere",
    "call page": "/calls/{call}/",
    "official page": "/officials/{official}/",
    "JSON page": "/?format=json&year=2020",
}


def environment(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(database: str, calls: int) -> tuple[dict, dict]:
    """A fresh demo archive of ``calls`` calls; returns its environment and load figures."""
    if database == "sqlite":
        path = RESULTS / f"bench-{calls}.sqlite3"
        for stale in RESULTS.glob(f"bench-{calls}.sqlite3*"):
            stale.unlink()
        env = environment(f"sqlite:///{path}")
    else:
        server = POSTGRES_SERVER.rstrip("/")
        maintenance = ["--maintenance-db", server + "/postgres"]
        subprocess.run(["dropdb", "--if-exists", *maintenance, "bench"], check=True)
        subprocess.run(["createdb", *maintenance, "bench"], check=True)
        env = environment(server + "/bench")
    manage(env, "migrate", "--no-input", "-v0")
    started = time.monotonic()
    manage(env, "generate_demo_archive", "--calls", str(calls), "--seed", "1")
    load_seconds = time.monotonic() - started
    if database == "postgresql":
        subprocess.run(["psql", "-q", env["DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True)
    probe = json.loads(
        subprocess.run(
            [PYTHON, "bench/probe.py", "slugs"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    size = probe.pop("database_bytes") or path.stat().st_size
    return env, {"load_seconds": round(load_seconds, 1), "database_bytes": size, **probe}


def serve(env):
    server = subprocess.Popen(
        [GUNICORN, "archive.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5)
            return server
        except OSError as error:
            if getattr(error, "code", None):
                return server  # the server answers, even if with an error
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def wrk(url: str, connections: int, seconds: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(connections, 2)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            str(ROOT / "bench" / "report.lua"),
            f"http://127.0.0.1:{PORT}{url}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = [line for line in output.splitlines() if line.startswith("{")][-1]
    result = json.loads(line)
    result["requests_per_second"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
    return result


def measure(database: str, calls: int, seconds: int) -> dict:
    env, archive = prepare(database, calls)
    urls = {name: url.format(**archive) for name, url in URLS.items()}
    probes = json.loads(
        subprocess.run(
            [PYTHON, "bench/probe.py", "queries", *urls.values()],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    server = serve(env)
    pages = {}
    try:
        for name, url in urls.items():
            single = wrk(url, 1, seconds)
            eight = wrk(url, 8, seconds)
            pages[name] = {
                "url": url,
                **probes[url],
                "p50_ms": single["p50_ms"],
                "p99_ms": single["p99_ms"],
                "requests_per_second": eight["requests_per_second"],
                "errors": single["errors"] + eight["errors"] + eight["non_2xx"],
            }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    return {"database": database, "calls": calls, **archive, "pages": pages}


def table(result: dict) -> str:
    lines = [
        f"\n{result['database']}, {result['calls']:,} calls: loaded in "
        f"{result['load_seconds']} s, database {result['database_bytes'] / 1e6:.0f} MB",
        f"{'page':28} {'status':>6} {'p50 ms':>8} {'p99 ms':>8} {'req/s (8)':>10} "
        f"{'queries':>8} {'KB':>7}",
    ]
    for name, page in result["pages"].items():
        lines.append(
            f"{name:28} {page['status']:>6} {page['p50_ms']:>8.1f} {page['p99_ms']:>8.1f} "
            f"{page['requests_per_second']:>10.1f} {page['queries']:>8} "
            f"{page['bytes'] / 1024:>7.1f}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    RESULTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=environment("sqlite:///" + str(RESULTS / "unused.sqlite3")),
        check=True,
    )
    for calls in args.calls:
        for database in args.databases:
            result = measure(database, calls, args.seconds)
            (RESULTS / f"{database}-{calls}.json").write_text(json.dumps(result, indent=2))
            print(table(result), flush=True)


if __name__ == "__main__":
    sys.exit(main())
