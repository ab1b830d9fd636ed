"""Facet counts for the current result set, each value with the link that toggles it.

A result read once (a search, a filtered list: ``browse.matched``) has its call facets counted
from its rows, each call's stored codes and facet ids, in one pass; otherwise (the unfiltered
list, a broad filter) each facet is one aggregate query over the ids of the filtered queryset.
Pass a bound-or-unbound, valid FilterSet from ``readouts.filters``: ``call_facets(filterset)``.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

import numpy
from django.db import connection
from django.db.models import CharField, Count, F, Func
from django.utils.translation import gettext_lazy as _
from django_filters import ModelMultipleChoiceFilter

from ..models import (
    Call,
    Concept,
    Country,
    Language,
    Mention,
    Office,
    Official,
    Participant,
    Statement,
    Topic,
    VerbClass,
    interface_is_french,
)
from .querylinks import QueryLinks

# Long tails (dozens of officials) are cut to the values with most results.
TOP_VALUES = 15


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    query: str  # the link's query string: this value toggled, every other filter kept
    active: bool


@dataclass(frozen=True)
class Facet:
    key: str
    title: str
    values: list[FacetValue]


def _facet(filterset, query_links, key, title, rows, *, value_field, label_field=None, labels=None):
    query = filterset.data if filterset.is_bound else None
    active = set(query.getlist(key)) if query is not None else set()
    multiple = isinstance(filterset.filters[key], ModelMultipleChoiceFilter)
    values = []
    for row in rows:
        value = str(row[value_field])
        label = _label(row, label_field) if label_field else labels.get(row[value_field], value)
        values.append(
            FacetValue(
                value=value,
                label=label,
                count=row["n"],
                query=query_links.toggled(key, value, multiple=multiple),
                active=value in active,
            )
        )
    return Facet(key=key, title=title, values=values)


def _label(row, field):
    """A row's label in the interface language: ``field`` names the English column; a French
    column beside it (``…_fr``, ``title_en`` → ``title_fr``) wins in French when it is filled."""
    if interface_is_french():
        french = row.get(field[:-3] + "_fr") if field.endswith("_en") else None
        if french:
            return french
    return row[field]


def year_counts(calls, matched=None):
    """Calls per year, newest first: ``[{"year": 2021, "n": 14}, ...]``; counted from the rows
    of ``matched`` (see ``call_facets``) when the result was read already."""
    if matched is not None:
        counts = Counter()
        # Per date first: a few thousand dates against tens of thousands of rows.
        for date, n in Counter(map(itemgetter(1), matched.rows)).items():
            counts[date[:4]] += n
        return [{"year": int(year), "n": counts[year]} for year in sorted(counts, reverse=True)]
    return list(calls.order_by().values("year").annotate(n=Count("pk")).order_by("-year"))


def _code_counts(calls, column):
    """Calls per code of a column of sorted codes ("AZ US"): one aggregate over the calls'
    own rows, grouped by the few combinations there are, then split per code."""
    rows = calls.order_by().values(column).annotate(n=Count("pk"))
    return _codes_counted(Counter({row[column]: row["n"] for row in rows}))


def counted(values) -> list[dict]:
    """``[{"code": value, "n": count}]``, most first, from an iterable of values."""
    return [{"code": code, "n": n} for code, n in sorted(Counter(values).items(), key=_most_first)]


def _most_first(item):
    return (-item[1], item[0])


# What ``statement_facets`` needs of each row of a ``Matched`` statement search.
STATEMENT_FIELDS = ("speaker_id", "verb_class", "topic_ids")


class IsoDate(Func):
    """A date as ISO text ("2021-05-17"), whatever PostgreSQL's DateStyle: a broad search reads
    tens of thousands of rows, and making a date object of each cost more than their query."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS text)")

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM-DD')")


def matched_fields():
    """The fields ``call_facets`` needs of each row of a ``Matched`` result, in this order:
    the date, the codes, then the facet ids (``Call.FACET_ID_COLUMNS``)."""
    return (IsoDate("date"), "countries", "languages", *Call.FACET_ID_COLUMNS)


# Where a ``Matched`` row's facet ids start: after its pk, date and codes.
FIRST_FACET_IDS = 1 + len(matched_fields()) - len(Call.FACET_ID_COLUMNS)


def top_counted(counts: dict[int, int], model, labels, limit=TOP_VALUES) -> list[dict]:
    """``top_values`` for counts already made (``{id: n}``): the ``limit`` ids with most, their
    labels read for those alone, ties by the first label after the slug."""
    if not counts:
        return []
    least = sorted(counts.values(), reverse=True)[min(limit, len(counts)) - 1]
    names = [*labels, "n"]
    columns = list(labels.values())
    # The labels in the database's own order (its collation, as top_values sorts ties), then
    # a stable sort by count.
    rows = [
        dict(zip(names, (*values, counts[pk]), strict=True))
        for pk, *values in model.objects.filter(
            pk__in=[pk for pk, n in counts.items() if n >= least]
        )
        .order_by(columns[1], "pk")
        .values_list("pk", *columns)
    ]
    return sorted(rows, key=lambda row: -row["n"])[:limit]


