"""The full-text tables: one row per call and per statement, replaced by ``refresh_calls``.

Writers never call this directly: ``writing.derived.refresh_derived`` does, for the calls a
write touched; ``rebuild_search_index`` refills everything (after a restore, or a migration).
On PostgreSQL the database builds the tsvectors (``french_unaccent`` for French readouts,
``english_unaccent`` for the others, and a statement's topics as lexemes); on SQLite Python
folds and stems the words and FTS5 stores them. Raw SQL only, so the migration that creates
the tables can fill them too.
"""

import json
from collections import defaultdict
from collections.abc import Iterable

from django.db import connections, transaction

from .folding import stemmed_document

BATCH = 2000

# unaccent has no rule for the schwa; fold it before PostgreSQL parses the text.
_PG_FOLD = "translate({}, 'əƏ', 'eE')"

# A call is found by its participants' names in every spelling, whatever its readouts call them.
_PG_NAMES = (
    "SELECT string_agg(o.name || ' ' || o.name_variants::text, ' ' ORDER BY p.id) "
    "FROM readouts_participant p "
    "JOIN readouts_official o ON o.id = p.official_id WHERE p.call_id = readouts_readout.call_id"
)

_PG_REFRESH_CALLS = f"""
INSERT INTO readouts_call_search (rowid, body)
SELECT call_id,
    to_tsvector('french_unaccent', {
    _PG_FOLD.format(
        "coalesce(string_agg(headline || ' ' || text, ' ' ORDER BY id) "
        "FILTER (WHERE language = 'fr'), '')"
    )
})
    || to_tsvector('english_unaccent', {
    _PG_FOLD.format(
        "coalesce(string_agg(headline || ' ' || text, ' ' ORDER BY id) "
        "FILTER (WHERE language <> 'fr'), '')"
    )
})
    || to_tsvector('english_unaccent', {_PG_FOLD.format("coalesce((" + _PG_NAMES + "), '')")})
FROM readouts_readout WHERE call_id = ANY(%s) GROUP BY call_id
"""

# A statement's topics as lexemes of its document ("#topic:7"), so that a search within a
# topic is one lookup in the document index (``engines.search_statements``) rather than a test
# of each of the topic's statements, tens of thousands for a broad one. No query word can match
# one: the words are folded letters and digits, so not even a prefix term ("top:*") reaches "#".
TOPIC_PREFIX = "#topic:"
_PG_TOPIC_LEXEMES = (
    f"array_to_tsvector(ARRAY(SELECT '{TOPIC_PREFIX}' || st.topic_id "
    "FROM readouts_statement_topics st WHERE st.statement_id = s.id))"
)

_PG_REFRESH_STATEMENTS = f"""
INSERT INTO readouts_statement_search (rowid, body)
SELECT s.id, to_tsvector(
    CASE WHEN r.language = 'fr' THEN 'french_unaccent' ELSE 'english_unaccent' END::regconfig,
    {_PG_FOLD.format("s.text")}) || {_PG_TOPIC_LEXEMES}
FROM readouts_statement s JOIN readouts_readout r ON r.id = s.readout_id
WHERE r.call_id = ANY(%s)
"""


def refresh_calls(call_ids: Iterable[int], using: str = "default") -> None:
    """Replace the index rows of these calls and of their statements."""
    call_ids = list(call_ids)
    connection = connections[using]
    for start in range(0, len(call_ids), BATCH):
        batch = call_ids[start : start + BATCH]
        if connection.vendor == "postgresql":
            _refresh_postgresql(connection, batch)
        else:
            _refresh_sqlite(connection, batch)


def rebuild_search_index(using: str = "default") -> None:
    """Index every call again, e.g. after the tables are created or the stemming changes.

    In one transaction: searches meanwhile see the old index, not a half-filled one, and a
    failure leaves the old index rather than an empty one.
    """
    with transaction.atomic(using=using):
        with connections[using].cursor() as cursor:
            cursor.execute("DELETE FROM readouts_call_search")
            cursor.execute("DELETE FROM readouts_statement_search")
            cursor.execute("SELECT id FROM readouts_call ORDER BY id")
            call_ids = [row[0] for row in cursor.fetchall()]
        refresh_calls(call_ids, using=using)


def _refresh_postgresql(connection, call_ids: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM readouts_call_search WHERE rowid = ANY(%s)", [call_ids])
        cursor.execute(
            "DELETE FROM readouts_statement_search WHERE rowid IN (SELECT s.id FROM "
            "readouts_statement s JOIN readouts_readout r ON r.id = s.readout_id "
            "WHERE r.call_id = ANY(%s))",
            [call_ids],
        )
        cursor.execute(_PG_REFRESH_CALLS, [call_ids])
        cursor.execute(_PG_REFRESH_STATEMENTS, [call_ids])


def _refresh_sqlite(connection, call_ids: list[int]) -> None:
    marks = ", ".join(["%s"] * len(call_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT call_id, language, headline, text FROM readouts_readout "
            f"WHERE call_id IN ({marks}) ORDER BY id",
            call_ids,
        )
        documents = defaultdict(list)
        for call_id, language, headline, text in cursor.fetchall():
            documents[call_id].append(stemmed_document(f"{headline} {text}", language))
        cursor.execute(
            f"SELECT p.call_id, o.name, o.name_variants FROM readouts_participant p "
            f"JOIN readouts_official o ON o.id = p.official_id WHERE p.call_id IN ({marks}) "
            f"ORDER BY p.id",
            call_ids,
        )
        for call_id, name, variants in cursor.fetchall():
            if call_id in documents:
                names = " ".join([name, *json.loads(variants or "[]")])
                documents[call_id].append(stemmed_document(names, "en"))
        cursor.execute(f"DELETE FROM readouts_call_search WHERE rowid IN ({marks})", call_ids)
        cursor.executemany(
            "INSERT INTO readouts_call_search (rowid, body) VALUES (%s, %s)",
            [(call_id, " ".join(parts)) for call_id, parts in documents.items()],
        )
        cursor.execute(
            f"SELECT s.id, r.language, s.text FROM readouts_statement s "
            f"JOIN readouts_readout r ON r.id = s.readout_id WHERE r.call_id IN ({marks})",
            call_ids,
        )
        statements = [
            (statement_id, stemmed_document(text, language))
            for statement_id, language, text in cursor.fetchall()
        ]
        cursor.execute(
            f"DELETE FROM readouts_statement_search WHERE rowid IN "
            f"(SELECT s.id FROM readouts_statement s JOIN readouts_readout r "
            f"ON r.id = s.readout_id WHERE r.call_id IN ({marks}))",
            call_ids,
        )
        cursor.executemany(
            "INSERT INTO readouts_statement_search (rowid, body) VALUES (%s, %s)", statements
        )


def stored_rows(using: str = "default") -> dict[str, dict[int, str]]:
    """Every search row as stored: {"calls": {call id: body}, "statements": {id: body}}, the
    body as text (a tsvector's text form on PostgreSQL), to compare with a fresh refresh."""
    connection = connections[using]
    body = "body::text" if connection.vendor == "postgresql" else "body"
    rows = {}
    with connection.cursor() as cursor:
        for name, table in (
            ("calls", "readouts_call_search"),
            ("statements", "readouts_statement_search"),
        ):
            cursor.execute(f"SELECT rowid, {body} FROM {table}")
            rows[name] = dict(cursor.fetchall())
    return rows
