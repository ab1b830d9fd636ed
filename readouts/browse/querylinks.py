"""Query strings for links that add or remove one filter value, keeping every other filter."""

from django.http import QueryDict

# Parameters that choose how a result is shown, not which result: a link to a narrower or
# wider result starts again at page one, as HTML, and cached counts and facets ignore them.
SHOWN_NOT_FILTERED = frozenset({"page", "format"})


def _base(query: QueryDict | None) -> QueryDict:
    params = query.copy() if query is not None else QueryDict(mutable=True)
    for key in SHOWN_NOT_FILTERED:
        params.pop(key, None)
    return params


def toggled(query, key: str, value: str, *, multiple: bool) -> QueryDict:
    """``query`` with ``value`` removed from ``key`` if present, otherwise added (or set)."""
    params = _base(query)
    current = params.getlist(key)
    if value in current:
        remaining = [item for item in current if item != value]
        if remaining:
            params.setlist(key, remaining)
        else:
            params.pop(key)
    elif multiple:
        params.setlist(key, [*current, value])
    else:
        params.setlist(key, [value])
    return params


def replaced(query, **values: str | None) -> QueryDict:
    """``query`` with each keyword set to its value, or removed when the value is None."""
    params = _base(query)
    for key, value in values.items():
        if value is None:
            params.pop(key, None)
        else:
            params.setlist(key, [value])
    return params
