"""The official and topic pages' summaries, kept by difference (called by ``derived.py`` only).

An official page shows the count and a page of their calls, who they spoke with and their
newest statements per topic; a topic page its calls per year, its counts and a page of its
calls and statements. Aggregated at read time, each is a pass over every call or statement of
a president or a broad topic (hundreds of thousands at 100,000 calls). These rows hold them:

- ``OfficialMonth``, ``TopicMonth``: calls (and a topic's statements) per month;
- ``OfficialCounterpart``: calls shared by two officials;
- ``OfficialTopic``: an official's statements per topic and the newest three.

``refresh_summaries(call_ids)`` takes back what the calls counted before (their ``CallTally``,
written last time) and adds what they count now, so a write costs what its calls hold,
whatever the archive's size; a call deleted since is only taken back. The newest three of an
official and topic are merged from the calls' statements, and read again from the statements
only when a write removed one of them and the ones left cannot be the newest
(``_newest``). ``expected_summaries()`` recomputes everything from the stored rows: the
migration fills the tables with it, and the tests compare it with what the writes left.

A refresh reads rows, counts in Python and writes them back, and nearly every call shares its
rows with others (a president's counterparts, a broad topic's month): two writers at once would
both rewrite the same row, and one would fail on its unique constraint or lose the other's
count. So refreshes queue: on PostgreSQL behind a transaction-level advisory lock, held until
the writer commits; SQLite's IMMEDIATE transactions already let one writer in at a time.
"""

from collections import Counter, defaultdict
from itertools import combinations

from django.db import connections, transaction
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, TruncMonth

from ..models import (
    Call,
    CallTally,
    OfficialCounterpart,
    OfficialMonth,
    OfficialTopic,
    Participant,
    Statement,
    TopicMonth,
)

LATEST = 3
# The advisory lock's key on PostgreSQL: any constant no other code of ours uses.
SUMMARIES_LOCK = 0x52454144


def _key(entry):
    """Newest call first, then the readout's order (``[date, order, statement id, call]``)."""
    return (entry[0], -entry[1], -entry[2])


def _newest(entries, limit=LATEST):
    return sorted(entries, key=_key, reverse=True)[:limit]


def _state(call_ids, using):
    """What these (existing) calls count now: their tallies, and their statements on each
    (speaker, topic) as ``latest`` entries."""
    tallies = {
        pk: CallTally(call_id=pk, month=date.replace(day=1), officials=[], topics={}, speakers=[])
        for pk, date in Call.objects.using(using).filter(pk__in=call_ids).values_list("pk", "date")
    }
    for call_id, official_id in (
        Participant.objects.using(using)
        .filter(call_id__in=call_ids)
        .order_by("official_id")
        .values_list("call_id", "official_id")
    ):
        tallies[call_id].officials.append(official_id)
    entries = defaultdict(list)  # (speaker, topic) -> [[date, order, statement, call]]
    speakers = defaultdict(Counter)  # call -> {(speaker, topic): n}
    topics = defaultdict(Counter)  # call -> {topic: n}
    rows = (
        Statement.topics.through.objects.using(using)
        .filter(statement__readout__call_id__in=call_ids)
        .values_list(
            "statement__readout__call_id",
            "statement__readout__call__date",
            "statement__speaker_id",
            "topic_id",
            "statement__order",
            "statement_id",
        )
    )
    for call_id, date, speaker, topic, order, statement in rows:
        topics[call_id][topic] += 1
        if speaker is not None:
            speakers[call_id][speaker, topic] += 1
            entries[speaker, topic].append([date.isoformat(), order, statement, call_id])
    for call_id, tally in tallies.items():
        tally.topics = {str(t): n for t, n in sorted(topics[call_id].items())}
        tally.speakers = [[s, t, n] for (s, t), n in sorted(speakers[call_id].items())]
    return tallies, {key: _newest(found) for key, found in entries.items()}


def _counts(tally, sign, months, pairs, topic_months, official_topics):
    """Add (``sign`` 1) or take back (-1) what one tally counts."""
    month = tally.month
    for official in tally.officials:
        months[official, month] += sign
    for a, b in combinations(tally.officials, 2):
        pairs[a, b] += sign
        pairs[b, a] += sign
    for topic, n in tally.topics.items():
        calls, statements = topic_months[int(topic), month]
        topic_months[int(topic), month] = (calls + sign, statements + sign * n)
    for speaker, topic, n in tally.speakers:
        official_topics[speaker, topic] += sign * n


