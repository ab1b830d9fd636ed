"""A call's facet keys ("official:12 office:3 topic:7") become one column of ids per facet
("12"), which numpy parses and counts in one pass (``browse.facets``). Each call's new columns
are read off its old keys, and back again, so neither way needs the derived data recomputed."""

from collections import defaultdict

from django.db import migrations, models

KINDS = ("official", "office", "topic", "concept")
BATCH = 5000


def _id_list(ids):
    return " ".join(str(pk) for pk in sorted(ids))


def split_keys(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, facet_keys FROM readouts_call")
        rows = cursor.fetchall()
        for start in range(0, len(rows), BATCH):
            updates = []
            for pk, keys in rows[start : start + BATCH]:
                ids = defaultdict(set)
                for key in keys.split():
                    kind, _, key_pk = key.partition(":")
                    ids[kind].add(int(key_pk))
                updates.append([*(_id_list(ids[kind]) for kind in KINDS), pk])
            cursor.executemany(
                "UPDATE readouts_call SET official_ids = %s, office_ids = %s, topic_ids = %s, "
                "concept_ids = %s WHERE id = %s",
                updates,
            )


def join_keys(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, official_ids, office_ids, topic_ids, concept_ids FROM readouts_call"
        )
        rows = cursor.fetchall()
        for start in range(0, len(rows), BATCH):
            updates = []
            for pk, *columns in rows[start : start + BATCH]:
                keys = sorted(
                    f"{kind}:{key_pk}"
                    for kind, column in zip(KINDS, columns, strict=True)
                    for key_pk in column.split()
                )
                updates.append([" ".join(keys), pk])
            cursor.executemany("UPDATE readouts_call SET facet_keys = %s WHERE id = %s", updates)


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0017_statement_topics_in_search"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name="call",
                name=f"{kind}_ids",
                field=models.TextField(blank=True, default="", editable=False),
            )
            for kind in KINDS
        ),
        migrations.RunPython(split_keys, join_keys),
        migrations.RemoveField(model_name="call", name="facet_keys"),
    ]
