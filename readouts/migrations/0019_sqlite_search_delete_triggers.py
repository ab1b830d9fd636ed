"""On SQLite, the triggers that drop a deleted call's or statement's search row again.

SQLite cannot alter most columns in place: Django copies such a table to a new one, and the
copy has none of the old table's triggers. 0009 did so to the statements, 0010, 0015 and 0018
to the calls, so since 0009 a deleted row's search document stayed behind
(unseen: a search joins its rows to the calls and statements). This makes the triggers again
and drops the rows left behind. ``tests/test_search.py`` deletes a call and checks its rows
go, which a later migration that copies either table would fail.
"""

from django.db import migrations

SQLITE_REPAIR = [
    "CREATE TRIGGER IF NOT EXISTS readouts_call_search_delete AFTER DELETE ON readouts_call "
    "BEGIN DELETE FROM readouts_call_search WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS readouts_statement_search_delete AFTER DELETE ON "
    "readouts_statement BEGIN DELETE FROM readouts_statement_search WHERE rowid = old.id; END",
    "DELETE FROM readouts_call_search WHERE rowid NOT IN (SELECT id FROM readouts_call)",
    "DELETE FROM readouts_statement_search "
    "WHERE rowid NOT IN (SELECT id FROM readouts_statement)",
]


def repair(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_REPAIR:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0018_call_facet_id_columns"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
