"""What every step reads and none changes: the text, its folds and sentences, the rule set,
the names and labels to look for.

``Context`` is built once per readout (``build_context``) and is frozen; each step
(framing, dates, participants, initiator, speakers, topics, mentions) is a function of it and of
the earlier steps' results, and returns its own result and warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .gazetteer import NameIndex
from .header import Header, parse_header
from .labels import LabelIndex, label_index
from .languages import RULE_SETS, detect_language
from .rules import RuleSet, VerbPhrase
from .text import Span, fold_same_length, paragraph_spans, sentence_spans, tokens, within
from .types import Concept, Gazetteer, ParseError

_STOP = re.compile(r"[.!?…][\"»”’')\]]*$")
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class Context:
    text: str  # verbatim, header included
    folded: str  # fold_same_length(text): same offsets
    language: str
    rules: RuleSet
    gazetteer: Gazetteer
    index: NameIndex  # the gazetteer's names, with the language's case endings
    labels: LabelIndex  # the thesaurus's labels and PEOPLE's names, with the same endings
    header: Header | None
    body_start: int
    sentences: tuple[Span, ...]
    published: dt.date | None = None  # publication date from a manifest

    def words(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def is_sentence(self, span: Span) -> bool:
        """A sentence ends with a stop and has some length; a headline, a dateline or
        "attributable to ...:" is not one."""
        words = self.words(span)
        return bool(_STOP.search(words)) and len(words.split()) > 4

    def is_signature(self, span: Span) -> bool:
        """A line of a few words and no stop: an agency's signature after the text ("/APA/",
        "(Trend)", "AZƏRTAC"), never a statement."""
        words = self.words(span)
        return not _STOP.search(words) and len(words.split()) <= 3

    def main_verb(self, span: Span, outside_quotes: bool = True) -> VerbPhrase | None:
        """The sentence's reporting verb: outside quotation marks when it has one there
        ("“Azerbaijan is committed to peace,” the President said"), unless not
        ``outside_quotes``."""
        verbs = self.rules.find_verbs(self.text, tokens(self.text, span.start, span.end))
        quoted = self.quoted(span) if outside_quotes else []
        outside = [v for v in verbs if not within(v.start, quoted)]
        return self.rules.main_verb(self.folded, span, outside or verbs)

    def quoted(self, span: Span) -> list[tuple[int, int]]:
        """Spans inside quotation marks (« », “ ”, " ": all folded to ")."""
        return [(m.start(), m.end()) for m in _QUOTED.finditer(self.folded, span.start, span.end)]

    def country_of(self, phrase: str) -> str:
        folded = fold_same_length(phrase)
        for pattern, country in self.rules.country_markers:
            if pattern.search(folded):
                return country
        return ""


def office_kind(office_slug: str) -> str:
    """``us-secretary-of-state`` -> ``secretary-of-state``."""
    prefix, _, rest = office_slug.partition("-")
    return rest if len(prefix) == 2 and rest else office_slug


def build_context(
    text: str,
    gazetteer: Gazetteer,
    published: dt.date | None = None,
    language: str | None = None,
    concepts: tuple[Concept, ...] = (),
) -> Context:
    if not text.strip():
        raise ParseError("empty text: there is nothing to parse")
    header = parse_header(text)
    body_start = header.end if header else 0
    if not text[body_start:].strip():
        raise ParseError("empty text: the header is followed by nothing")
    language = language or detect_language(text[body_start:])
    rules = RULE_SETS.get(language)
    if rules is None:
        raise ParseError(f"no rules yet for readouts in language '{language}'")
    sentences = tuple(
        sentence
        for paragraph in paragraph_spans(text, body_start)
        for sentence in sentence_spans(text, paragraph)
    )
    return Context(
        text=text,
        folded=fold_same_length(text),
        language=language,
        rules=rules,
        gazetteer=gazetteer,
        index=NameIndex(gazetteer.officials, rules.name_suffix),
        labels=label_index(concepts, rules.name_suffix),
        header=header,
        body_start=body_start,
        sentences=sentences,
        published=published,
    )
