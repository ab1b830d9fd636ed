"""Readers beside a bulk load: gunicorn (production settings, 2 workers) on loopback serves 8
readers in a loop while ``generate_demo_archive`` writes 10,000 calls (1,000 with ``--short``)
in batches. No request may fail; each kind of page's p99 is compared with twice its
first-request target (the detail line says which kinds are over; the figures depend on the
machine, so they are reported, not failed on), both as the readers saw it and inside the worker
(gunicorn's access log: the page's own time, without the wait for a free worker).

The readers visit a fixed set of pages (three of each kind) that were each visited once
before the load: what a site's visitors do. During the load the site serves the cache of the
version before it (``readouts.cache.writes_in_a_row``): its counts, and the pages kept whole
for repeats (``views/repeats.py``), so a page asked for before the load is not rendered again
until the load publishes its version.
"""

import itertools
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from .processes import Server, corpus_copy, must, start
from .result import ScenarioResult

READERS = 8
# Twice the first-request targets (p90 targets doubled for p99 under a writer), in ms.
TARGETS = {
    "home": 100,
    "call list + facets": 600,
    "statement search": 600,
    "official page": 600,
    "topic page": 600,
    "search + facets": 1000,
    "call page": 40,
}
SLUGS = (
    "import json; from readouts.models import Call, Official; "
    "print(json.dumps({'calls': list(Call.objects.order_by('pk').values_list('slug', flat=True)"
    "[:3]), 'officials': list(Official.objects.filter(participations__isnull=False).distinct()"
    ".order_by('pk').values_list('slug', flat=True)[:3])}))"
)


def pages(slugs: dict) -> list[tuple[str, str]]:
    kinds = {
        "home": ["/"],
        "call list + facets": ["/?year=2022&topic=peace-process", "/?year=2020", "/?country=US"],
        "statement search": [
            "/statements/?q=frontiere",
            "/statements/?q=energy",
            "/statements/?q=prisoners&topic=prisoners",
        ],
        "official page": [f"/officials/{slug}/" for slug in slugs["officials"]],
        "topic page": ["/topics/energy/", "/topics/peace-process/", "/topics/prisoners/"],
        "search + facets": ["/?q=dialogue&year=2020", "/?q=peace", "/?q=Karabakh&year=2022"],
        "call page": [f"/calls/{slug}/" for slug in slugs["calls"]],
    }
    return [(kind, url) for kind, urls in kinds.items() for url in urls]


def fetch(server: Server, url: str) -> tuple[int | str, float]:
    started = time.perf_counter()
    try:
        status = server.get(url, timeout=30).status
    except TimeoutError:
        status = "timeout"
    except OSError as error:
        status = type(error).__name__
    return status, (time.perf_counter() - started) * 1000


