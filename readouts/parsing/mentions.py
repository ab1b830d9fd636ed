"""People, organisations, places and documents a readout names.

What is named comes from two inputs: the thesaurus (``parse_readout``'s ``concepts``: every place,
organisation and document with its labels in each language, as staff keep them in the admin) and
``labels.PEOPLE`` (people besides the officials of the gazetteer: the other side of the peace
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
- only when one concept has it: a label two concepts share names neither (not guessed);
- a person of ``PEOPLE`` also by their surname alone right after a title ("European Council
  President Michel", "le président Michel"): alone, a surname may be a first name or a word;
  after a title, and not followed by a capitalised word ("President Michel Barnier"), it is
  the person.

An official's name inside the label of something else ("the Trump Route for International
Peace and Prosperity") names the thing, not the official.

What an official's title names ("Presidential Administration", "Avropa və Avrasiya") is the
title, not a mention; a title is one noun phrase, so what a verb, a break or a preposition
before its head ends is not in it ("the Washington Peace Summit in the presence of President
Trump" names the summit). A mention is named in English: in an English readout by the English label
it uses, as the thesaurus writes it ("EU", "Russian Federation"), in another language by the
concept's preferred English label; one mention per concept (writing/concepts.py links it back to
the concept by that label). A participant's own country is not a mention: a place one of whose
labels is a rule set's country marker of that country ("Azerbaijan" on a call with Ilham Aliyev).
Nor is the place of a dateline, where the readout was published ("BAKU, Azerbaijan, Nov. 18",
"Bakou, 9 décembre, AZERTAC", "Trend, Baku, March 16"): a line that opens with a place (or with
an agency and a comma, then the place) and, past a comma and at most two words, a date, or
that ends with the place and has the date on the next ("Washington, DC" above "May 5, 2018");
the same place named in the text is a mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .context import Context
from .framing import Framing
from .labels import PEOPLE, Found
from .languages import RULE_SETS
from .participants import Cast, clause_start, title_near
from .publishers import spokespeople
from .text import fold_same_length, longest_first
from .types import Concept, ParsedMention

# How far before a surname its title may start ("Assistant Secretary of State for European and
# Eurasian Affairs" is longer, but its head, the word next to the name, is what is tested).
_TITLE_REACH = 40
_CAPITALISED_WORD = re.compile(r"[ \u00a0]+[^\W\d_]", re.UNICODE)
# Between a dateline's place and its date: a comma, and at most two words ("Azerbaijan").
_DATELINE_REACH = 50
# Before a dateline's place on its line: nothing, or the agency and a comma ("Trend, Baku, ...").
_DATELINE_OPENING = re.compile(r"\s*(?:[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*)?\s*,\s*)?")
_TO_DATELINE_DATE = re.compile(
    r"[ \u00a0]*,[ \u00a0]*(?:[^\W\d_][\w.'-]*[ \u00a0]*,?[ \u00a0]*){0,2}"
)
# Or the place ends its line (a state's or a country's name after a comma at most) and the
# date opens the next: "Washington, DC\nMay 5, 2018".
_TO_DATE_BELOW = re.compile(r"(?:[ \u00a0]*,[ \u00a0]*[^\W\d_][\w.'-]*)?[ \u00a0]*\n[ \t]*")


@lru_cache(maxsize=1024)
def _country_of(concept: Concept) -> str:
    """The country a place is, told by the rule sets' country markers ("" for any other)."""
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


@lru_cache(maxsize=8)
def _surnames(suffix: str) -> tuple[dict[str, Concept], re.Pattern | None]:
    """The surnames of ``PEOPLE`` (the last word of each of their names of two words or more,
    folded), each to its person, and one pattern over them; a surname two people share is
    neither's."""
    owners: dict[str, set[Concept]] = {}
    for person in PEOPLE:
        for _, label in person.labels:
            words = label.split()
            if len(words) > 1:
                owners.setdefault(fold_same_length(words[-1]), set()).add(person)
    forms = {form: next(iter(people)) for form, people in owners.items() if len(people) == 1}
    return forms, longest_first(forms, "surname", suffix, before=r"(?<![\w])", after=r"(?![\w])")


def _titled_surnames(ctx: Context) -> list[Concept]:
    """People of ``PEOPLE`` named by a title and their surname alone, in reading order."""
    forms, pattern = _surnames(ctx.rules.name_suffix)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(ctx.folded, ctx.body_start):
        start = m.start("surname")
        if not ctx.text[start].isupper():
            continue
        following = _CAPITALISED_WORD.match(ctx.text, m.end())
        if not m.group("suffix") and following and following.group()[-1].isupper():
            continue  # a first name: "President Michel Barnier" (never with a case ending)
        reach = max(ctx.body_start, start - _TITLE_REACH)
        if any(
            not ctx.folded[head.end() : start].strip(" \u00a0")
            for head in ctx.rules.title_heads.finditer(ctx.folded, reach, start)
        ):
            found.append(forms[m.group("surname")])
    return found


