"""One search interface over two engines: FTS5 on SQLite, tsvector and tsquery on PostgreSQL.

``search_calls`` and ``search_statements`` filter a queryset with a parsed query and annotate
``rank`` (higher is better) on either engine. No user syntax reaches SQL: a query is compiled
from the tuples of folded words ``grammar`` makes. The ``matches`` lookup they use is
registered in ``ReadoutsConfig.ready``.
"""

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchQueryCombinable, SearchQueryField, SearchRank
from django.db import connections
from django.db.models import F, FloatField, Func, Lookup, QuerySet, Value

from ..models import CallSearchDocument, Statement, StatementSearchDocument
from .folding import STEM_LANGUAGES, stem
from .grammar import SearchQuery
from .index import TOPIC_PREFIX
from .spellings import build_query

PG_CONFIGS = ("french_unaccent", "english_unaccent")


class Matches(Lookup):
    """``body__matches``: FTS5's MATCH on SQLite, ``@@`` against a tsquery on PostgreSQL."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        operator = "@@" if connection.vendor == "postgresql" else "MATCH"
        return f"{lhs} {operator} {rhs}", [*lhs_params, *rhs_params]


def register_lookups() -> None:
    """Give both search documents' ``body`` the ``matches`` lookup (``AppConfig.ready``)."""
    for document in (CallSearchDocument, StatementSearchDocument):
        document._meta.get_field("body").register_lookup(Matches)


def search_calls(queryset: QuerySet, query: SearchQuery | str) -> QuerySet:
    """Calls whose readouts match, annotated with ``rank`` and ordered best first."""
    return _search(queryset, query, CallSearchDocument, "call")


def search_statements(queryset: QuerySet, query: SearchQuery | str, topics=()) -> QuerySet:
    """Statements that match, annotated with ``rank`` and ordered best first.

    ``topics``: the statements must have every one of them. Where the documents carry their
    topics (``topics_in_documents``) that is tested in the same index lookup as the words.
    """
    if isinstance(query, str):
        query = build_query(query)
    within = None
    if topics and topics_in_documents(queryset.db) and query and query.groups:
        within = TopicLexemes([topic.pk for topic in topics])
    else:
        links = Statement.topics.through.objects
        for topic in topics:  # a subquery on ids, as the topic filter's (no join, no DISTINCT)
            queryset = queryset.filter(pk__in=links.filter(topic=topic).values("statement_id"))
    return _search(queryset, query, StatementSearchDocument, "statement", within)


def topics_in_documents(using: str = "default") -> bool:
    """Whether a statement's search document holds its topics (``index.TOPIC_PREFIX``), so a
    search within topics is one lookup in the words' index: on PostgreSQL."""
    return connections[using].vendor == "postgresql"


class TopicLexemes(SearchQueryCombinable, Func):
    """The tsquery ``'#topic:3' & '#topic:7'``, written as a literal: the lexemes must not go
    through a text search configuration's parser, which would split them apart."""

    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()

    def __init__(self, topic_ids):
        lexemes = " & ".join(f"'{TOPIC_PREFIX}{int(pk)}'" for pk in topic_ids)
        super().__init__(Value(lexemes))


def _search(queryset, query, document, link, within=None):
    if isinstance(query, str):
        query = build_query(query)
    if not query:
        return queryset
    postgresql = connections[queryset.db].vendor == "postgresql"
    compile_ = _tsquery if postgresql else _match
    excluded = compile_(query.excluded) if query.excluded else None
    if not query.groups:
        matching = document.objects.filter(body__matches=excluded).values(link)
        return queryset.exclude(pk__in=matching).annotate(
            rank=Value(0.0, output_field=FloatField())
        )
    positive = _combine_groups(query, compile_, postgresql)
    if excluded is not None:
        if postgresql:
            positive &= _tsquery(query.excluded, invert=True)
        else:
            positive = f"{positive} NOT {excluded}"
    rank = (
        SearchRank(F("search_document__body"), positive)
        if postgresql
        else -F("search_document__rank")
    )
    found = positive if within is None else positive & within  # ranked by the words alone
    return (
        queryset.filter(search_document__body__matches=found)
        .annotate(rank=rank)
        .order_by("-rank", "pk")
    )


def _combine_groups(query, compile_, postgresql):
    parts = [compile_(group) for group in query.groups]
    if not postgresql:
        return " AND ".join(parts)
    combined = parts[0]
    for part in parts[1:]:
        combined &= part
    return combined


def _match(terms):
    """An FTS5 expression: each term as a quoted phrase of stems, in both stemmers' forms.

    A prefix term (an Azerbaijani label) ends in ``*``: its last stem may be the start of a word.
    """
    alternatives = sorted(
        {
            '"'
            + " ".join(stem(word, language) for word in term.words)
            + '"'
            + (" *" if term.prefix else "")
            for term in terms
            for language in STEM_LANGUAGES
        }
    )
    return "(" + " OR ".join(alternatives) + ")"


def _tsquery(terms, invert=False):
    """A tsquery: each term as a phrase under both configurations, OR-ed together by
    ``readouts_any_of`` (migration 0023), which drops the alternatives another makes redundant.

    A prefix term is written as ``word <-> word:*`` (raw tsquery syntax; the words are folded
    letters and digits only, so nothing a user typed is syntax). Inverted, no alternative may
    match.
    """
    alternatives = [
        PgQuery(" <-> ".join(term.words) + ":*", config=config, search_type="raw")
        if term.prefix
        else PgQuery(" ".join(term.words), config=config, search_type="phrase")
        for term in terms
        for config in PG_CONFIGS
    ]
    return AnyOf(alternatives, invert=invert)


class AnyOf(SearchQueryCombinable, Func):
    """``readouts_any_of(ARRAY[...])``: the OR of ``alternatives`` (tsquery expressions),
    negated with ``invert``."""

    function = "readouts_any_of"
    output_field = SearchQueryField()
    config = None  # each alternative has its own (SearchQueryCombinable asks for one)

    def __init__(self, alternatives, invert=False):
        self.invert = invert
        array = Func(*alternatives, template="ARRAY[%(expressions)s]")
        super().__init__(array)

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return (f"(!!{sql})" if self.invert else sql), params
