"""A statement's topic ids (``Statement.topic_ids``, "3 12"), so a statement search counts its
topic facet from the rows it reads (``browse.facets.statement_facets``) instead of looking up
each matching statement's links again: at 100,000 calls, 75-95 ms of a 320 ms first visit
(EXPLAIN ANALYZE on PostgreSQL, 19,000 statements).

On PostgreSQL a covering index (id, then speaker, kind and topic ids) lets the search read those
columns from the index, an index-only scan, instead of fetching each matching statement's row
(text and all) from the table: EXPLAIN ANALYZE of the same search, four runs each with and
without the index in turn, 171-217 ms without it, 121-153 ms with it.

SQLite adds the column by copying the table, which drops its triggers (see 0019): the one that
deletes a statement's search row goes with it and is made again here.
"""

from django.db import migrations, models

BATCH = 20_000

POSTGRES_INDEX = (
    "CREATE INDEX statement_facet_columns_idx ON readouts_statement (id) "
    "INCLUDE (speaker_id, verb_class, topic_ids)"
)

SQLITE_DELETE_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS readouts_statement_search_delete AFTER DELETE ON "
    "readouts_statement BEGIN DELETE FROM readouts_statement_search WHERE rowid = old.id; END"
)


def fill(apps, schema_editor):
    """Each statement's ids read off its links, as ``writing.derived`` writes them."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement_id, topic_id FROM readouts_statement_topics "
            "ORDER BY statement_id, topic_id"
        )
        ids = {}
        for statement_id, topic_id in cursor.fetchall():
            ids.setdefault(statement_id, []).append(str(topic_id))
        rows = [(" ".join(topics), pk) for pk, topics in ids.items()]
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                "UPDATE readouts_statement SET topic_ids = %s WHERE id = %s",
                rows[start : start + BATCH],
            )


def postgres_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_INDEX, params=None)


def drop_postgres_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS statement_facet_columns_idx", params=None)


def sqlite_trigger(apps, schema_editor):
    """After the table is copied, either way."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_DELETE_TRIGGER, params=None)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0020_unlogged_cache_tables")]

    operations = [
        # Undone last: if SQLite copies the table to drop the column, the trigger comes back.
        migrations.RunPython(migrations.RunPython.noop, sqlite_trigger),
        migrations.AddField(
            model_name="statement",
            name="topic_ids",
            field=models.TextField(blank=True, default="", db_default="", editable=False),
        ),
        migrations.RunPython(sqlite_trigger, migrations.RunPython.noop),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(postgres_index, drop_postgres_index),
    ]
