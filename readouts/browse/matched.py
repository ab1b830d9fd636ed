"""A search's result read once: its rows in rank order, from which the count, the page and the
facets all come, instead of one pass over the matching documents per figure.

A full-text match cannot be answered from an index alone (PostgreSQL rechecks each matching
tsvector, SQLite's FTS5 walks the doclists and scores each row), so a first visit to a search
used to repeat that work for the count, the page and each facet. ``Matched`` runs it once and
keeps narrow rows (a call's id, date, stored codes and facet ids; a statement's id, speaker,
kind and topic ids), from which every facet is counted.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections


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
        """Fetched at once through a cursor: the fields are ids, codes and text, which need
        no conversion, and Django's iteration (a hundred rows a fetch, each row copied) took
        longer than the fetch itself for a broad search's 71,000 rows."""
        if self._rows is None:
            values = self.queryset.values_list("pk", *self.fields)
            try:
                sql, params = values.query.get_compiler(using=values.db).as_sql()
            except EmptyResultSet:  # a filter that can match nothing (``pk__in=[]``)
                self._rows = []
                return self._rows
            with connections[values.db].cursor() as cursor:
                cursor.execute(sql, params)
                self._rows = cursor.fetchall()
        return self._rows

    @property
    def ids(self) -> list[int]:
        return [row[0] for row in self.rows]

    def objects(self, queryset, ids) -> list:
        """The records of ``ids`` from ``queryset`` (its prefetches applied), in that order."""
        found = queryset.order_by().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]
