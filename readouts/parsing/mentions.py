"""People, organisations, places and documents a readout names.

What is named comes from two inputs: the thesaurus (``parse_readout``'s ``concepts``: every place,
organisation and document with its labels in each language, as staff keep them in the admin) and
``PEOPLE`` below (people besides the officials of the gazetteer: the other side of the peace
talks, mediators, neighbours). The thesaurus's terms ("peace process", "prisoners") are not
mentions: they are what statements are about, which topics say.

A label is found:

- as whole words: "Iran" is not in "Iranian" nor "UN" in "UNESCO"; a hyphen joins words, so
  "EU-brokered", "Turkey-Armenia relations" and "Ermənistan-Azərbaycan" name the EU, Turkey
  and Armenia; after an elided article too ("l'OSCE", "d'Erevan");
- folded (case, accents; see text.fold_same_length), except that a label in capitals (an
  acronym: "EU", "UN", "XİN") is only found in capitals (French "eu", "un" are words) and a
  one-word label that starts with a capital only where the text writes one ("Trend" the
  agency, not "a positive trend");
- with the case endings a language writes onto names (``RuleSet.name_suffix``: "Qarabağda",
  "Laçın yolunun", "XİN-dən");
- longest first: "corridor de Latchine" is the corridor, not a second mention of Lachin;
- only when one concept has it: a label two concepts share names neither (not guessed).

What an official's title names ("Presidential Administration", "Avropa və Avrasiya") is the
title, not a mention. A mention is named in English: in an English readout by the English label
it uses, as the thesaurus writes it ("EU", "Russian Federation"), in another language by the
concept's preferred English label; one mention per concept (writing/concepts.py links it back to
the concept by that label). A participant's own country is not a mention: a place one of whose
labels is a rule set's country marker of that country ("Azerbaijan" on a call with Ilham Aliyev).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .publishers import spokespeople
from .text import fold_same_length, longest_first
from .types import Concept, ParsedMention

if TYPE_CHECKING:  # participants.py imports this module
    from .context import Context
    from .framing import Framing
    from .participants import Cast

MENTIONED_KINDS = ("organization", "place", "document")  # of a thesaurus concept


def _e(kind: str, name: str, *cues: str) -> Concept:
    """A person of ``PEOPLE``: a concept of kind person, its cues as labels."""
    return Concept(name, kind, name, tuple(("", cue) for cue in cues))


PEOPLE = (
    # people other than Azerbaijani and US officials (those are in the officials table) whom
    # these readouts name: the other side of the peace talks, mediators, neighbours
    _e(
        "person",
        "Nikol Pashinyan",
        "Nikol Pashinyan",
        "Pashinyan",
        "Pachinian",
        "Nikol Pachinian",
        "Nikol Paşinyan",
        "Paşinyan",
        "Никол Пашинян",
        "Пашинян",
    ),
    _e(
        "person",
        "Ararat Mirzoyan",
        "Ararat Mirzoyan",
        "Mirzoyan",
        "Ararat Mirzoïan",
        "Mirzoïan",
        "Ararat Mirzoyan",
        "Арарат Мирзоян",
    ),
    _e("person", "Armen Grigoryan", "Armen Grigoryan", "Armen Grigorian", "Армен Григорян"),
    _e(
        "person",
        "Serzh Sargsyan",
        "Serzh Sargsyan",
        "Serge Sarkissian",
        "Serj Sarkisyan",
        "Серж Саргсян",
    ),
    _e("person", "Charles Michel", "Charles Michel", "Şarl Mişel", "Шарль Мишель"),
    _e("person", "Josep Borrell", "Josep Borrell", "Жозеп Боррель"),
    _e(
        "person",
        "Vladimir Putin",
        "Vladimir Putin",
        "Vladimir Poutine",
        "Poutine",
        "Putin",
        "Владимир Путин",
    ),
    _e("person", "Sergey Lavrov", "Sergey Lavrov", "Sergueï Lavrov", "Lavrov", "Сергей Лавров"),
    _e(
        "person",
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdogan",
        "Erdoğan",
        "Erdogan",
        "Реджеп Тайип Эрдоган",
    ),
    _e("person", "Igor Popov", "Igor Popov", "Игорь Попов"),
    _e("person", "Stéphane Visconti", "Stéphane Visconti", "Stephane Visconti", "Visconti"),
)


@dataclass(frozen=True)
class Found:
    concept: Concept
    name: str  # the mention's name (see the module's docstring)
    start: int
    end: int


@dataclass(frozen=True)
class _Label:
    concept: Concept
    english: str  # the concept's English label with this fold, else ""
    capitals: bool  # an acronym: only found written in capitals
    initial: bool  # one word with a capital: only found where the text writes one


class LabelIndex:
    """Every label of ``concepts`` (and of ``PEOPLE``), folded, in one pattern, longest first."""

    def __init__(self, concepts: Sequence[Concept], suffix: str = ""):
        entries: dict[str, dict[str, _Label]] = {}
        for concept in (*PEOPLE, *(c for c in concepts if c.kind in MENTIONED_KINDS)):
            for language, label in concept.labels:
                key = fold_same_length(label).strip()
                if not key:
                    continue
                known = entries.setdefault(key, {}).get(concept.slug)
                english = label if language == "en" else ""
                entries[key][concept.slug] = _Label(
                    concept,
                    (known.english if known else "") or english,
                    label.isupper() and (known.capitals if known else True),
                    " " not in key and label[0].isupper() and (known.initial if known else True),
                )
        # A label two concepts share names neither.
        self._labels = {key: next(iter(c.values())) for key, c in entries.items() if len(c) == 1}
        self._pattern = longest_first(
            self._labels, "label", suffix, before=r"(?<![\w])", after=r"(?![\w])"
        )

    def find(self, text: str, folded: str, english: bool = False) -> list[Found]:
        """Labels named in ``text`` (``folded == fold_same_length(text)``), in reading order."""
        found: list[Found] = []
        position = 0
        while self._pattern and (m := self._pattern.search(folded, position)):
            label = self._labels[m.group("label")]
            written = text[m.start("label") : m.end("label")]
            if (label.capitals and not written.isupper()) or (
                label.initial and not written[0].isupper()
            ):
                position = m.start() + 1
                continue
            name = (english and label.english) or label.concept.name
            found.append(Found(label.concept, name, m.start(), m.end()))
            position = m.end()
        return found


@lru_cache(maxsize=8)
def label_index(concepts: tuple[Concept, ...], suffix: str = "") -> LabelIndex:
    return LabelIndex(concepts, suffix)


@lru_cache(maxsize=1024)
def _country_of(concept: Concept) -> str:
    """The country a place is, told by the rule sets' country markers ("" for any other)."""
    from .languages import RULE_SETS  # the rule sets import the parser's modules

    if concept.kind != "place":
        return ""
    for _, label in concept.labels:
        folded = fold_same_length(label)
        for rules in RULE_SETS.values():
            for pattern, country in rules.country_markers:
                m = pattern.search(folded)
                if m and m.span() == (0, len(folded)):
                    return country
    return ""


