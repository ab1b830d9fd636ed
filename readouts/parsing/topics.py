"""Tag sentences with topics: cue phrases matched on word stems, so inflections match.

A cue is a phrase; its content words (stop words dropped) must appear as consecutive content
words of the sentence, compared by their Snowball stems without accents. "délimitation des
frontières" therefore matches "délimitation de la frontière" and "délimitations frontalières" does
not. A language without a Snowball stemmer (Azerbaijani) compares words by prefix instead: the
cue word "sülh" matches "sülhün", "sülhə".

Cues that need context name it: words written with a leading ``-`` are words that must not be in
the sentence for the cue to count. "gas -explosion" tags "gas supplies" as energy and not "the
gas explosion in Baku"; "armed forces -armenia -armenian" keeps the other side's army out of
security cooperation.

Every tag keeps its evidence: the words of the sentence, as written, that triggered it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from .context import Context
from .rules import RuleSet
from .text import Span, fold_same_length, lower
from .types import TopicCues

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=8)
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


@dataclass(frozen=True)
class _Word:
    stem: str
    start: int
    end: int


def _words(text: str, rules: RuleSet, content_only: bool = True) -> list[_Word]:
    """Content words (or all words) of ``text`` with their stems (folded) and offsets."""
    stemmer = _stemmer(rules.stemmer) if rules.stemmer else None
    out = []
    for m in _WORD.finditer(lower(text)):
        word = m.group()
        if content_only and fold_same_length(word) in rules.stopwords:
            continue
        stem = fold_same_length(stemmer.stemWord(word)) if stemmer else fold_same_length(word)
        out.append(_Word(stem, m.start(), m.end()))
    return out


def stems(text: str, rules: RuleSet) -> tuple[str, ...]:
    """Content-word stems of ``text``, folded, in order."""
    return tuple(w.stem for w in _words(text, rules))


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]  # stems
    unless: tuple[str, ...] = ()  # stems that cancel the cue when in the sentence
    every_word: bool = False  # matched with its stop words: "between the sides", not "sides"


def _cue(text: str, rules: RuleSet) -> _Cue:
    """A cue of one content word among stop words ("both sides to") keeps its stop words:
    without them it would be the bare word, which means nothing alone."""
    keep = " ".join(w for w in text.split() if not w.startswith("-"))
    unless = tuple(
        w.stem for w in _words(" ".join(w[1:] for w in text.split() if w.startswith("-")), rules)
    )
    content = tuple(w.stem for w in _words(keep, rules))
    every = tuple(w.stem for w in _words(keep, rules, content_only=False))
    if len(content) == 1 and len(every) > 1:
        return _Cue(every, unless, every_word=True)
    return _Cue(content, unless)


class TopicTagger:
    def __init__(self, topics: Sequence[TopicCues], rules: RuleSet):
        self.rules = rules
        self._prefix = not rules.stemmer
        self._cues = [
            (
                topic.slug,
                [c for c in (_cue(cue, rules) for cue in self._cues_for(topic)) if c.words],
            )
            for topic in topics
        ]

    def _cues_for(self, topic: TopicCues) -> tuple[str, ...]:
        return topic.cues(self.rules.language)

    def _same(self, word: str, cue: str) -> bool:
        return word.startswith(cue) if self._prefix else word == cue

    def _find(self, words: list[_Word], cue: _Cue) -> tuple[int, int] | None:
        size = len(cue.words)
        for i in range(len(words) - size + 1):
            if all(self._same(words[i + k].stem, cue.words[k]) for k in range(size)):
                return words[i].start, words[i + size - 1].end
        return None

    def evidence(self, sentence: str) -> dict[str, str]:
        """Topic slug -> the words of ``sentence`` (as written) that triggered it."""
        words = _words(sentence, self.rules)
        every = _words(sentence, self.rules, content_only=False)
        found: dict[str, str] = {}
        for slug, cues in self._cues:
            for cue in cues:
                if any(self._same(w.stem, u) for w in words for u in cue.unless):
                    continue
                where = self._find(every if cue.every_word else words, cue)
                if where:
                    found[slug] = sentence[where[0] : where[1]]
                    break
        return found

    def tag(self, sentence: str) -> list[str]:
        return list(self.evidence(sentence))


def statement_topics(
    ctx: Context, tagger: TopicTagger, spans: tuple[Span, ...]
) -> tuple[dict[str, str], ...]:
    """Step 6, topics: each statement's topics with their evidence. A statement that refers
    back ("ce problème", "this issue") and has no cue of its own keeps the previous one's."""
    out: list[dict[str, str]] = []
    previous: dict[str, str] = {}
    anaphor = ctx.rules.anaphors
    for span in spans:
        evidence = tagger.evidence(ctx.words(span))
        found = anaphor.search(ctx.folded, span.start, span.end) if anaphor else None
        if not evidence and found:
            evidence = {slug: ctx.text[found.start() : found.end()] for slug in previous}
        out.append(evidence)
        previous = evidence
    return tuple(out)
