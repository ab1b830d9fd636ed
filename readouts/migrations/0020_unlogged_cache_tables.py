"""On PostgreSQL, the cache tables (``settings.CACHES``) become UNLOGGED.

Every entry of them can be recomputed from the rows, but a logged table makes each cache write
wait at COMMIT for the write-ahead log to reach the disk, behind whatever else the server is
writing (a load, an admin save): one such commit per first visit of a call page, three for a
list or a search. An unlogged table writes no WAL, so its commits wait for nothing. What
PostgreSQL gives up for it is what a cache can spare: after a crash the tables come back empty
(the API's rate-limit windows start again), and a standby has no copy of them.
"""

from django.conf import settings
from django.db import migrations


def cache_tables(connection):
    """The tables of the database caches this site is configured with that exist."""
    tables = [
        options["LOCATION"]
        for options in settings.CACHES.values()
        if options["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
    return [table for table in tables if table in existing]


def persistence(keyword):
    def alter(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        for table in cache_tables(connection):
            schema_editor.execute(
                f"ALTER TABLE {schema_editor.quote_name(table)} SET {keyword}", params=None
            )

    return alter


class Migration(migrations.Migration):
    dependencies = [("readouts", "0019_sqlite_search_delete_triggers")]

    operations = [migrations.RunPython(persistence("UNLOGGED"), persistence("LOGGED"))]
