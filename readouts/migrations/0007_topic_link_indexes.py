"""Covering indexes for "calls (or statements) with this topic": (topic_id, call_id).

The auto-created through tables only index (call_id, topic_id) and topic_id alone, so the topic
filter and facet read every linked row back from the table; these answer from the index.
"""

from django.db import migrations

INDEXES = {
    "call_topics_topic_call_idx": ("readouts_call_topics", "topic_id, call_id"),
    "statement_topics_topic_stmt_idx": ("readouts_statement_topics", "topic_id, statement_id"),
}


class Migration(migrations.Migration):
    dependencies = [("readouts", "0006_official_slug_not_empty")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX {name} ON {table} ({columns})", f"DROP INDEX {name}")
        for name, (table, columns) in INDEXES.items()
    ]
