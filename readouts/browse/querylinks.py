"""Query strings for links that add, remove or replace one filter's values, keeping every other
filter.

A list page has hundreds of such links (each facet value, each bar of the timeline twice, each
chip), all from the same query: ``QueryLinks`` copies the query and encodes each of its
parameters once, and a link only encodes the parameter it changes. Copying the whole query for
each link, then again in ``{% querystring %}``, was about a fifth of a first visit to a search's
page under the profiler (350 links, 10,000 calls).
"""

from urllib.parse import urlencode

from django.http import QueryDict

# Parameters that choose how a result is shown, not which result: a link to a narrower or
# wider result starts again at page one, as HTML, and cached counts and facets ignore them.
SHOWN_NOT_FILTERED = frozenset({"page", "format"})


class QueryLinks:
    """The links from one query (``None``: no query). Each method returns a link's query
    string as ``{% querystring %}`` writes it ("?year=2021&topic=energy"), or "" when no
    parameter is left: the query's own parameters in their order, a new one last."""

    def __init__(self, query: QueryDict | None):
        lists = query.lists() if query is not None else ()
        self._values = {key: values for key, values in lists if key not in SHOWN_NOT_FILTERED}
        self._encoded = {key: _encoded(key, values) for key, values in self._values.items()}

    def toggled(self, key: str, value: str, *, multiple: bool) -> str:
        """``value`` removed from ``key`` if present, otherwise added (or set)."""
        current = self._values.get(key, [])
        if value in current:
            return self._changed({key: [item for item in current if item != value]})
        return self._changed({key: [*current, value] if multiple else [value]})

    def replaced(self, **values: str | None) -> str:
        """Each keyword set to its value, or removed when the value is None."""
        return self._changed(
            {key: [] if value is None else [value] for key, value in values.items()}
        )

    def _changed(self, changes: dict[str, list[str]]) -> str:
        encoded = dict(self._encoded)  # a key set again keeps its place; a new one comes last
        for key, values in changes.items():
            encoded[key] = _encoded(key, values)
        query = "&".join(part for part in encoded.values() if part)
        return f"?{query}" if query else ""


def _encoded(key, values) -> str:
    """One key's values as ``QueryDict.urlencode`` writes them ("" for none)."""
    return urlencode([(key, value) for value in values])
