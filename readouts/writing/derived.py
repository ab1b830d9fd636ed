"""The one owner of what the archive computes from its stored rows.

Eight facts are derived, never written by hand:

- a call's topics: the union of its statements' topics;
- its ``countries`` and ``languages`` columns: the countries of its officials and the
  languages of its readouts, as sorted codes, which the country and language filters and
  facets read from the call's row;
- its search rows (the call's and each statement's): from its readouts, statements and the
  names of its participants in every spelling, and on PostgreSQL each statement's topics
  (``search.index``);
- the thesaurus concept of each place, organisation or document its readouts mention
  (``concepts.link_mentions``);
- its facet ids (``official_ids``, ``office_ids``, ``topic_ids``, ``concept_ids``): the
  officials, offices, topics and concepts its call-list facets count ("3 12 40"), so a search
  or filtered list counts every facet from the rows it reads once instead of joining four
  tables on its ids;
- each statement's topic ids (``Statement.topic_ids``, "3 12"), from which a statement
  search's topic facet is counted;
- the summaries of the official and topic pages (``summaries``): an official's calls per
  month, who they spoke with, their statements per topic and the newest three; a topic's calls
  and statements per month. Kept by difference, from what each call counted last time;
- the archive version that cached counts, facets and page fragments are stamped with: it
  changes once the write commits, so nothing cached before the write is served after it.

Every writer — ingest, corrections, the admin, the demo generator, the test factories — calls
``refresh_derived`` with the calls it touched, inside its transaction (``archive_changed``
when no call's derived rows can change). A call that no longer
exists is skipped (its search rows go with it: delete triggers in the database), but what it
counted in the summaries is taken back.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connections, transaction

from ..cache import bump_archive_version
from ..models import Call, Mention, Participant, Readout, Statement
from ..search.index import refresh_calls, stored_rows
from .concepts import link_mentions
from .summaries import refresh_summaries

BATCH = 2000


def refresh_derived(call_ids: Iterable[int], using: str = "default") -> None:
    """Recompute the topics, statement topic ids, countries, languages, mentions' concepts,
    facet ids, search rows and summaries of these calls; retire the cache on commit."""
    archive_changed(using)
    wanted = sorted(set(call_ids))
    for start in range(0, len(wanted), BATCH):
        asked = wanted[start : start + BATCH]
        batch = list(Call.objects.using(using).filter(pk__in=asked).values_list("pk", flat=True))
        _refresh_topics(batch, using)
        refresh_statement_topic_ids(batch, using)
        link_mentions(batch, using)
        refresh_call_columns(batch, using)
        refresh_calls(batch, using=using)
        refresh_summaries(asked, using)  # deleted calls too: what they counted is taken back


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


def refresh_statement_topic_ids(call_ids: list[int], using: str = "default") -> None:
    """Each statement of these calls gets its topics' ids (``Statement.topic_ids``); only the
    statements whose ids changed are written."""
    statements = Statement.objects.using(using).filter(readout__call_id__in=call_ids)
    topics = defaultdict(set)
    links = Statement.topics.through.objects.using(using).filter(
        statement__readout__call_id__in=call_ids
    )
    for statement_id, topic_id in links.values_list("statement_id", "topic_id"):
        topics[statement_id].add(topic_id)
    changed = []
    for pk, stored in statements.order_by().values_list("pk", "topic_ids"):
        fresh = id_list(topics[pk])
        if stored != fresh:
            changed.append((fresh, pk))
    if changed:  # one statement per row: a bulk_update's CASE over thousands costs more
        connection = connections[using]
        quote = connection.ops.quote_name
        meta = Statement._meta
        column, pk_column = meta.get_field("topic_ids").column, meta.pk.column
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {quote(meta.db_table)} SET {quote(column)} = %s "
                f"WHERE {quote(pk_column)} = %s",
                changed,
            )


def refresh_id_lists(using: str = "default") -> None:
    """Every derived column that holds ids as text (each call's facet ids, each statement's
    topic ids), recomputed from the rows. A backup restores officials, offices, topics and
    concepts by their natural keys, under new ids: the links follow them, text does not."""
    calls = list(Call.objects.using(using).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(calls), BATCH):
        batch = calls[start : start + BATCH]
        with transaction.atomic(using=using):
            refresh_statement_topic_ids(batch, using)
            refresh_call_columns(batch, using)


def refresh_call_columns(call_ids: list[int], using: str = "default") -> None:
    """Each call's stored columns, in one bulk update per batch: ``countries`` and
    ``languages``, sorted codes of its officials' countries and of its readouts' languages
    ("AZ US", "en fr"), and its facet ids (``Call.FACET_ID_COLUMNS``). Run after its topics and
    mentions are derived."""
    countries, languages = defaultdict(set), defaultdict(set)
    ids = {column: defaultdict(set) for column in Call.FACET_ID_COLUMNS}
    participants = Participant.objects.using(using).filter(call_id__in=call_ids)
    for call_id, official_id, office_id, country in participants.values_list(
        "call_id", "official_id", "office_id", "official__country"
    ):
        ids["official_ids"][call_id].add(official_id)
        if office_id is not None:
            ids["office_ids"][call_id].add(office_id)
        if country:
            countries[call_id].add(country)
    readouts = Readout.objects.using(using).filter(call_id__in=call_ids)
    for call_id, language in readouts.values_list("call_id", "language"):
        if language:
            languages[call_id].add(language)
    topics = Call.topics.through.objects.using(using).filter(call_id__in=call_ids)
    for call_id, topic_id in topics.values_list("call_id", "topic_id"):
        ids["topic_ids"][call_id].add(topic_id)
    mentions = Mention.objects.using(using).filter(
        readout__call_id__in=call_ids, concept__isnull=False
    )
    for call_id, concept_id in mentions.values_list("readout__call_id", "concept_id"):
        ids["concept_ids"][call_id].add(concept_id)
    Call.objects.using(using).bulk_update(
        [
            Call(
                pk=pk,
                countries=" ".join(sorted(countries[pk])),
                languages=" ".join(sorted(languages[pk])),
                # a call counts once per value
                **{column: id_list(of_calls[pk]) for column, of_calls in ids.items()},
            )
            for pk in call_ids
        ],
        ["countries", "languages", *ids],
        batch_size=500,
    )


def id_list(ids) -> str:
    """Distinct ids as a facet column holds them: ascending, space-separated ("3 12 40")."""
    return " ".join(str(pk) for pk in sorted(ids))


def derived_facts(using: str = "default") -> dict[str, dict]:
    """Every derived fact as stored, keyed by row, so that two readings compare with ``==``:
    the call topics, the statements' topic ids, the calls' countries, languages and facet ids,
    the search rows, the mentions' concepts.
    ``writing.consistency`` compares this with what ``refresh_derived`` would write."""
    topics = defaultdict(set)
    for call_id, topic_id in Call.topics.through.objects.using(using).values_list(
        "call_id", "topic_id"
    ):
        topics[call_id].add(topic_id)
    rows = stored_rows(using)
    return {
        "topics": dict(topics),
        "statement topic ids": dict(
            Statement.objects.using(using).order_by().values_list("pk", "topic_ids")
        ),
        "countries, languages and facet ids": {
            pk: columns
            for pk, *columns in Call.objects.using(using).values_list(
                "pk", "countries", "languages", *Call.FACET_ID_COLUMNS
            )
        },
        "call search rows": rows["calls"],
        "statement search rows": rows["statements"],
        "mention concepts": dict(Mention.objects.using(using).values_list("pk", "concept_id")),
    }
