"""Cache what the whole archive's pages share (e.g. unfiltered facet counts) until it changes.

Every entry carries the archive version it was computed for; ``bump_archive_version`` runs after
each committed write (``writing.derived`` schedules it), so a stale entry is recomputed.
A version is a fresh timestamp, never a counter: if the cache drops the version key (culling,
a restart), the next version still differs from every version an old entry was stored under.
The cache backend must be shared by all server processes (file, database or memcached) for a
write made by ``load_readouts`` to reach the running site.

What every visitor sees first (the unfiltered call list) is prepared by the write, not by the
unlucky first visitor: a preparer registered with ``prepare_after_writes`` runs right after each
new version.

A command that writes many times in a row (``load_readouts``, ``generate_demo_archive``) runs
inside ``writes_in_a_row()``: its commits do not retire the cache one by one (each batch would
make every page cold for every reader while the load runs); the site keeps serving the entries
of the version before the load, and the load publishes one new version, and prepares, when it
ends. Each commit meanwhile marks a new version as owed (``OWED_KEY``) and renews the load's
lease (``LEASE_KEY``, ``LEASE_SECONDS``): a load killed before it could publish leaves the debt
and no lease, and the first reader after the lease lapses publishes the version itself.
"""

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from django.core.cache import cache

VERSION_KEY = "readouts:archive-version"
OWED_KEY = "readouts:version-owed"  # when a load last committed rows the version does not show
LEASE_KEY = "readouts:load-lease"  # a load is running: it will publish the version at its end
# Longer than any gap between two commits of a load (a demo batch of 1,000 calls on a busy
# machine takes ~20 s): a lapsed lease means the load died.
LEASE_SECONDS = 120


# One entry per set of filters people have asked for: let the rare ones expire.
ENTRY_TIMEOUT = 24 * 3600


def archive_version() -> int:
    """A number never used before whenever the key is missing (cleared or culled from the
    cache), so an entry kept from an older version can never be taken for a current one."""
    fresh = time.time_ns()
    if cache.add(VERSION_KEY, fresh, timeout=None):
        return fresh
    return cache.get(VERSION_KEY)


_preparers: list[Callable[[], None]] = []
_in_a_row = threading.local()


def prepare_after_writes(prepare: Callable[[], None]) -> Callable[[], None]:
    """Register ``prepare()`` (it fills cache entries) to run after each new archive version."""
    if prepare not in _preparers:
        _preparers.append(prepare)
    return prepare


def prepare() -> None:
    for preparer in _preparers:
        preparer()


@contextmanager
def writes_in_a_row():
    """Commits inside keep the current version served; one new version (and the preparers) at
    the end, whether the writes ended well or not."""
    depth = getattr(_in_a_row, "depth", 0)
    _in_a_row.depth = depth + 1
    if not depth:
        _in_a_row.wrote = False
    try:
        yield
    finally:
        _in_a_row.depth = depth
        if not depth and _in_a_row.wrote:
            _publish()
    if not depth:
        prepare()


def bump_archive_version() -> None:
    """A write committed: retire the cache (inside ``writes_in_a_row``, owe it until the end)."""
    if getattr(_in_a_row, "depth", 0):
        _in_a_row.wrote = True
        cache.set(LEASE_KEY, True, timeout=LEASE_SECONDS)
        cache.set(OWED_KEY, time.time_ns(), timeout=None)  # when rows last changed
        return
    _publish()
    prepare()


def retire_everything() -> None:
    """A new version, nothing prepared: for ``migrate``, which may leave the tables of an older
    schema (the preparers read today's)."""
    _publish()


def _publish() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    cache.delete_many([OWED_KEY, LEASE_KEY])


def _settled(found: dict) -> int:
    """The current version, from a read of the version, owed and lease keys: a load that died
    before publishing (a version owed, no lease) has its version published here."""
    if OWED_KEY in found and LEASE_KEY not in found:
        _publish()
        found.pop(VERSION_KEY, None)
        found.pop(OWED_KEY, None)
    return found.get(VERSION_KEY) or archive_version()


def current_version() -> int:
    """The version cached pages and the dataset are stamped with."""
    return _settled(cache.get_many([VERSION_KEY, OWED_KEY, LEASE_KEY]))


def content_stamp() -> int:
    """A time that moves with every committed write, the commits of a bulk load included
    (which keep the version served until the load ends): for ETag and Last-Modified, since a
    client's copy of a row is stale as soon as the row changed."""
    found = cache.get_many([VERSION_KEY, OWED_KEY, LEASE_KEY])
    version = _settled(found)
    return max(version, found.get(OWED_KEY) or 0)


MISSING = object()  # what ``lookup`` gives for a key with no entry of the current version


def lookup(key: str, store=None) -> tuple[int, Any]:
    """The current version and the entry ``key`` holds for it (``MISSING`` if none).

    The entry keeps the version it was computed for, so an entry from before the last write is
    recognised as stale; in the default cache one read fetches both (a hit is one query on the
    database cache). ``store`` is another cache the entries live in (the kept pages, so that
    culling them never drops the version key). Store the entry with ``keep`` under the version
    read here: if a write commits meanwhile, it is already stale when stored, never taken for
    new.
    """
    key = f"readouts:{key}"
    apart = store is not None and store is not cache
    found = cache.get_many([VERSION_KEY, OWED_KEY, LEASE_KEY] + ([] if apart else [key]))
    version = _settled(found)
    entry = store.get(key) if apart else found.get(key)
    if entry is not None and entry[0] == version:
        return version, entry[1]
    return version, MISSING


def keep(key: str, version: int, value: Any, timeout: int = ENTRY_TIMEOUT, store=None) -> None:
    """Store ``value`` for ``key`` under the ``version`` that ``lookup`` read."""
    (store or cache).set(f"readouts:{key}", (version, value), timeout=timeout)


def cached(key: str, compute: Callable[[], Any], timeout: int = ENTRY_TIMEOUT) -> Any:
    """``compute()``, remembered until the archive next changes."""
    version, value = lookup(key)
    if value is MISSING:
        value = compute()
        keep(key, version, value, timeout)
    return value
