"""A search's result read once: its rows in rank order, from which the count, the page and the
facets all come, instead of one pass over the matching documents per figure.

A full-text match cannot be answered from an index alone (PostgreSQL rechecks each matching
tsvector, SQLite's FTS5 walks the doclists and scores each row), so a first visit to a search
used to repeat that work for the count, the page and each facet. ``Matched`` runs it once and
keeps narrow rows (a call's id, date, stored codes and facet ids; a statement's id, speaker,
kind and topic ids), from which every facet is counted.
"""


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