def _titles(ctx: Context, cast: Cast) -> list[tuple[int, int]]:
    """Where officials' titles are written: what a title names is the office ("Head of the
    Foreign Relations Department of the Presidential Administration", "Avropa və Avrasiya
    məsələləri üzrə dövlət katibinin köməkçisi"), not a mention."""
    from .participants import title_near  # participants.py reads the context, built here

    spans = [(f.start, f.name_start) for f in cast.found]
    body = ctx.body_start
    names = [(m.start, m.end) for m in ctx.index.find(ctx.folded, body)] + [
        (body + f.start, body + f.end)
        for f in ctx.labels.find(ctx.text[body:], ctx.folded[body:])
        if f.concept.kind == "person"
    ]
    previous = body
    for name_start, name_end in sorted(names):
        sentence = next((s for s in ctx.sentences if s.start <= name_start < s.end), None)
        window = max(previous, sentence.start if sentence else body)
        _, start, end = title_near(ctx, window, name_start, name_end)
        spans.append((start, name_start) if end < 0 else (name_end, end))
        previous = name_end
    return spans


def readout_mentions(ctx: Context, framing: Framing, cast: Cast) -> list[ParsedMention]:
    """Step 7, mentions: officials named besides the participants (and those who had calls
    of their own), spokespeople, people of ``PEOPLE`` and the thesaurus's organisations, places
    and documents."""
    on_call = {p.slug for p in cast.participants}
    mentions: list[ParsedMention] = list(cast.away)
    seen = {m.official_slug for m in cast.away if m.official_slug}
    for name in spokespeople(ctx.text):
        if all(m.name != name for m in mentions):
            mentions.append(ParsedMention("person", name))
    for match in ctx.index.find(ctx.folded, framing.span.start):
        official = match.official
        if official and official.slug not in on_call and official.slug not in seen:
            seen.add(official.slug)
            mentions.append(ParsedMention("person", official.name, official.slug))
    countries = {p.country for p in cast.participants}
    body, folded = ctx.text[ctx.body_start :], ctx.folded[ctx.body_start :]
    named = {fold_same_length(p.name) for p in cast.participants} | {
        fold_same_length(m.name) for m in mentions
    }
    titles = [(start - ctx.body_start, end - ctx.body_start) for start, end in _titles(ctx, cast)]
    concepts: set[str] = set()
    for found in ctx.labels.find(body, folded, english=ctx.language == "en"):
        concept = found.concept
        if concept.slug in concepts or _country_of(concept) in countries - {""}:
            continue
        if any(start <= found.start and found.end <= end for start, end in titles):
            continue
        concepts.add(concept.slug)
        if concept.kind != "person" or fold_same_length(concept.name) not in named:
            mentions.append(ParsedMention(concept.kind, found.name))
    return mentions
