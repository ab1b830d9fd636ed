"""A search's result read once: its rows in rank order, from which the count, the page and the
facets all come, instead of one pass over the matching documents per figure.

A full-text match cannot be answered from an index alone (PostgreSQL rechecks each matching
tsvector, SQLite's FTS5 walks the doclists and scores each row), so a first visit to a search
used to repeat that work for the count, the page and each facet. ``Matched`` runs it once and
keeps narrow rows (id, date and the call's stored codes and facet ids), from which the call
facets are counted; the statement facets' topics join on the ids, passed as one parameter
(``ids_in``): a JSON array on SQLite, an array on PostgreSQL.
"""

import json

from django.db import connections
from django.db.models.expressions import RawSQL


class Matched:
    """The rows of ``queryset`` (ordered, e.g. best match first), read on first use."""

    def __init__(self, queryset, fields):
        self.queryset = queryset
        self.fields = fields
        self._rows = None

    @property
    def loaded(self) -> bool:
        return self._rows is not None

    @property
    def rows(self) -> list[tuple]:
        if self._rows is None:
            self._rows = list(self.queryset.values_list("pk", *self.fields))
        return self._rows

    @property
    def ids(self) -> list[int]:
        return [row[0] for row in self.rows]

    def objects(self, queryset, ids) -> list:
        """The records of ``ids`` from ``queryset`` (its prefetches applied), in that order."""
        found = queryset.order_by().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def ids_in(ids, using="default") -> RawSQL:
    """``field__in=ids_in(ids)``: a list of ids as one SQL parameter, whatever its length."""
    if connections[using].vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])
