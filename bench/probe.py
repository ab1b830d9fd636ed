"""Run inside the benchmarked settings: sample slugs, then SQL queries and bytes per URL.

``python bench/probe.py slugs`` prints a call and an official slug; ``python bench/probe.py
queries URL...`` fetches each URL through Django's test client, counting the SQL queries.
"""

import json
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from readouts.models import Call, Official  # noqa: E402


def slugs():
    call = Call.objects.order_by("pk")[Call.objects.count() // 2]
    official = Official.objects.filter(participations__isnull=False).order_by("pk").first()
    size = buffers = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")  # how much of the archive the server holds
            buffers = cursor.fetchone()[0]
    return {
        "call": call.slug,
        "official": official.slug,
        "database_bytes": size,
        "shared_buffers": buffers,
    }


def queries(urls):
    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for url in urls:
        client.get(url, secure=True)  # warm caches as the server would be
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, secure=True)
        results[url] = {
            "status": response.status_code,
            "queries": len(captured),
            "bytes": len(response.content),
        }
    return results


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    print(json.dumps(slugs() if command == "slugs" else queries(args)))
