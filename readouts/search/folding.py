"""Fold and stem words the same way for the index and for queries, whatever the database.

``fold_to_base_letters`` lowercases, drops Latin diacritics and maps the Azerbaijani letters
that have no decomposition (ə, ı) to their Latin neighbours, so ``Əliyev``, ``État`` and
``l’entretien`` meet ``eliyev``, ``etat`` and ``l'entretien``; it may change a text's length
(œ → oe), unlike the parser's ``fold_same_length``, which keeps offsets. Stemming uses the
Snowball algorithms PostgreSQL ships, so both databases forgive the same inflections.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_LETTERS = str.maketrans(
    {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}
)
# Letters and digits; apostrophes, hyphens and every other mark separate words.
_WORD = re.compile(r"[^\W_]+")
_LATIN_END = 0x250
# The stemmers every text and query goes through: a word matches in either language's form.
STEM_LANGUAGES = ("fr", "en")


def fold_to_base_letters(text: str) -> str:
    """Lowercase; strip accents from Latin letters (other scripts keep theirs, as unaccent does)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    kept, base = [], ""
    for char in decomposed:
        if unicodedata.combining(char) and base and ord(base) < _LATIN_END:
            continue
        kept.append(char)
        base = char
    return unicodedata.normalize("NFC", "".join(kept)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold_to_base_letters(text))


def stemmer_language(language: str) -> str:
    """French readouts stem as French; every other language as English (as on PostgreSQL)."""
    return "french" if language == "fr" else "english"


@lru_cache(maxsize=2)
def _stemmer(name: str):
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    return _stemmer(stemmer_language(language)).stemWord(word)


def stemmed_document(text: str, language: str) -> str:
    """What the SQLite index stores: the folded words of ``text``, stemmed, in order."""
    return " ".join(stem(word, language) for word in words(text))
