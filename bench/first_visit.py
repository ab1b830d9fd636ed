"""First visits and repeats of each kind of page, through the test client, with their SQL floor.

    DATABASE_URL=... python bench/first_visit.py [--repeat 5] [--json]

For each kind of page (home, call list with one year or three filters, searches, statement
search, official, topic and call pages) it takes six filter sets and, for each one, empties
Django's caches (the counts and the kept pages) and leaves them as a write does once it
commits (``readouts.cache.bump_archive_version``: a new archive version; the home page's
counts, the search's thesaurus and spellings, and the home page itself for the site's address,
``DJANGO_SITE_URL``, prepared; nothing of any filter set), times the first request, then
``--repeat`` more requests (the repeats). The first request's own SQL (every query except the
cache tables', counted apart on PostgreSQL, where the caches are tables) is then run again
alone, straight through a cursor: that sum is the floor a page cannot go under, and app/floor
tells how much the page adds to its SQL whatever the machine. Figures are p50/p90/max over the
six filter sets, in milliseconds; ``worker_peak_mb`` is this process's peak resident memory
after all the pages (one worker serving every page in turn), ``worker_private_peak_mb`` the
largest of its own memory seen after each filter set's first visit and repeats: the first
counts the database pages SQLite maps into the process (``mmap_size``), which every worker
shares with the OS's page cache.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DJANGO_SITE_URL", "https://127.0.0.1")  # the client's address
django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.run import visits_table  # noqa: E402
from readouts.cache import bump_archive_version  # noqa: E402
from readouts.models import Call, Official, Topic  # noqa: E402

COMMON_WORD = "dialogue"  # in a template of every language: most calls match it
WORDS = [COMMON_WORD, "médiation", "frontière", "energy", "sanctions", "progrès"]
TOPICS = ["energy", "peace-process", "border-delimitation", "human-rights", "security", "trade"]


def filter_sets() -> dict[str, list[str]]:
    """Six URLs per kind of page, the same for a given archive."""
    years = sorted(Call.objects.values_list("year", flat=True).distinct())
    years = [years[i * len(years) // 6] for i in range(6)]
    known = set(Topic.objects.values_list("slug", flat=True))
    topics = [slug for slug in TOPICS if slug in known]
    topics += sorted(known - set(topics))[: 6 - len(topics)]
    officials = list(
        Official.objects.filter(participations__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("slug", flat=True)[:6]
    )
    count = Call.objects.count()
    calls = [
        Call.objects.order_by("pk").values_list("slug", flat=True)[count * i // 6] for i in range(6)
    ]
    countries = ["US", "AZ"] * 3
    return {
        "home": ["/"] * 6,
        "list, one year": [f"/?year={year}" for year in years],
        "list, 3 filters": [
            f"/?year={year}&topic={topic}&country={country}"
            for year, topic, country in zip(years, topics, countries, strict=True)
        ],
        "search, one word": [f"/?q={word}" for word in WORDS],
        "search + one year": [
            f"/?q={word}&year={year}" for word, year in zip(WORDS, years, strict=True)
        ],
        "statement search + topic": [
            f"/statements/?q={word}&topic={topic}"
            for word, topic in zip(WORDS, topics, strict=True)
        ],
        "official page": [f"/officials/{slug}/" for slug in officials],
        "topic page": [f"/topics/{slug}/" for slug in topics],
        "call page": [f"/calls/{slug}/" for slug in calls],
    }


def timed(client, url):
    started = time.perf_counter()
    response = client.get(url, secure=True)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed


def cache_query(sql: str) -> bool:
    """A query of PostgreSQL's cache tables, or the transaction around a write to one (a page
    view writes nothing else)."""
    return any(table in sql for table in ("readouts_cache", "readouts_page_cache")) or (
        sql.strip().upper() in ("BEGIN", "COMMIT")
    )


def floor(queries) -> float:
    """The page's own SQL (``queries`` without the cache table's), run again alone."""
    total = 0.0
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            started = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            total += time.perf_counter() - started
    return total * 1000


def figures(values):
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 1),
        "p90": round(ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))], 1),
        "max": round(ordered[-1], 1),
    }


def private_mb() -> float | None:
    """This process's own memory (RssAnon, Linux), without the file pages mapped into it."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def measure(repeat: int) -> dict:
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/calls/no-such-call/", secure=True)  # load the code paths, not the data
    pages = {}
    private = []
    for name, urls in filter_sets().items():
        first, repeated, floors, counts, cache_counts = [], [], [], [], []
        for url in urls:
            for alias in settings.CACHES:  # the counts, and the kept pages
                caches[alias].clear()
            bump_archive_version()  # what a write leaves behind once it commits
            with CaptureQueriesContext(connection) as captured:
                first.append(timed(client, url))
            own_sql = [q for q in captured.captured_queries if not cache_query(q["sql"])]
            counts.append(len(own_sql))
            cache_counts.append(len(captured.captured_queries) - len(own_sql))
            repeated.extend(timed(client, url) for _ in range(repeat))
            private.append(private_mb())
            floors.append(floor(own_sql))
        pages[name] = {
            "urls": urls,
            "first": figures(first),
            "repeated": figures(repeated),
            "queries": max(counts),
            "cache_queries": max(cache_counts),
            "floor": figures(floors),
            # None for a page that ran no SQL of its own (the home page, prepared by the write)
            "ratio": round(statistics.median(first) / statistics.median(floors), 1)
            if statistics.median(floors)
            else None,
        }
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "database": connection.vendor,
        "calls": Call.objects.count(),
        "worker_peak_mb": round(peak_kb / 1024, 1),
        "worker_private_peak_mb": None if None in private else round(max(private), 1),
        "pages": pages,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print JSON rather than the table")
    args = parser.parse_args()
    result = measure(args.repeat)
    print(json.dumps(result) if args.json else visits_table(result))


if __name__ == "__main__":
    main()
