"""Turn what a user types into a small, safe structure both search engines can compile.

The syntax is the one people already know: words (all must match), ``"exact phrase"``,
``-word`` or ``-"phrase"`` to exclude, ``OR`` between two terms. Anything else is read as plain
words: quotes left open, brackets, ``*``, ``:`` and control characters never reach a database
as syntax, because a term is only ever a tuple of folded words.
"""

import re
from dataclasses import dataclass, field

from .folding import words

MAX_LENGTH = 500
MAX_TERMS = 16

# A quoted phrase (possibly left open), or a run of anything else up to a space or a quote.
_CHUNK = re.compile(r'(-?)"([^"]*)"?|(\S+?)(?=\s|"|$)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Term:
    """Folded words that must appear together, in order (one word is a term of length one)."""

    words: tuple[str, ...]
    # The last word may be the start of a longer one (an Azerbaijani label and its endings);
    # only the thesaurus sets it, never what a user types.
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class SearchQuery:
    """Every group must match (a group matches when any of its terms does); no excluded term may."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    truncated: bool = False
    text: str = field(default="", compare=False)
    # The equivalents the thesaurus added, as labelled ("prisonniers", "məhbuslar"), to show.
    also: tuple[str, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded)

    @property
    def terms(self) -> list[Term]:
        """The terms a match is highlighted by."""
        return [term for group in self.groups for term in group]


def parse_query(text: str) -> SearchQuery:
    cleaned = _CONTROL.sub(" ", text or "")
    truncated = len(cleaned) > MAX_LENGTH
    cleaned = cleaned[:MAX_LENGTH]
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    count = 0
    for match in _CHUNK.finditer(cleaned):
        minus, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            join_next = bool(groups)
            continue
        negative = bool(minus)
        if bare is not None:
            negative = bare.startswith("-") and len(bare) > 1
            phrase = bare[1:] if negative else bare
        folded = tuple(words(phrase))
        if not folded:
            continue
        if count == MAX_TERMS:
            truncated = True
            break
        count += 1
        term = Term(folded)
        if negative:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return SearchQuery(
        groups=tuple(tuple(group) for group in groups),
        excluded=tuple(excluded),
        truncated=truncated,
        text=cleaned.strip(),
    )