def run(database_url: str, short: bool) -> ScenarioResult:
    result = ScenarioResult("readers", "")
    calls = 1000 if short else 10_000
    with tempfile.TemporaryDirectory() as folder:
        must(database_url, "load_readouts", str(corpus_copy(Path(folder))))
    slugs = json.loads(must(database_url, "shell", "-c", SLUGS).strip().splitlines()[-1])
    urls = pages(slugs)
    # The access log, in a file (no reader thread in this process), gives each request's time
    # inside its worker (%(D)s, microseconds): the page's own time, without the wait for a free
    # worker that the readers' timings also hold.
    log = Path(tempfile.mkdtemp()) / "access.log"
    server = Server(
        database_url,
        GUNICORN_ACCESS_LOG=str(log),
        GUNICORN_ACCESS_LOG_FORMAT="%(U)s?%(q)s %(s)s %(D)s",
        GUNICORN_LOG_LEVEL="warning",
    )
    by_kind: dict[str, list[float]] = {kind: [] for kind in TARGETS}
    lock = threading.Lock()
    quiet: dict[str, list[float]] = {kind: [] for kind in TARGETS}
    try:
        server.wait_until_up()
        for _, url in urls:  # each page visited once before the load
            fetch(server, url)
        # The same readers with no writer, for comparison (not counted in the result).
        until = time.monotonic() + (5 if short else 15)

        def quiet_reader(offset: int) -> None:
            for kind, url in itertools.islice(itertools.cycle(urls), offset, None):
                if time.monotonic() > until:
                    return
                status, ms = fetch(server, url)
                if status == 200:
                    with lock:
                        quiet[kind].append(ms)

        quiet_from = log.stat().st_size if log.exists() else 0
        _together(quiet_reader)
        load_from = log.stat().st_size
        load = start(
            database_url, "generate_demo_archive", "--calls", str(calls), "--seed", "2",
            "--batch-size", str(min(1000, calls // 4)),
        )  # fmt: skip
        started = time.monotonic()
        load_average = []

        def reader(offset: int) -> None:
            for kind, url in itertools.islice(itertools.cycle(urls), offset, None):
                if load.poll() is not None:
                    return
                status, ms = fetch(server, url)
                with lock:
                    if status == 200:
                        result.latencies_ms.append(ms)
                        by_kind[kind].append(ms)
                    else:
                        result.fail(str(status))

        def watch() -> None:
            while load.poll() is None:
                load_average.append(os.getloadavg()[0])
                time.sleep(1)

        _together(reader, watch)
        seconds = time.monotonic() - started
        _, stderr = load.communicate()
        if load.returncode:
            raise RuntimeError(f"the bulk load failed: {stderr[-500:]}")
    finally:
        server.stop()
    kinds = {url: kind for kind, url in urls}
    in_worker = _worker_times(log, load_from, None, kinds)
    in_worker_quiet = _worker_times(log, quiet_from, load_from, kinds)
    shutil.rmtree(log.parent, ignore_errors=True)
    over, over_in_worker, figures = [], [], []
    for kind, values in by_kind.items():
        if not values:
            continue
        p99 = _percentile(values, 99)
        worker_p99 = _percentile(in_worker[kind], 99)
        figures.append(
            f"{kind} {p99:,.0f} (in the worker {worker_p99:,.0f}; no writer "
            f"{_percentile(quiet[kind], 99):,.0f}, in the worker "
            f"{_percentile(in_worker_quiet[kind], 99):,.0f})/{TARGETS[kind]}"
        )
        if p99 > TARGETS[kind]:
            over.append(kind)
        if worker_p99 > TARGETS[kind]:
            over_in_worker.append(kind)
    mean_load = statistics.mean(load_average) if load_average else os.getloadavg()[0]
    alone = [ms for values in quiet.values() for ms in values]
    slow = sum(ms > 2000 for ms in result.latencies_ms)
    result.detail = (
        f"{READERS} readers beside a load of {calls:,} calls ({seconds:.0f} s, load average "
        f"{mean_load:.1f} on {os.cpu_count()} CPUs), {slow} requests over 2 s; "
        f"p99 ms/target: {', '.join(figures)}; over target: {', '.join(over) or 'none'}, "
        f"in the worker: {', '.join(over_in_worker) or 'none'}; "
        f"the same readers with no writer: {len(alone)} requests, "
        f"p50 {_percentile(alone, 50):,.0f}, p99 {_percentile(alone, 99):,.0f} ms"
    )
    return result


def _worker_times(log: Path, start: int, end: int | None, kinds: dict) -> dict[str, list]:
    """Milliseconds each request of a kind took inside its worker, from the access log's bytes
    ``start`` to ``end``."""
    times: dict[str, list[float]] = {kind: [] for kind in TARGETS}
    with log.open("rb") as lines:
        lines.seek(start)
        chunk = lines.read() if end is None else lines.read(end - start)
    for line in chunk.decode().splitlines():
        target, status, micros = line.rsplit(" ", 2)
        path, _, query = target.partition("?")
        kind = kinds.get(f"{path}?{query}" if query else path)
        if kind and status == "200":
            times[kind].append(int(micros) / 1000)
    return times


def _together(reader, *others) -> None:
    """``reader(offset)`` in each of the readers' threads, and ``others`` beside them."""
    threads = [threading.Thread(target=reader, args=(i * 3,)) for i in range(READERS)]
    threads += [threading.Thread(target=other) for other in others]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _percentile(values: list[float], n: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[n - 1]
