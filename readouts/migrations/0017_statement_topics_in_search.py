"""On PostgreSQL, each statement's search document also holds its topics as lexemes
("#topic:7"), so a statement search within a topic is one lookup in the document index
(``search.index`` writes them from now on). SQLite's FTS5 documents are unchanged."""

from django.db import migrations

ADD = """
UPDATE readouts_statement_search AS document
SET body = document.body || array_to_tsvector(chosen.lexemes)
FROM (
    SELECT statement_id, array_agg('#topic:' || topic_id) AS lexemes
    FROM readouts_statement_topics GROUP BY statement_id
) AS chosen
WHERE chosen.statement_id = document.rowid
"""

REMOVE = """
UPDATE readouts_statement_search
SET body = ts_delete(
    body, ARRAY(SELECT lexeme FROM unnest(body) WHERE lexeme LIKE '#topic:%%')
)
WHERE EXISTS (SELECT 1 FROM unnest(body) WHERE lexeme LIKE '#topic:%%')
"""


def add_topic_lexemes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def remove_topic_lexemes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0016_page_cache_table")]

    operations = [migrations.RunPython(add_topic_lexemes, remove_topic_lexemes)]