def refresh_summaries(call_ids, using="default") -> None:
    """Bring the summaries up to date for these calls (existing or deleted since), one writer
    at a time."""
    with transaction.atomic(using=using):
        connection = connections[using]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SUMMARIES_LOCK])
        _refresh(set(call_ids), using)


def _refresh(call_ids, using) -> None:
    old = {t.call_id: t for t in CallTally.objects.using(using).filter(call_id__in=call_ids)}
    new, candidates = _state(call_ids, using)
    months, pairs, official_topics = Counter(), Counter(), Counter()
    topic_months = defaultdict(lambda: (0, 0))
    for tally in old.values():
        _counts(tally, -1, months, pairs, topic_months, official_topics)
    for tally in new.values():
        _counts(tally, 1, months, pairs, topic_months, official_topics)
    _apply_counts(OfficialMonth, ("official_id", "month"), ("calls",), months, using)
    _apply_counts(OfficialCounterpart, ("official_id", "other_id"), ("calls",), pairs, using)
    _apply_counts(TopicMonth, ("topic_id", "month"), ("calls", "statements"), topic_months, using)
    touched = set(official_topics) | set(candidates)
    for tally in old.values():
        touched |= {(s, t) for s, t, _n in tally.speakers}
    _apply_official_topics(touched, official_topics, candidates, new, call_ids, using)
    CallTally.objects.using(using).filter(call_id__in=call_ids).delete()
    CallTally.objects.using(using).bulk_create(new.values())


def _apply_counts(model, key_fields, value_fields, deltas, using):
    """Add ``deltas`` ({key: n or (n, m)}) to ``model``'s rows; rows left at 0 go."""
    deltas = {key: d if isinstance(d, tuple) else (d,) for key, d in deltas.items()}
    deltas = {key: d for key, d in deltas.items() if any(d)}
    if not deltas:
        return
    first, second = key_fields
    rows = model.objects.using(using).filter(
        **{f"{first}__in": {k[0] for k in deltas}, f"{second}__in": {k[1] for k in deltas}}
    )
    existing = {(getattr(r, first), getattr(r, second)): r for r in rows}
    changed, gone, created = [], [], []
    for key, delta in deltas.items():
        row = existing.get(key)
        if row is None:
            if delta[0] > 0:  # a row taken back from is one a cascade already removed
                created.append(
                    model(**dict(zip(key_fields, key, strict=True)),
                          **dict(zip(value_fields, delta, strict=True)))
                )  # fmt: skip
            continue
        for field, d in zip(value_fields, delta, strict=True):
            setattr(row, field, getattr(row, field) + d)
        (gone if getattr(row, value_fields[0]) <= 0 else changed).append(row)
    _replace(model, gone, changed, created, using)


def _replace(model, gone, changed, created, using):
    """Delete ``gone``, write ``changed`` and ``created``: changed rows are deleted and inserted
    again (two statements; ``bulk_update``'s CASE per row cost seconds per thousand rows)."""
    rows = model.objects.using(using)
    stale = [r.pk for r in gone] + [r.pk for r in changed]
    for start in range(0, len(stale), 500):
        rows.filter(pk__in=stale[start : start + 500]).delete()  # one DELETE: no cascades
    for row in changed:
        row.pk = None
    rows.bulk_create([*changed, *created], batch_size=500)


def _apply_official_topics(touched, deltas, candidates, new, call_ids, using):
    if not touched:
        return
    rows = OfficialTopic.objects.using(using).filter(
        official_id__in={s for s, _t in touched}, topic_id__in={t for _s, t in touched}
    )
    existing = {(r.official_id, r.topic_id): r for r in rows}
    in_batch = Counter()
    for tally in new.values():
        for speaker, topic, n in tally.speakers:
            in_batch[speaker, topic] += n
    changed, gone, created, reread = [], [], [], []
    for key in touched:
        row = existing.get(key)
        if row is None:
            if deltas[key] <= 0:
                continue
            row = OfficialTopic(official_id=key[0], topic_id=key[1], statements=0, latest=[])
            created.append(row)
        else:
            changed.append(row)
        row.statements += deltas[key]
        if row.statements <= 0:
            changed.remove(row)
            gone.append(row)
            continue
        kept = [entry for entry in row.latest if entry[3] not in call_ids]
        outside = row.statements - in_batch[key]
        if len(kept) < LATEST and outside > len(kept):
            reread.append(row)  # a newest statement went, and the next one is not known here
        else:
            row.latest = _newest(kept + candidates.get(key, []))
    if reread:
        latest = _latest_of({(r.official_id, r.topic_id) for r in reread}, using)
        for row in reread:
            row.latest = latest.get((row.official_id, row.topic_id), [])
    _replace(OfficialTopic, gone, changed, created, using)


