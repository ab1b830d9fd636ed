"""Mark where a query matched in a text: ``highlight`` the whole text or cut a ``snippet``.

Both escape the text first and wrap only the matched words in ``<mark>``, so a readout's own
markup can never reach the page. A word matches when one of its stems (French or English)
equals a stem of a query word, as in the index.
"""

import re
from collections import defaultdict
from functools import lru_cache

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from .folding import STEM_LANGUAGES, stem, words
from .grammar import SearchQuery, parse_query

_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=100_000)
def _token_stems(token: str) -> frozenset[str]:
    """A word of a readout as both stemmers see it; readouts reuse a small vocabulary."""
    return frozenset(stem(w, lang) for w in words(token) for lang in STEM_LANGUAGES)


def _starts(keys: frozenset[str], prefixes: set[str]) -> bool:
    return any(key.startswith(prefix) for key in keys for prefix in prefixes)


def _spans(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    """Character ranges of ``text`` where a term of ``query`` matches, in order, not overlapping.

    A prefix term (an Azerbaijani label of the thesaurus) matches a word that starts with it.
    Each word of the text is looked up once among the terms' first words (a query widened by
    the thesaurus has dozens of terms, a readout hundreds of words).
    """
    tokens = [(m.start(), m.end(), _token_stems(m.group())) for m in _TOKEN.finditer(text)]
    terms = [
        (term.prefix, [{stem(word, lang) for lang in STEM_LANGUAGES} for word in term.words])
        for term in query.terms
    ]
    by_first_stem = defaultdict(list)  # a stem -> the terms whose first word has it
    prefixes = []  # one-word prefix terms, tested on every word
    for number, (prefix, wanted) in enumerate(terms):
        if prefix and len(wanted) == 1:
            prefixes.append(number)
        else:
            for first in wanted[0]:
                by_first_stem[first].append(number)

    def fits(number: int, index: int) -> bool:
        prefix, wanted = terms[number]
        window = tokens[index : index + len(wanted)]
        return len(window) == len(wanted) and all(
            _starts(keys, stems) if prefix and position == len(wanted) - 1 else keys & stems
            for position, ((_, _, keys), stems) in enumerate(zip(window, wanted, strict=True))
        )

    spans = []
    for index, (start, _, keys) in enumerate(tokens):
        candidates = {number for key in keys for number in by_first_stem.get(key, ())}
        candidates.update(number for number in prefixes if _starts(keys, terms[number][1][0]))
        for number in candidates:
            if fits(number, index):
                spans.append((start, tokens[index + len(terms[number][1]) - 1][1]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet_if_matched(text: str, query: SearchQuery, width: int = 240) -> SafeString | None:
    """``snippet``, or None where no term of ``query`` occurs in ``text`` (a call found by
    another of its readouts, or by a participant's name): the text is read once for both."""
    spans = _spans(text, query)
    return _cut(text, spans, width) if spans else None


def highlight(text: str, query: SearchQuery | str) -> SafeString:
    """``text`` escaped, with every match of ``query`` wrapped in ``<mark>``."""
    if isinstance(query, str):
        query = parse_query(query)
    return _marked(text, _spans(text, query) if query else [])


def snippet(text: str, query: SearchQuery | str, width: int = 240) -> SafeString:
    """About ``width`` characters of ``text`` around its first match, escaped and highlighted."""
    if isinstance(query, str):
        query = parse_query(query)
    return _cut(text, _spans(text, query) if query else [], width)


def _cut(text: str, spans: list[tuple[int, int]], width: int) -> SafeString:
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
