"""A word or phrase in one language also finds its equivalents in the others, through the thesaurus.

``expand`` widens each term of a parsed query into an OR of every label of the concept it names
(``prisoners`` → prisonniers, détenus, məhbuslar…; ``Karabakh`` → Karabagh, Qarabağ…), the same
way ``spellings`` widens a surname. A term names a concept when its words, stemmed in French or
in English, are a label's words stemmed the same way, so ``prisoner``, ``détenu`` and
``Prisonniers`` all count. Words typed one after the other that together make a label
(``mass graves``, ``traité de paix``) are read as that phrase, with its equivalents.

Azerbaijani adds its endings to the word (``Qarabağda``, ``məhbusların``) and neither engine has
an Azerbaijani stemmer, so an Azerbaijani label is searched as a prefix of at least
``MIN_PREFIX`` letters (``məhbus*``): FTS5 and tsquery both match a prefix.

Excluded terms widen too (``-prisoners`` leaves out the calls that say "détenus"). Phrases and
``OR`` keep their meaning: an equivalent joins the group of the term it stands for.

The widening is capped (``MAX_PER_TERM`` equivalents for a term, ``MAX_ADDED`` for the query)
so that a query of many labelled words stays a query of bounded size. Labels that are ordinary
words in another language (``EU`` / French "eu", ``Aİ`` / French "ai") find their concept but
are never added to someone else's search. The labels are read once per archive version.
"""

from dataclasses import replace

from ..cache import cached
from ..models import Concept
from .folding import STEM_LANGUAGES, stem, words
from .grammar import SearchQuery, Term

MAX_PER_TERM = 12
MAX_ADDED = 48
MAX_LABEL_WORDS = 6
MIN_PREFIX = 4
# Folded one-word labels that are also common words of French, English or Azerbaijani.
AMBIGUOUS = frozenset({"eu", "ue", "ai", "un", "us", "en", "on", "es", "ar"})

Key = tuple[str, ...]


def expand(query: SearchQuery) -> SearchQuery:
    """``query`` with every term that names a concept widened to the concept's other labels."""
    if not query:
        return query
    table = label_table()
    if not table["concepts"]:
        return query
    budget = [MAX_ADDED]
    also: list[str] = []
    groups = []
    for group in _joined(query.groups, table):
        groups.append(_widened(group, table, budget, also))
    excluded = _widened(query.excluded, table, budget, also)
    if not also and tuple(groups) == query.groups:
        return query
    return replace(query, groups=tuple(groups), excluded=excluded, also=tuple(also))


def _keys(term_words: Key) -> set[Key]:
    """The word tuple as typed, and stemmed in each language the index stems in."""
    keys = {term_words}
    for language in STEM_LANGUAGES:
        keys.add(tuple(stem(word, language) for word in term_words))
    return keys


def _concepts_of(term: Term, table) -> list[int]:
    found: list[int] = []
    for key in _keys(term.words):
        for concept in table["by_key"].get(key, ()):
            if concept not in found:
                found.append(concept)
    return sorted(found)


def _joined(groups, table):
    """Runs of single plain words that together make a label, read as that one phrase."""
    result, index = [], 0
    while index < len(groups):
        for size in range(min(MAX_LABEL_WORDS, len(groups) - index), 1, -1):
            run = groups[index : index + size]
            if all(len(g) == 1 and not g[0].is_phrase for g in run):
                phrase = Term(tuple(g[0].words[0] for g in run))
                if _concepts_of(phrase, table):
                    result.append((phrase,))
                    index += size
                    break
        else:
            result.append(groups[index])
            index += 1
    return result


def _widened(terms, table, budget: list[int], also: list[str]) -> tuple[Term, ...]:
    """``terms`` followed by the labels of the concepts they name, within the caps."""
    widened = list(terms)
    # What the reader is told: one form of each label (not prisonnier and prisonniers).
    seen = [term.words for term in terms]
    for term in terms:
        added = 0
        labels = [
            label for concept in _concepts_of(term, table) for label in table["concepts"][concept]
        ]
        for label_words, text, language in labels:
            if added == MAX_PER_TERM or budget[0] == 0:
                break
            if len(label_words) == 1 and label_words[0] in AMBIGUOUS:
                continue
            prefix = language == "az" and len(label_words[-1]) >= MIN_PREFIX
            candidate = Term(label_words, prefix=prefix)
            if candidate in widened or (label_words == term.words and not prefix):
                continue
            widened.append(candidate)
            added += 1
            budget[0] -= 1
            if not any(_inflection(label_words, shown) for shown in seen):
                also.append(text)
            seen.append(label_words)
    return tuple(widened)


def _inflection(label: Key, typed: Key) -> bool:
    """Whether ``label`` is only another form of what was typed (prisonnier, prisonniers): not
    worth saying that it was also searched."""
    return len(label) == len(typed) and all(
        (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2
        for a, b in zip(label, typed, strict=True)
    )


def label_table() -> dict:
    """The thesaurus as ``expand`` reads it, kept until the archive next changes (and made
    again by the write that changed it, ``search.prepare``)."""
    return cached("thesaurus-labels", _label_table)


def _label_table() -> dict:
    """Every concept's labels as folded words, and the concepts each label key points to.

    Plain dicts and tuples, so the cache can keep it.
    """
    concepts: dict[int, list[tuple[Key, str, str]]] = {}
    by_key: dict[Key, list[int]] = {}
    for concept in Concept.objects.all():
        labels, preferred = [], {concept.pref_label(language) for language in ("en", "fr", "az")}
        for language, text in concept.labels():
            folded = tuple(words(text))
            if not folded or len(folded) > MAX_LABEL_WORDS:
                continue
            if any(folded == known for known, _, _ in labels):
                continue
            labels.append((folded, text, language))
            for key in _keys(folded):
                by_key.setdefault(key, [])
                if concept.pk not in by_key[key]:
                    by_key[key].append(concept.pk)
        # Preferred labels first, then shorter ones: they find the most, and the cap keeps them.
        concepts[concept.pk] = sorted(
            labels, key=lambda label: (label[1] not in preferred, len(label[0]), label[1])
        )
    return {"concepts": concepts, "by_key": by_key}
