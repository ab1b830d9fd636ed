"""Tag sentences with topics: cue phrases matched on word stems, so inflections match.

A cue is a phrase; its content words (stop words dropped) must appear as consecutive content
words of the sentence, compared by their Snowball stems without accents. "délimitation des
frontières" therefore matches "délimitation de la frontière" and "délimitations frontalières" does
not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer

from .rules import RuleSet
from .text import fold, lower
from .types import TopicCues

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=8)
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


def stems(text: str, rules: RuleSet) -> tuple[str, ...]:
    """Content-word stems of ``text``, folded, in order."""
    stemmer = _stemmer(rules.stemmer)
    out = []
    for word in _WORD.findall(lower(text)):
        if fold(word) in rules.stopwords:
            continue
        out.append(fold(stemmer.stemWord(word)))
    return tuple(out)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )


class TopicTagger:
    def __init__(self, topics: Sequence[TopicCues], rules: RuleSet):
        self.rules = rules
        self._cues = [
            (topic.slug, [stems(cue, rules) for cue in self._cues_for(topic)]) for topic in topics
        ]

    def _cues_for(self, topic: TopicCues) -> tuple[str, ...]:
        return topic.cues_fr if self.rules.language == "fr" else topic.cues_en

    def tag(self, sentence: str) -> list[str]:
        words = stems(sentence, self.rules)
        return [slug for slug, cues in self._cues if any(_contains(words, c) for c in cues)]
