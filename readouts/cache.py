"""Cache what the whole archive's pages share (e.g. unfiltered facet counts) until it changes.

Every key carries the archive's version; ``bump_archive_version`` runs after each committed
write (``refresh_search_index`` schedules it), so stale entries are simply never read again.
The cache backend must be shared by all server processes (file, database or memcached) for a
write made by ``load_readouts`` to reach the running site.
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

VERSION_KEY = "readouts:archive-version"


def archive_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_archive_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cached(key: str, compute: Callable[[], Any], timeout: int | None = None) -> Any:
    """``compute()``, remembered until the archive next changes."""
    return cache.get_or_set(f"readouts:{key}:v{archive_version()}", compute, timeout=timeout)