def top_values(counts, model, labels, limit=TOP_VALUES) -> list[dict]:
    """The ``limit`` values with most results: ``counts`` (``.values(key=...).annotate(n=...)``
    on a link table) is grouped by id first and only then joined to ``model`` for the labels.

    Grouping by the labels instead made the database fetch the label row of every link (tens
    of thousands for a broad result) and group by strings; grouping by id reads the link
    table's covering index alone, and the join touches the fifteen rows kept. ``labels`` maps
    the names the facet rows use to ``model``'s columns; ties go by the first label after the
    slug, as before.
    """
    inner, params = counts.order_by().query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [connection.ops.quote_name(model._meta.get_field(f).column) for f in labels.values()]
    selected = ", ".join(f"t.{column}" for column in columns)
    sql = (
        f"SELECT {selected}, x.n FROM ({inner}) x JOIN {table} t ON t.id = x.key "
        f"ORDER BY x.n DESC, t.{columns[1]}, t.id LIMIT %s"
    )
    names = [*labels, "n"]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


OFFICIAL_LABELS = {"official__slug": "slug", "official__name": "name"}
OFFICE_LABELS = {
    "office__slug": "slug",
    "office__title_en": "title_en",
    "office__title_fr": "title_fr",
}
TOPIC_LABELS = {"topic__slug": "slug", "topic__name_en": "name_en", "topic__name_fr": "name_fr"}
CONCEPT_LABELS = {
    "concept__slug": "slug",
    "concept__pref_label_en": "pref_label_en",
    "concept__pref_label_fr": "pref_label_fr",
}


def _counted_from(matched):
    """The call-list facets' rows counted from a result read once: one pass over its rows
    per column, each taken by ``itemgetter`` (a third less time than a comprehension's)."""
    rows = matched.rows
    officials, offices, topics, concepts = (
        ids_counted(map(itemgetter(FIRST_FACET_IDS + at), rows))
        for at in range(len(Call.FACET_ID_COLUMNS))
    )
    return (
        top_counted(officials, Official, OFFICIAL_LABELS),
        top_counted(offices, Office, OFFICE_LABELS),
        top_counted(topics, Topic, TOPIC_LABELS),
        top_counted(concepts, Concept, CONCEPT_LABELS),
        _codes_counted(Counter(map(itemgetter(2), rows))),
        _codes_counted(Counter(map(itemgetter(3), rows))),
    )


# Up to this id a facet's ids are counted in an array indexed by id (8 MB at most).
DENSE_IDS_UP_TO = 1_000_000


def ids_counted(id_lists: Iterable[str]) -> dict[int, int]:
    """``{id: how many of the lists hold it}``, from a facet column's lists of distinct ids
    ("3 12 40"). numpy parses and counts them all at once: a broad search holds a million ids,
    and a Python string and count for each took longer than its query."""
    # Empty lists left out: numpy reads a string of spaces alone as one 0.
    ids = numpy.fromstring(" ".join(filter(None, id_lists)), dtype=numpy.int64, sep=" ")
    if ids.size and ids.max() <= DENSE_IDS_UP_TO:
        # A count per id in one array, no sort: half the time of unique() for a million ids.
        per_id = numpy.bincount(ids)
        found = numpy.flatnonzero(per_id)
        counts = per_id[found]
    else:
        found, counts = numpy.unique(ids, return_counts=True)
    return dict(zip(found.tolist(), counts.tolist(), strict=True))


def _codes_counted(combinations: Counter) -> list[dict]:
    """``counted`` for a column of sorted codes ("AZ US"), given how many rows hold each of
    its few combinations: each combination is split once, not once per row."""
    counts = Counter()
    for combination, n in combinations.items():
        for code in combination.split():
            counts[code] += n
    return [{"code": code, "n": n} for code, n in sorted(counts.items(), key=_most_first)]


def _counted_by_aggregates(calls):
    """The call-list facets' rows, one aggregate query each over the ids of ``calls``."""
    ids = calls.order_by().values("pk")
    on_calls = Participant.objects.filter(call_id__in=ids)
    return (
        top_values(
            on_calls.values(key=F("official_id")).annotate(n=Count("call_id")),
            Official,
            OFFICIAL_LABELS,
        ),
        top_values(
            on_calls.filter(office__isnull=False)
            .values(key=F("office_id"))
            .annotate(n=Count("call_id", distinct=True)),
            Office,
            OFFICE_LABELS,
        ),
        top_values(
            Call.topics.through.objects.filter(call_id__in=ids)
            .values(key=F("topic_id"))
            .annotate(n=Count("call_id")),
            Topic,
            TOPIC_LABELS,
        ),
        top_values(
            Mention.objects.filter(readout__call_id__in=ids, concept__isnull=False)
            .values(key=F("concept_id"))
            .annotate(n=Count("readout__call_id", distinct=True)),
            Concept,
            CONCEPT_LABELS,
        ),
        _code_counts(calls, "countries"),
        _code_counts(calls, "languages"),
    )


