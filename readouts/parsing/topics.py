"""Tag sentences with topics: cue phrases matched on word stems, so inflections match.

A cue is a phrase; its content words (stop words dropped) must appear as consecutive content
words of the sentence, compared by their Snowball stems without accents. "délimitation des
frontières" therefore matches "délimitation de la frontière" and "délimitations frontalières" does
not. A language without a Snowball stemmer (Azerbaijani) compares words by prefix instead: the
cue word "sülh" matches "sülhün", "sülhə", and "əməkdaşlıq" "əməkdaşlığı" (a final k or q
softened before a vowel).

A shared stem is not enough: the two words must differ only by an inflection of the language
(``_INFLECTIONS``: a plural, a feminine, a participle). A stemmer cuts derivations and endings
that only look like one, so French "Gaza" and "gaz" share the stem "gaz", English "regional" and
"region" the stem "region", "terror" and "terrorism" the stem "terror": each is a different word
and does not match the other. Derivations a topic needs are cues of their own ("climat",
"climatique").

The words of a cue keep their roles: the words between two matched words must join them as the
cue's do. A coordination ("and", "et", "və", a comma) in the sentence where the cue has none, or
none where the cue has one, is two things side by side and not the cue: "security in the region"
is not "energy security and regional connectivity", "regional peace" is not "the region and the
peaceful settlement", while "peace and security" matches "peace, security".

Cues that need context name it. Words written with a leading ``-`` are words that must not be in
the sentence for the cue to count: "gas -explosion" tags "gas supplies" as energy and not "the
gas explosion in Baku"; "armed forces -armenia -armenian" keeps the other side's army out of
security cooperation. Words written with a leading ``+`` are words of which the sentence must
hold at least one: "talks +peace +armenia" tags the talks of the peace process, not trade talks.

Every tag keeps its evidence: the words of the sentence, as written, that triggered it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import snowballstemmer

from .context import Context
from .rules import RuleSet
from .text import Span, fold_same_length, lower
from .types import TopicCues

_WORD = re.compile(r"[^\W_]+")
_BREAK = re.compile(r"[,;:()\[\]]")  # punctuation that sets words side by side

# What two forms of one word may end with past the letters they share, by Snowball algorithm
# (folded): the inflections of the language, not its derivations. "delimitation" and
# "delimitations" share "delimitation" and end with "" and "s"; "region" and "regional" end with
# "" and "al", a derivation: two words. A stemmer not listed here compares stems only.
_INFLECTIONS = {
    "english": frozenset({"", "s", "es", "e", "d", "ed", "ing", "y", "ies", "ied"}),
    "french": frozenset(
        {
            *("", "s", "x", "e", "es", "ee", "ees", "er", "ez"),  # plural, feminine, participle
            *("ere", "eres", "ers"),  # prisonnier, prisonnière
            *("ne", "nes", "le", "les"),  # arménien, arménienne; officiel, officielle
            *("l", "ux"),  # régional, régionaux
            *("f", "fs", "ve", "ves"),  # captif, captive
        }
    ),
}


# Azerbaijani softens a final k or q before a vowel (folded: "təhlükəsizlik" →
# "təhlükəsizliyi", "əməkdaşlıq" → "əməkdaşlığın"), so a cue word ending in one is still the
# start of the word.
_SOFTENED = {"k": "y", "q": "g"}
_VOWELS = frozenset("aeiou")


def _begins_with(word: str, cue: str) -> bool:
    """Is the folded cue word ``cue`` the start of ``word``, its last consonant softened?"""
    if word.startswith(cue):
        return True
    soft = _SOFTENED.get(cue[-1:])
    return (
        soft is not None
        and word.startswith(cue[:-1] + soft)
        and word[len(cue) : len(cue) + 1] in _VOWELS
    )


@lru_cache(maxsize=8)
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


@dataclass(frozen=True)
class _Word:
    form: str  # the word folded
    stem: str  # its stem, folded (the folded word where the language has no stemmer)
    start: int
    end: int


def _words(text: str, rules: RuleSet, content_only: bool = True) -> list[_Word]:
    """Content words (or all words) of ``text`` with their stems (folded) and offsets."""
    stemmer = _stemmer(rules.stemmer) if rules.stemmer else None
    out = []
    for m in _WORD.finditer(lower(text)):
        word = m.group()
        form = fold_same_length(word)
        if content_only and form in rules.stopwords:
            continue
        stem = fold_same_length(stemmer.stemWord(word)) if stemmer else form
        out.append(_Word(form, stem, m.start(), m.end()))
    return out


def stems(text: str, rules: RuleSet) -> tuple[str, ...]:
    """Content-word stems of ``text``, folded, in order."""
    return tuple(w.stem for w in _words(text, rules))


def _coordinated(text: str, a: _Word, b: _Word, rules: RuleSet) -> bool:
    """Whether the text between words ``a`` and ``b`` sets them side by side ("and", "et", a
    comma) rather than joining them ("of the", "de la", nothing). A comma beside a number is
    the date's or the figure's: "November 10, 2020"."""
    if a.form.isdigit() or b.form.isdigit():
        return False
    gap = text[a.end : b.start]
    return bool(_BREAK.search(gap)) or any(
        fold_same_length(w) in rules.conjunctions for w in _WORD.findall(lower(gap))
    )


@dataclass(frozen=True)
class _Cue:
    words: tuple[_Word, ...]
    joins: tuple[bool, ...]  # per gap between two words: coordinated ("peace and security")
    unless: tuple[_Word, ...] = ()  # words that cancel the cue when in the sentence
    needs: tuple[_Word, ...] = ()  # words of which the sentence must hold one, if any
    every_word: bool = False  # matched with its stop words: "between the sides", not "sides"


def _cue(text: str, rules: RuleSet) -> _Cue:
    """A cue of one content word among stop words ("both sides to") keeps its stop words:
    without them it would be the bare word, which means nothing alone."""
    parts = text.split()
    keep = " ".join(w for w in parts if not w.startswith(("-", "+")))
    unless = tuple(_words(" ".join(w[1:] for w in parts if w.startswith("-")), rules))
    needs = tuple(_words(" ".join(w[1:] for w in parts if w.startswith("+")), rules))
    content = _words(keep, rules)
    every = _words(keep, rules, content_only=False)
    every_word = len(content) == 1 and len(every) > 1
    words = every if every_word else content
    joins = tuple(_coordinated(keep, a, b, rules) for a, b in pairwise(words))
    return _Cue(tuple(words), joins, unless, needs, every_word)


class TopicTagger:
    def __init__(self, topics: Sequence[TopicCues], rules: RuleSet):
        self.rules = rules
        self._prefix = not rules.stemmer
        self._inflections = _INFLECTIONS.get(rules.stemmer)
        self._cues = [
            (
                topic.slug,
                [c for c in (_cue(cue, rules) for cue in self._cues_for(topic)) if c.words],
            )
            for topic in topics
        ]

    def _cues_for(self, topic: TopicCues) -> tuple[str, ...]:
        return topic.cues(self.rules.language)

    def _same(self, word: _Word, cue: _Word) -> bool:
        """Whether ``word`` of the sentence is the cue's word: the same stem, and endings that
        are inflections of it (see ``_INFLECTIONS``); by prefix where there is no stemmer."""
        if self._prefix:
            return _begins_with(word.form, cue.form)
        if word.stem != cue.stem:
            return False
        if self._inflections is None:
            return True
        shared = next(
            (i for i, (a, b) in enumerate(zip(word.form, cue.form, strict=False)) if a != b),
            min(len(word.form), len(cue.form)),
        )
        return word.form[shared:] in self._inflections and cue.form[shared:] in self._inflections

    def _find(self, sentence: str, words: list[_Word], cue: _Cue) -> tuple[int, int] | None:
        """Where the cue's words are consecutive words of the sentence, each gap between them
        coordinated as the cue's is."""
        size = len(cue.words)
        for i in range(len(words) - size + 1):
            if all(self._same(words[i + k], cue.words[k]) for k in range(size)) and all(
                _coordinated(sentence, words[i + k], words[i + k + 1], self.rules) == cue.joins[k]
                for k in range(size - 1)
            ):
                return words[i].start, words[i + size - 1].end
        return None

    def _holds(self, words: list[_Word], wanted: tuple[_Word, ...]) -> bool:
        return any(self._same(w, u) for w in words for u in wanted)

    def evidence(self, sentence: str) -> dict[str, str]:
        """Topic slug -> the words of ``sentence`` (as written) that triggered it."""
        words = _words(sentence, self.rules)
        every = _words(sentence, self.rules, content_only=False)
        found: dict[str, str] = {}
        for slug, cues in self._cues:
            for cue in cues:
                if self._holds(words, cue.unless):
                    continue
                if cue.needs and not self._holds(words, cue.needs):
                    continue
                where = self._find(sentence, every if cue.every_word else words, cue)
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
