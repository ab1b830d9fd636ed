"""Full-text search with one interface over PostgreSQL and SQLite.

``build_query`` reads what the user typed (``readouts.search_query``) and widens surnames to
every spelling the officials table knows; ``search_calls`` and ``search_statements`` filter a
queryset with it and annotate ``rank`` (higher is better) on either engine; ``highlight`` and
``snippet`` mark the matched words in a text, escaping it first.
"""

import re
from functools import lru_cache

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank
from django.db import connections
from django.db.models import F, FloatField, Lookup, QuerySet, Value
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from .models import CallSearchDocument, Official, StatementSearchDocument
from .search_query import SearchQuery, Term, parse_query
from .search_text import stem, words

STEM_LANGUAGES = ("fr", "en")
PG_CONFIGS = ("french_unaccent", "english_unaccent")
_TOKEN = re.compile(r"[^\W_]+")


class Matches(Lookup):
    """``body__matches``: FTS5's MATCH on SQLite, ``@@`` against a tsquery on PostgreSQL."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        operator = "@@" if connection.vendor == "postgresql" else "MATCH"
        return f"{lhs} {operator} {rhs}", [*lhs_params, *rhs_params]


for _document in (CallSearchDocument, StatementSearchDocument):
    _document._meta.get_field("body").register_lookup(Matches)


def build_query(text: str) -> SearchQuery:
    """Parse ``text`` and let a surname match every spelling of it (Aliev, Əliyev, Алиев)."""
    query = parse_query(text)
    spellings = _surname_spellings({term.words[0] for term in query.terms if not term.is_phrase})
    if not spellings:
        return query
    groups = []
    for group in query.groups:
        widened = list(group)
        for term in group:
            for spelling in spellings.get(term.words[0], ()) if not term.is_phrase else ():
                if Term((spelling,)) not in widened:
                    widened.append(Term((spelling,)))
        groups.append(tuple(widened))
    return SearchQuery(tuple(groups), query.excluded, query.truncated, query.text)


def _surname_spellings(wanted: set[str]) -> dict[str, list[str]]:
    """For each wanted word that is a surname in some spelling, all spellings of that surname."""
    if not wanted:
        return {}
    spellings: dict[str, list[str]] = {}
    for name, variants in Official.objects.values_list("name", "name_variants"):
        surnames = []
        for spelling in [name, *variants]:
            folded = words(spelling)
            if folded and folded[-1] not in surnames:
                surnames.append(folded[-1])
        for surname in surnames:
            if surname in wanted:
                spellings.setdefault(surname, [])
                spellings[surname] += [s for s in surnames if s not in spellings[surname]]
    return spellings


def search_calls(queryset: QuerySet, query: SearchQuery | str) -> QuerySet:
    """Calls whose readouts match, annotated with ``rank`` and ordered best first."""
    return _search(queryset, query, CallSearchDocument, "call")


def search_statements(queryset: QuerySet, query: SearchQuery | str) -> QuerySet:
    """Statements that match, annotated with ``rank`` and ordered best first."""
    return _search(queryset, query, StatementSearchDocument, "statement")


def _search(queryset, query, document, link):
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
    return (
        queryset.filter(search_document__body__matches=positive)
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
    """An FTS5 expression: each term as a quoted phrase of stems, in both stemmers' forms."""
    alternatives = sorted(
        {
            '"' + " ".join(stem(word, language) for word in term.words) + '"'
            for term in terms
            for language in STEM_LANGUAGES
        }
    )
    return "(" + " OR ".join(alternatives) + ")"


def _tsquery(terms, invert=False):
    """A tsquery: each term as a phrase under both configurations, OR-ed together.

    Inverted, it is the AND of the negated phrases (Django negates only single queries).
    """
    parts = [
        PgQuery(" ".join(term.words), config=config, search_type="phrase", invert=invert)
        for term in terms
        for config in PG_CONFIGS
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined & part if invert else combined | part
    return combined


@lru_cache(maxsize=100_000)
def _token_stems(token: str) -> frozenset[str]:
    """A word of a readout as both stemmers see it; readouts reuse a small vocabulary."""
    return frozenset(stem(w, lang) for w in words(token) for lang in STEM_LANGUAGES)


def _spans(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    """Character ranges of ``text`` where a term of ``query`` matches, in order, not overlapping."""
    tokens = [(m.start(), m.end(), _token_stems(m.group())) for m in _TOKEN.finditer(text)]
    spans = []
    for term in query.terms:
        wanted = [{stem(word, lang) for lang in STEM_LANGUAGES} for word in term.words]
        size = len(wanted)
        for index in range(len(tokens) - size + 1):
            window = tokens[index : index + size]
            if all(keys & stems for (_, _, keys), stems in zip(window, wanted, strict=True)):
                spans.append((window[0][0], window[-1][1]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def matches_in(text: str, query: SearchQuery) -> bool:
    """Whether any term of ``query`` occurs in ``text`` (the snippet is worth showing)."""
    return bool(_spans(text, query))


def highlight(text: str, query: SearchQuery | str) -> SafeString:
    """``text`` escaped, with every match of ``query`` wrapped in ``<mark>``."""
    if isinstance(query, str):
        query = parse_query(query)
    return _marked(text, _spans(text, query) if query else [])


def snippet(text: str, query: SearchQuery | str, width: int = 240) -> SafeString:
    """About ``width`` characters of ``text`` around its first match, escaped and highlighted."""
    if isinstance(query, str):
        query = parse_query(query)
    spans = _spans(text, query) if query else []
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        start = text.find(" ", start, first) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", max(first + 1, start + 1), end) if " " in text[start:end] else end
        end = end if end > first else min(len(text), start + width)
    piece = text[start:end]
    shifted = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    return format_html(
        "{}{}{}",
        "… " if start else "",
        _marked(piece, shifted),
        " …" if end < len(text) else "",
    )


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(escape(text[position:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))