def call_facets(filterset, years=None, matched=None) -> list[Facet]:
    """Year, official, office, topic, country, language and mentioned counts for
    ``filterset.qs``.

    ``years`` may be the result of ``year_counts`` if the caller already has it (the timeline).
    ``matched`` (``browse.matched.Matched`` over ``matched_fields()``) is a result read once
    (a search, a filtered list): every facet is counted from its rows, the officials, offices,
    topics and concepts from each call's stored facet ids; without it each facet is one
    aggregate over the filters.
    """
    calls = filterset.qs
    counts = _counted_from(matched) if matched is not None else _counted_by_aggregates(calls)
    officials, offices, topics, mentioned, countries, languages = counts
    countries = [row for row in countries if row["code"] in Country.values]
    years = year_counts(calls, matched) if years is None else years
    query_links = QueryLinks(filterset.data if filterset.is_bound else None)
    return [
        _facet(filterset, query_links, "year", _("Year"), years, value_field="year", labels={}),
        _facet(
            filterset, query_links, "official", _("Official"), officials,
            value_field="official__slug", label_field="official__name",
        ),
        _facet(
            filterset, query_links, "office", _("Office"), offices,
            value_field="office__slug", label_field="office__title_en",
        ),
        _facet(
            filterset, query_links, "topic", _("Topic"), topics,
            value_field="topic__slug", label_field="topic__name_en",
        ),
        _facet(
            filterset, query_links, "country", _("Country of an official"), countries,
            value_field="code", labels=dict(Country.choices),
        ),
        _facet(
            filterset, query_links, "language", _("Readout language"), languages,
            value_field="code", labels=dict(Language.choices),
        ),
        _facet(
            filterset, query_links, "mentioned", _("Mentioned"), mentioned,
            value_field="concept__slug", label_field="concept__pref_label_en",
        ),
    ]  # fmt: skip


def statement_facets(filterset, matched=None) -> list[Facet]:
    """Speaker, topic and kind-of-statement counts for ``filterset.qs``.

    ``matched`` (``browse.matched.Matched`` over ``STATEMENT_FIELDS``) is a search result read
    once: speakers, kinds and topics are all counted from its rows (the topics from each
    statement's ``topic_ids``: looking up the links of tens of thousands of matching statements
    again cost as much as the search).
    """
    statements = filterset.qs.order_by()
    if matched is not None:
        by_speaker, kinds, topic_ids = Counter(), [], []
        for _id, speaker, kind, topic_list in matched.rows:
            if speaker is not None:
                by_speaker[speaker] += 1
            if kind:
                kinds.append(kind)
            topic_ids.append(topic_list)
        named = Official.objects.filter(pk__in=list(by_speaker)).values_list("pk", "slug", "name")
        speakers = sorted(
            ({"speaker__slug": slug, "speaker__name": name, "n": by_speaker[pk]}
             for pk, slug, name in named),
            key=lambda row: (-row["n"], row["speaker__name"]),
        )[:TOP_VALUES]  # fmt: skip
        topics = top_counted(ids_counted(topic_ids), Topic, TOPIC_LABELS)
        kinds = [{"verb_class": row["code"], "n": row["n"]} for row in counted(kinds)]
    else:
        speakers = (
            statements.filter(speaker__isnull=False)
            .values("speaker__slug", "speaker__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "speaker__name")[:TOP_VALUES]
        )
        links = Statement.topics.through.objects.filter(statement__in=statements.values("pk"))
        topics = top_values(
            links.values(key=F("topic_id")).annotate(n=Count("statement_id")), Topic, TOPIC_LABELS
        )
        kinds = (
            statements.exclude(verb_class="")
            .values("verb_class")
            .annotate(n=Count("pk"))
            .order_by("-n", "verb_class")
        )
    query_links = QueryLinks(filterset.data if filterset.is_bound else None)
    return [
        _facet(
            filterset, query_links, "speaker", _("Speaker"), speakers,
            value_field="speaker__slug", label_field="speaker__name",
        ),
        _facet(
            filterset, query_links, "topic", _("Topic"), topics,
            value_field="topic__slug", label_field="topic__name_en",
        ),
        _facet(
            filterset, query_links, "verb_class", _("Kind of statement"), kinds,
            value_field="verb_class", labels=dict(VerbClass.choices),
        ),
    ]  # fmt: skip
