"""Where a page's time goes: p50 per URL through the test client, and its slowest SQL queries.

    DATABASE_URL=... python bench/profile_pages.py [--repeat 7] [--explain] [URL ...]

Without URLs it profiles ``bench/run.py``'s set. Runs under production settings, as gunicorn
would serve them, each request a first visit: Django's caches are emptied before it (a repeat
is the page kept whole, ``views/repeats.py``, and shows nothing of the page's own work), then
left as a write leaves them (``bump_archive_version``: the home page and the search's
references prepared). It empties the caches of the archive it is pointed
at: use it on a benchmark's archive, not on a site people read. ``--explain`` prints the plan
of each page's slowest query (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).
"""

import argparse
import os
import statistics
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "profile-only-not-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DJANGO_SITE_URL", "https://127.0.0.1")  # the client's address
django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.run import URLS  # noqa: E402
from readouts.cache import bump_archive_version  # noqa: E402
from readouts.models import Call, Official  # noqa: E402


def sample_slugs():
    """The same call and official as ``bench/probe.py slugs`` picks."""
    call = Call.objects.order_by("pk")[Call.objects.count() // 2]
    official = Official.objects.filter(participations__isnull=False).order_by("pk").first()
    return {"call": call.slug, "official": official.slug}


def explain(sql):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join("      " + " | ".join(str(c) for c in row) for row in cursor.fetchall())


def first_visit(url):
    """The caches as nobody has asked for ``url`` since the last write."""
    for alias in settings.CACHES:  # the counts, and the kept pages
        caches[alias].clear()
    bump_archive_version()  # as a write leaves them once it commits


def profile(client, url, repeat, show_explain, slowest):
    client.get(url, secure=True)  # the code paths loaded, not the data
    timings = []
    for _ in range(repeat):
        first_visit(url)
        started = time.perf_counter()
        response = client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
    first_visit(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, secure=True)
    queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
    sql_ms = sum(float(q["time"]) for q in queries) * 1000
    print(
        f"{url}\n  status {response.status_code}  p50 {statistics.median(timings):.1f} ms  "
        f"min {min(timings):.1f} ms  queries {len(queries)}  SQL {sql_ms:.1f} ms"
    )
    for query in queries[:slowest]:
        print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
    if show_explain and queries:
        print(explain(queries[0]["sql"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--slowest", type=int, default=3, help="slowest queries shown per page")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    urls = args.urls or [url.format(**sample_slugs()) for url in URLS.values()]
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{connection.vendor}, {Call.objects.count():,} calls")
    for url in urls:
        profile(client, url, args.repeat, args.explain, args.slowest)


if __name__ == "__main__":
    main()