def _dateline(ctx: Context, framing: Framing, labels: list[Found]) -> tuple[int, int]:
    """Where the dateline is written (offsets in the body; empty if there is none): found by
    its place, the first place named before the framing sentence or on the body's first line
    (a line further on that opens with a place, a comma and a date is the text's: "Moscow, 10
    November 2020: ...")."""
    first_line = ctx.text.find("\n", ctx.body_start)
    before = max(framing.span.start, len(ctx.text) if first_line == -1 else first_line)
    for found in labels:
        start, end = ctx.body_start + found.start, ctx.body_start + found.end
        if start >= before:
            break
        if found.concept.kind == "place" and (dateline_end := _dateline_end(ctx, start, end)):
            return found.start, dateline_end - ctx.body_start
    return 0, 0


def _dateline_end(ctx: Context, start: int, end: int) -> int | None:
    """Where the dateline ends whose place is written at ``start:end`` (offsets in the text),
    or None: the place must open its line (or follow the agency's name), then a comma and a
    date follow, or the date opens the next line."""
    line = ctx.text.rfind("\n", ctx.body_start, start) + 1 or ctx.body_start
    if not _DATELINE_OPENING.fullmatch(ctx.text, line, start):
        return None
    dates = [p.search(ctx.folded, end, end + _DATELINE_REACH) for p in ctx.rules.date_patterns]
    ends = [
        m.end()
        for m in dates
        if m
        and (
            _TO_DATELINE_DATE.fullmatch(ctx.folded, end, m.start())
            or _TO_DATE_BELOW.fullmatch(ctx.folded, end, m.start())
        )
    ]
    return max(ends) if ends else None


def _titles(ctx: Context, cast: Cast) -> list[tuple[int, int]]:
    """Where officials' titles are written: what a title names is the office ("Head of the
    Foreign Relations Department of the Presidential Administration", "Avropa və Avrasiya
    məsələləri üzrə dövlət katibinin köməkçisi"), not a mention."""
    spans = [(f.start, f.name_start) for f in cast.found]
    spans += [(f.name_end, f.title_end) for f in cast.found if f.title_end > 0]
    body = ctx.body_start
    names = [(m.start, m.end) for m in ctx.index.find(ctx.folded, body)] + [
        (body + f.start, body + f.end)
        for f in ctx.labels.find(ctx.text[body:], ctx.folded[body:])
        if f.concept.kind == "person"
    ]
    previous = body
    for name_start, name_end in sorted(names):
        sentence = next((s for s in ctx.sentences if s.start <= name_start < s.end), None)
        window = clause_start(ctx, max(previous, sentence.start if sentence else body), name_start)
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
    body, folded = ctx.text[ctx.body_start :], ctx.folded[ctx.body_start :]
    labels = ctx.labels.find(body, folded, english=ctx.language == "en")
    # A name inside the label of something else names no person: "the Trump Route (TRIPP)".
    named_after = [
        (found.start + ctx.body_start, found.end + ctx.body_start)
        for found in labels
        if found.concept.kind != "person"
    ]
    for match in ctx.index.find(ctx.folded, framing.span.start):
        official = match.official
        if any(start <= match.start and match.end <= end for start, end in named_after):
            continue
        if official and official.slug not in on_call and official.slug not in seen:
            seen.add(official.slug)
            mentions.append(ParsedMention("person", official.name, official.slug))
    countries = {p.country for p in cast.participants}
    named = {fold_same_length(p.name) for p in cast.participants} | {
        fold_same_length(m.name) for m in mentions
    }
    titles = [(start - ctx.body_start, end - ctx.body_start) for start, end in _titles(ctx, cast)]
    concepts: set[str] = set()
    dateline = _dateline(ctx, framing, labels)
    for found in labels:
        concept = found.concept
        if concept.kind == "place" and dateline[0] <= found.start < dateline[1]:
            continue  # where the readout was published ("BAKU, Azerbaijan, Nov. 18")
        if concept.slug in concepts or _country_of(concept) in countries - {""}:
            continue
        if any(start <= found.start and found.end <= end for start, end in titles):
            continue
        concepts.add(concept.slug)
        if concept.kind != "person" or fold_same_length(concept.name) not in named:
            mentions.append(ParsedMention(concept.kind, found.name))
    for person in _titled_surnames(ctx):
        if person.slug not in concepts and fold_same_length(person.name) not in named:
            concepts.add(person.slug)
            mentions.append(ParsedMention("person", person.name))
    return mentions
