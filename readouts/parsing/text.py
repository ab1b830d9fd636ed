"""Bytes to text, matching folds, and paragraph/sentence spans over the verbatim text.

Every fold here maps one character to exactly one character, so an offset found in a folded
string is the same offset in the original: statements are always exact slices of the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .types import ParseError

MAX_BYTES = 1_000_000

# One character in, one character out.
_SPECIAL = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "´": "'",
    "`": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "–": "-",
    "—": "-",
    "‑": "-",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "ə": "e",
    "Ə": "e",
    "ı": "i",
    "İ": "i",
    "ß": "s",
    "œ": "o",
    "æ": "a",
}


def check_size(size: int) -> None:
    """Refuse a file over the limit; callers holding only its size check before reading it."""
    if size > MAX_BYTES:
        raise ParseError(f"too large ({size} bytes; the limit is 1 MB)")


def decode_readout(raw: bytes) -> str:
    """Decode an uploaded file, refusing what cannot be a readout, with the reason."""
    check_size(len(raw))
    nul = raw.find(b"\x00")
    if nul != -1:
        raise ParseError(f"binary file (NUL byte at offset {nul})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 (invalid byte at offset {error.start})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ParseError("empty file")
    return text


@lru_cache(maxsize=4096)
def _fold_char(char: str, strip_accents: bool) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    low = char.lower()
    if len(low) != 1:
        low = char
    if strip_accents:
        base = unicodedata.normalize("NFD", low)[0]
        if not unicodedata.combining(base):
            return base
    return low


def lower(text: str) -> str:
    """Lower case with quotes and spaces unified; accents kept ("à" is not "a")."""
    return "".join(_fold_char(c, False) for c in text)


def fold_same_length(text: str) -> str:
    """Lower case, quotes and spaces unified, accents stripped (Azerbaijani letters too)."""
    return "".join(_fold_char(c, True) for c in text)


def longest_first(
    forms: Iterable[str], group: str, suffix: str, *, before: str, after: str
) -> re.Pattern | None:
    """One regex over many literal forms, tried longest first (so "Nagorno-Karabakh" wins over
    "Karabakh"): the form in group ``group``, then group "suffix" matching ``suffix`` (a
    language's case endings; may match nothing), between the ``before`` and ``after``
    boundaries. None when there are no forms."""
    ordered = sorted(forms, key=len, reverse=True)
    if not ordered:
        return None
    alternation = "|".join(map(re.escape, ordered))
    return re.compile(f"{before}(?P<{group}>{alternation})(?P<suffix>{suffix}){after}")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Paragraphs are separated by blank lines; spans are trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _BLANK_LINE.finditer(text, start, end):
        spans.append(_trim(text, cursor, match.start()))
        cursor = match.end()
    spans.append(_trim(text, cursor, end))
    return [span for span in spans if span.end > span.start]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "jr",
        "sr",
        "m",
        "mm",
        "mme",
        "mlle",
        "gen",
        "gov",
        "sen",
        "rep",
        "amb",
        "lt",
        "col",
        "capt",
        "sgt",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "p",
        "pp",
        "art",
        "prof",
        "dept",
        "ave",
        "av",
        "cf",
        "ex",
        "hon",
        "rev",
        "messrs",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "u.s.a",
        "n.b",
    ]
)
# A month's abbreviation before a day or a year ("Aug. 11", "4 févr. 2025"): no sentence end.
MONTH_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "janv",
        "févr",
        "fevr",
        "avr",
        "juil",
        "déc",
    ]
)
# Abbreviations that may end a sentence ("... with the U.S. The Secretary ..."): before one of
# ``SENTENCE_STARTERS`` their period is a full stop.
MAY_END_A_SENTENCE = frozenset(["u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "etc"])
# After an abbreviation such as "U.S.", these words still start a new sentence.
SENTENCE_STARTERS = frozenset(
    [
        "the",
        "he",
        "she",
        "they",
        "it",
        "we",
        "this",
        "that",
        "in",
        "on",
        "le",
        "la",
        "les",
        "il",
        "elle",
        "ils",
        "elles",
        "au",
        "en",
    ]
)
_END_MARK = re.compile(r"[.!?…]+[\"»”’')\]]*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")


def within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``position`` inside one of ``spans`` (start inclusive, end exclusive)?"""
    return any(start <= position < end for start, end in spans)


def sentence_spans(text: str, para: Span) -> list[Span]:
    """Split one paragraph into sentences, careful with abbreviations, initials and numbers."""
    spans = []
    cursor = para.start
    for match in _END_MARK.finditer(text, para.start, para.end):
        end = match.end()
        if end < para.end and not text[end].isspace():
            continue  # "3.5", "U.S.-Azerbaijani"
        if end < para.end and not _starts_sentence(text, end, para.end):
            continue
        if text[match.start()] == "." and not _real_period(text, cursor, match.start(), end, para):
            continue
        spans.append(_trim(text, cursor, end))
        cursor = end
    if cursor < para.end:
        spans.append(_trim(text, cursor, para.end))
    return [span for span in spans if span.end > span.start]


def _starts_sentence(text: str, pos: int, limit: int) -> bool:
    while pos < limit and text[pos].isspace():
        pos += 1
    while pos < limit and (text[pos] in "\"«“'‘(" or text[pos].isspace()):
        pos += 1  # « Nous ...
    return pos < limit and (text[pos].isupper() or text[pos].isdigit())


def _real_period(text: str, start: int, dot: int, end: int, para: Span) -> bool:
    word = _WORD_BEFORE.search(text, start, dot)
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    if token in MONTH_ABBREVIATIONS:
        return not re.match(r"\s*\d", text[end : para.end])
    # "J." or "J.D." before a surname; "U.S." and "D.C." are abbreviations that may end one.
    initials = token not in ABBREVIATIONS and bool(_INITIALS.fullmatch(word.group(1)))
    if token not in ABBREVIATIONS and not initials:
        return True
    if end >= para.end:
        return True
    if initials or token not in MAY_END_A_SENTENCE:
        return False
    following = re.match(r"\s*([\w']+)", text[end : para.end])
    return bool(following and following.group(1).lower() in SENTENCE_STARTERS)


_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")


@dataclass(frozen=True)
class Token:
    text: str  # lower case, accents kept
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold_same_length(self.text)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(lower(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
