"""``make bench``: build demo archives and measure first visits, repeats and their SQL floor.

For each database (SQLite, PostgreSQL database ``$BENCH_DATABASE``, default ``bench``) and each
size (10,000 and 100,000 calls by default) it builds a fresh demo archive with
``generate_demo_archive`` (its time and peak memory are reported), then runs
``bench/first_visit.py``: per kind of page, six filter sets, each first requested with an empty
cache, then repeated; p50/p90/max of both, SQL queries (the cache table's apart), and the
page's own SQL run alone (the floor) with the ratio app/floor. ``--wrk`` also serves the
archive with gunicorn (production settings, 2 workers) and records, per URL, p50/p99 with 1
connection and requests/s with 8.
Prints tables and writes ``bench/results/<database>-<calls>.json`` (ignored by git).
``--reuse`` keeps the archives (PostgreSQL: ``$BENCH_DATABASE_<calls>``) and measures a kept
one again after migrating it, without loading it anew.
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
POSTGRES_DATABASE = os.environ.get("BENCH_DATABASE", "bench")

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
        "DJANGO_SITE_URL": "https://127.0.0.1",  # where first_visit's client asks
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _postgres_database(calls: int, reuse: bool) -> str:
    # A kept archive has one database per size, so both sizes can be kept side by side.
    return f"{POSTGRES_DATABASE}_{calls}" if reuse else POSTGRES_DATABASE


def _exists(database: str, calls: int, reuse: bool) -> bool:
    if database == "sqlite":
        return (RESULTS / f"bench-{calls}.sqlite3").exists()
    server = POSTGRES_SERVER.rstrip("/")
    found = subprocess.run(
        ["psql", "-Atq", server + "/postgres", "-c",
         f"SELECT 1 FROM pg_database WHERE datname = '{_postgres_database(calls, reuse)}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    return found == "1"


def prepare(database: str, calls: int, reuse: bool = False) -> tuple[dict, dict]:
    """A fresh demo archive of ``calls`` calls; returns its environment and load figures.

    ``reuse``: an archive kept from an earlier ``--reuse`` run is only migrated (its load
    figures are then those of no load: ``load_seconds`` None), so a change is measured again
    without loading for minutes.
    """
    name = _postgres_database(calls, reuse)
    server = POSTGRES_SERVER.rstrip("/")
    path = RESULTS / f"bench-{calls}.sqlite3"
    env = environment(f"sqlite:///{path}" if database == "sqlite" else f"{server}/{name}")
    if reuse and _exists(database, calls, reuse):
        manage(env, "migrate", "--no-input", "-v0")
        if database == "postgresql":  # a migration may have filled or rewritten tables
            subprocess.run(["psql", "-q", env["DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True)
        return env, {"load_seconds": None, "load_peak_mb": None, **_probe(env, path)}
    if database == "sqlite":
        for stale in RESULTS.glob(f"bench-{calls}.sqlite3*"):  # the file, its WAL, its caches
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()
    else:
        maintenance = ["--maintenance-db", server + "/postgres"]
        subprocess.run(["dropdb", "--if-exists", *maintenance, name], check=True)
        subprocess.run(["createdb", *maintenance, name], check=True)
    manage(env, "migrate", "--no-input", "-v0")
    started = time.monotonic()
    loader = subprocess.Popen(
        [PYTHON, "manage.py", "generate_demo_archive", "--calls", str(calls), "--seed", "1"],
        cwd=ROOT,
        env=env,
    )
    _, status, usage = os.wait4(loader.pid, 0)
    loader.returncode = os.waitstatus_to_exitcode(status)
    if loader.returncode:
        raise SystemExit("generate_demo_archive failed")
    load_seconds = time.monotonic() - started
    if database == "postgresql":
        subprocess.run(["psql", "-q", env["DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True)
    return env, {
        "load_seconds": round(load_seconds, 1),
        "load_peak_mb": round(usage.ru_maxrss / 1024, 1),
        **_probe(env, path),
    }


def _probe(env, path) -> dict:
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
    return {"database_bytes": size, **probe}


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


def served(env, archive, seconds: int) -> dict:
    """gunicorn and wrk: the warm figures of ``URLS`` as a visitor's browser gets them."""
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
    return pages


def measure(database: str, calls: int, repeat: int, seconds: int | None, reuse=False) -> dict:
    env, archive = prepare(database, calls, reuse)
    visits = json.loads(
        subprocess.run(
            [PYTHON, "bench/first_visit.py", "--json", "--repeat", str(repeat)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    result = {"database": database, "calls": calls, **archive, "visits": visits}
    if seconds:
        result["served"] = served(env, archive, seconds)
    return result


def visits_table(result: dict) -> str:
    lines = [
        f"{'page':26} {'first p50':>9} {'p90':>7} {'max':>7}  {'repeat p50':>10} {'p90':>6} "
        f"{'max':>6}  {'queries':>7} {'cache':>5}  {'floor p50':>9} {'app/floor':>9}"
    ]
    for name, page in result["pages"].items():
        f, r, fl = page["first"], page["repeated"], page["floor"]
        lines.append(
            f"{name:26} {f['p50']:>9.1f} {f['p90']:>7.1f} {f['max']:>7.1f}  {r['p50']:>10.1f} "
            f"{r['p90']:>6.1f} {r['max']:>6.1f}  {page['queries']:>7} "
            f"{page.get('cache_queries', '-'):>5}  {fl['p50']:>9.1f} "
            f"{'-' if page['ratio'] is None else format(page['ratio'], '.1f'):>9}"
        )
    lines.append(
        f"worker peak memory: {result['worker_peak_mb']} MB resident, of which its own "
        f"(private) at most {result.get('worker_private_peak_mb') or '-'} MB"
    )
    return "\n".join(lines)


def table(result: dict) -> str:
    loaded = (
        f"loaded in {result['load_seconds']} s (peak {result['load_peak_mb']} MB)"
        if result["load_seconds"] is not None
        else "kept from an earlier run (--reuse)"
    )
    buffers = result.get("shared_buffers")
    held = f" (server's shared_buffers {buffers})" if buffers else ""
    lines = [
        f"\n{result['database']}, {result['calls']:,} calls: {loaded}, "
        f"database {result['database_bytes'] / 1e6:.0f} MB{held}; first visit with an empty "
        f"cache, then repeats (ms)",
        visits_table(result["visits"]),
    ]
    if "served" in result:
        lines.append(
            f"{'served (gunicorn, wrk)':28} {'status':>6} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'req/s (8)':>10} {'queries':>8} {'KB':>7}"
        )
        for name, page in result["served"].items():
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
    parser.add_argument("--repeat", type=int, default=5, help="repeats after each first visit")
    parser.add_argument("--wrk", action="store_true", help="also serve with gunicorn and run wrk")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per run")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep each archive (PostgreSQL: $BENCH_DATABASE_<calls>) and, when one is there "
        "already, only migrate it and measure",
    )
    args = parser.parse_args()
    if args.wrk and not shutil.which("wrk"):
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
            result = measure(
                database, calls, args.repeat, args.seconds if args.wrk else None, args.reuse
            )
            (RESULTS / f"{database}-{calls}.json").write_text(json.dumps(result, indent=2))
            print(table(result), flush=True)


if __name__ == "__main__":
    sys.exit(main())
