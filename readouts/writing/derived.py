"""The one owner of what the archive computes from its stored rows.

Four facts are derived, never written by hand:

- a call's topics: the union of its statements' topics;
- its search rows (the call's and each statement's): from its readouts, statements and the
  names of its participants in every spelling (``search.index``);
- the thesaurus concept of each place, organisation or document its readouts mention
  (``concepts.link_mentions``);
- the archive version that cached counts, facets and page fragments are stamped with: it
  changes once the write commits, so nothing cached before the write is served after it.

Every writer — ingest, corrections, the admin, the demo generator, the test factories — calls
``refresh_derived`` with the calls it touched, inside its transaction (``archive_changed``
when no call's derived rows can change). A call that no longer
exists is skipped (its search rows go with it: delete triggers in the database).
"""

from collections.abc import Iterable

from django.db import transaction

from ..cache import bump_archive_version
from ..models import Call, Statement
from ..search.index import refresh_calls
from .concepts import link_mentions

BATCH = 2000


def refresh_derived(call_ids: Iterable[int], using: str = "default") -> None:
    """Recompute the topics and search rows of these calls; retire the cache on commit."""
    archive_changed(using)
    wanted = sorted(set(call_ids))
    for start in range(0, len(wanted), BATCH):
        batch = list(
            Call.objects.using(using)
            .filter(pk__in=wanted[start : start + BATCH])
            .values_list("pk", flat=True)
        )
        _refresh_topics(batch, using)
        link_mentions(batch, using)
        refresh_calls(batch, using=using)


def archive_changed(using: str = "default") -> None:
    """Retire every cached page once the write commits. On its own, for a write that changes
    what pages show but nothing derived from a call (an office's title, a topic's name)."""
    transaction.on_commit(bump_archive_version, using=using)


def _refresh_topics(call_ids: list[int], using: str) -> None:
    """Each call's topics become exactly those of its statements (two set-based queries)."""
    links = Call.topics.through.objects.using(using)
    links.filter(call_id__in=call_ids).delete()
    pairs = (
        Statement.topics.through.objects.using(using)
        .filter(statement__readout__call_id__in=call_ids)
        .values_list("statement__readout__call_id", "topic_id")
        .distinct()
    )
    links.bulk_create(Call.topics.through(call_id=call, topic_id=topic) for call, topic in pairs)
