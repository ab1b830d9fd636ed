"""Cache what the whole archive's pages share (e.g. unfiltered facet counts) until it changes.

Every key carries the archive's version; ``bump_archive_version`` runs after each committed
write (``refresh_search_index`` schedules it), so stale entries are simply never read again.
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


# Entries of past versions are never read again; let them expire rather than fill the table.
ENTRY_TIMEOUT = 24 * 3600


def archive_version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)


def bump_archive_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def cached(key: str, compute: Callable[[], Any], timeout: int = ENTRY_TIMEOUT) -> Any:
    """``compute()``, remembered until the archive next changes."""
    return cache.get_or_set(f"readouts:{key}:v{archive_version()}", compute, timeout=timeout)