def _tagged(using):
    return Statement.topics.through.objects.using(using).filter(statement__speaker__isnull=False)


_LATEST_FIELDS = (
    "statement__readout__call__date", "statement__order", "statement_id",
    "statement__readout__call_id",
)  # fmt: skip


def _latest_of(keys, using):
    """``{(official, topic): the newest three}`` read from the statements, in one query."""
    ranked = (
        _tagged(using)
        .filter(statement__speaker_id__in={s for s, _t in keys}, topic_id__in={t for _s, t in keys})
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("statement__speaker_id"), F("topic_id")],
                order_by=[
                    F("statement__readout__call__date").desc(),
                    F("statement__order"),
                    F("statement_id"),
                ],
            )
        )
        .filter(rank__lte=LATEST)
        .values_list("statement__speaker_id", "topic_id", *_LATEST_FIELDS)
    )
    latest = defaultdict(list)
    for speaker, topic, date, order, statement, call in ranked:
        if (speaker, topic) in keys:
            latest[speaker, topic].append([date.isoformat(), order, statement, call])
    return {key: _newest(found) for key, found in latest.items()}


def expected_summaries(using="default") -> dict:
    """Every summary recomputed from the stored rows (for the migration and the tests)."""
    calls = Call.objects.using(using)
    months = {
        (official, month.date() if hasattr(month, "date") else month): n
        for official, month, n in Participant.objects.using(using)
        .annotate(month=TruncMonth("call__date"))
        .values_list("official_id", "month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    pairs = Counter()
    by_call = defaultdict(list)
    for call_id, official in Participant.objects.using(using).values_list("call_id", "official"):
        by_call[call_id].append(official)
    for officials in by_call.values():
        for a, b in combinations(sorted(officials), 2):
            pairs[a, b] += 1
            pairs[b, a] += 1
    topic_calls = Counter(
        (topic, date.replace(day=1))
        for topic, date in calls.filter(topics__isnull=False).values_list("topics", "date")
    )
    topic_statements = Counter(
        (topic, date.replace(day=1))
        for topic, date in Statement.topics.through.objects.using(using).values_list(
            "topic_id", "statement__readout__call__date"
        )
    )
    topic_months = {key: (n, topic_statements[key]) for key, n in topic_calls.items()}
    counts = dict(
        ((s, t), n)
        for s, t, n in _tagged(using)
        .values_list("statement__speaker_id", "topic_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    latest = _latest_of(set(counts), using) if counts else {}
    return {
        "months": months,
        "pairs": dict(pairs),
        "topic_months": topic_months,
        "official_topics": {key: (n, latest.get(key, [])) for key, n in counts.items()},
    }


def stored_summaries(using="default") -> dict:
    """The summaries as stored, in ``expected_summaries``' shape."""
    return {
        "months": {(r.official_id, r.month): r.calls for r in OfficialMonth.objects.using(using)},
        "pairs": {
            (r.official_id, r.other_id): r.calls for r in OfficialCounterpart.objects.using(using)
        },
        "topic_months": {
            (r.topic_id, r.month): (r.calls, r.statements) for r in TopicMonth.objects.using(using)
        },
        "official_topics": {
            (r.official_id, r.topic_id): (r.statements, r.latest)
            for r in OfficialTopic.objects.using(using)
        },
    }


BATCH = 2000


def rebuild_summaries(using="default") -> None:
    """Empty the summaries and add every call again (the migration's backfill)."""
    for model in (CallTally, OfficialMonth, OfficialCounterpart, OfficialTopic, TopicMonth):
        model.objects.using(using).all().delete()
    ids = list(Call.objects.using(using).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        refresh_summaries(ids[start : start + BATCH], using)
