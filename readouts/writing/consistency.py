"""Is the archive consistent? What ``make faults`` and the tests ask after a killed or
concurrent write.

Consistent means: every call has its participants and readouts, every readout its statements
(a write is one transaction, so a killed one leaves all of it or none), and every derived fact
is what ``derived.refresh_derived`` would write now — call topics the union of the statement
topics, each statement's ``topic_ids``, ``Call.countries`` and ``languages``, each call's and
statement's search rows, the mentions' concepts — and the official and topic pages'
summaries equal a full recount of the rows (they are kept by difference, so a refresh alone
would carry a drift forward). The check computes the facts the one way the archive computes
them (it runs ``refresh_derived`` over every call in a transaction it rolls back), compares,
and lists each difference. It takes the write lock while it runs: for tests and fault drills,
not for pages.
"""

from django.db import transaction

from ..models import Call, Readout
from .derived import derived_facts, refresh_derived
from .summaries import expected_summaries, stored_summaries

SHOWN = 5  # differences named per fact; the rest are counted


class _RolledBack(Exception):
    pass


def problems(using: str = "default") -> list[str]:
    """What is inconsistent, one line per kind of fault; empty when the archive is sound."""
    found = []
    calls = Call.objects.using(using)
    for what, orphans in (
        ("calls without a readout", calls.filter(readouts__isnull=True)),
        ("calls without a participant", calls.filter(participants__isnull=True)),
        (
            "readouts without a statement",
            Readout.objects.using(using).filter(statements__isnull=True),
        ),
    ):
        ids = sorted(orphans.values_list("pk", flat=True).distinct())
        if ids:
            found.append(_described(what, ids))
    stored = derived_facts(using)
    fresh = {}
    try:
        with transaction.atomic(using=using):
            refresh_derived(calls.values_list("pk", flat=True), using=using)
            fresh.update(derived_facts(using))
            raise _RolledBack
    except _RolledBack:
        pass
    for fact, expected in fresh.items():
        wrong = _differing(expected, stored[fact])
        if wrong:
            found.append(_described(f"{fact} not as derived.py writes them", wrong))
    kept = stored_summaries(using)
    for summary, expected in expected_summaries(using).items():
        wrong = _differing(expected, kept[summary])
        if wrong:
            found.append(_described(f"page summaries ({summary}) not as a recount gives", wrong))
    return found


def _differing(expected: dict, stored: dict) -> list:
    return sorted(
        key for key in expected.keys() | stored.keys() if expected.get(key) != stored.get(key)
    )


def _described(what: str, ids: list) -> str:
    shown = ", ".join(map(str, ids[:SHOWN]))
    more = f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
    return f"{len(ids)} {what} (ids {shown}{more})"
