"""Cache what the whole archive's pages share (e.g. unfiltered facet counts) until it changes.

Every entry carries the archive version it was computed for; ``bump_archive_version`` runs after
each committed write (``writing.derived`` schedules it), so a stale entry is recomputed.
A version is a fresh timestamp, never a counter: if the cache drops the version key (culling,
a restart), the next version still differs from every version an old entry was stored under.
The cache backend must be shared by all server processes (file, database or memcached) for a
write made by ``load_readouts`` to reach the running site.
"""

import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

VERSION_KEY = "readouts:archive-version"


# One entry per set of filters people have asked for: let the rare ones expire.
ENTRY_TIMEOUT = 24 * 3600


def archive_version() -> int:
    """A number never used before whenever the key is missing (cleared or culled from the
    cache), so an entry kept from an older version can never be taken for a current one."""
    fresh = time.time_ns()
    if cache.add(VERSION_KEY, fresh, timeout=None):
        return fresh
    return cache.get(VERSION_KEY)


def bump_archive_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def cached(key: str, compute: Callable[[], Any], timeout: int = ENTRY_TIMEOUT) -> Any:
    """``compute()``, remembered until the archive next changes.

    The entry keeps the version it was computed for, so one read fetches both the version and
    the entry (a hit is one query on the database cache) and an entry from before the last
    write is recognised as stale and recomputed.
    """
    key = f"readouts:{key}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or archive_version()
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = compute()
    cache.set(key, (version, value), timeout=timeout)
    return value
