"""On PostgreSQL, ``readouts_any_of(alternatives)``: the OR of a search term's alternatives
(each term under both text search configurations, and the thesaurus's equivalents), without
the ones another makes redundant, so each document is tested and ranked against fewer items.

An alternative given twice ('dialogu' from both configurations) is kept once; a phrase drops out
when one of its words is an alternative by itself ('state' <-> 'border' beside 'border'), and a
phrase or a lexeme drops out when it starts with a prefix alternative ('serhedi':* or
'serhedler' beside 'serh':*): whatever matches it matches that alternative, so the matches are
the same. The rank counts the kept alternatives' lexemes only: a dropped phrase's other words
('state') no longer raise a document's rank. Only phrases of plain lexemes (no spaces, colons,
quotes or backslashes in them) are read; any other form is kept as it is. The function is
immutable, so the planner evaluates it once, when it plans the query, and the query tests a
constant. SQLite's FTS5 queries are unchanged.
"""

from django.db import migrations

CREATE = r"""
CREATE FUNCTION readouts_any_of(alternatives tsquery[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $function$
    WITH alternative AS (
        SELECT DISTINCT a::text AS body FROM unnest(alternatives) AS a WHERE numnode(a) > 0
    ),
    phrase_word AS (  -- each word of an alternative that is a phrase of plain lexemes
        SELECT body, unnest(string_to_array(body, ' <-> ')) AS word FROM alternative
        WHERE body ~ $re$^'[^'\\ :]+'(:\*)?( <-> '[^'\\ :]+'(:\*)?)*$$re$
    ),
    single AS (  -- the alternatives that are one plain lexeme, or one prefix
        SELECT body, right(body, 2) = ':*' AS prefix, trim(TRAILING ':*' FROM body) AS word
        FROM alternative WHERE body ~ $re$^'[^'\\ :]+'(:\*)?$$re$
    )
    SELECT coalesce(string_agg('(' || body || ')', ' | ' ORDER BY body), '')::tsquery
    FROM alternative AS kept
    WHERE NOT EXISTS (
        SELECT FROM phrase_word JOIN single ON single.body <> phrase_word.body
        WHERE phrase_word.body = kept.body
          AND CASE WHEN single.prefix
                   THEN starts_with(phrase_word.word, left(single.word, -1))
                   ELSE phrase_word.word = single.word END
    )
$function$
"""

DROP = "DROP FUNCTION readouts_any_of(tsquery[])"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("readouts", "0022_topic_cues_revised")]

    operations = [migrations.RunPython(create, drop)]
