"""Step 3, participants: the officials the framing sentence names, with their titles as written.

Known officials are found by every spelling in the gazetteer (with the language's case endings);
an official the gazetteer does not know, introduced by a title before the name or after it
("Jane Roe, acting assistant secretary"), becomes a new official marked for review, named by
the person's name, never by a piece of the title. This is an archive of Azerbaijan–US calls:
when the framing names an Azerbaijani and a US official, the others it names (mediators,
"spoke separately with A and B") are mentions, not participants.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from anyascii import anyascii

from .context import Context, office_kind
from .framing import Framing
from .gazetteer import NameMatch
from .text import Span, fold_same_length
from .types import Official, ParsedMention, ParsedParticipant, ParseError


@dataclass(frozen=True)
class Found:
    """A participant where the framing sentence names them."""

    start: int  # start of the title (or the name when there is no title before it)
    name_start: int
    name_end: int
    official: Official | None
    name: str
    suffix: str = ""  # a case ending on the name ("Əliyevə")


@dataclass(frozen=True)
class Cast:
    """The participants, each beside where it was found, and who was left out."""

    found: tuple[Found, ...]
    participants: tuple[ParsedParticipant, ...]
    away: tuple[ParsedMention, ...] = ()  # named in the framing but on calls of their own
    warnings: tuple[str, ...] = ()

    def pairs(self):
        return zip(self.found, self.participants, strict=True)


def slugify(name: str) -> str:
    """A URL slug for an official the gazetteer does not know, never empty.

    Folding keeps the slugs of Latin names as they were; what it leaves outside ASCII (Cyrillic,
    Greek, Armenian...) is transliterated, so "Арарат Мирзоян" is ``ararat-mirzoyan``, not ``""``
    (an empty slug breaks every link to the official and merges different people into one). A name
    with nothing to transliterate gets a slug of its own, derived from the name.
    """
    slug = (
        re.sub(r"[^a-z0-9]+", "-", anyascii(fold_same_length(name)).lower())
        .strip("-")[:200]
        .rstrip("-")
    )
    return slug or f"official-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def find_participants(ctx: Context, framing: Framing, day: dt.date) -> Cast:
    span, warnings = framing.span, []
    names = ctx.index.find(ctx.folded, span.start, span.end)
    located: list[tuple[int, int, Official | None, str, str]] = []
    for match in names:
        if match.official is None:
            warnings.append(_ambiguous(ctx, match))
        elif all(official is not match.official for _, _, official, _, _ in located):
            located.append(
                (match.start, match.end, match.official, match.official.name, match.suffix)
            )
    for start, end in _unknown_names(ctx, span, names):
        located.append((start, end, None, ctx.text[start:end], ""))
    located.sort(key=lambda item: item[0])
    if not located:
        raise ParseError("no participant found: the framing sentence names no official")
    found, titles, window = [], [], span.start
    for name_start, name_end, official, name, suffix in located:
        title, start, after_end = title_near(ctx, window, name_start, name_end)
        window = max(name_end, after_end)
        found.append(Found(start, name_start, name_end, official, name, suffix))
        titles.append(title)
    separately = ctx.rules.separately and ctx.rules.separately.search(
        ctx.folded, span.start, span.end
    )
    countries = [
        f.official.country if f.official else country_near(ctx, f, title)
        for f, title in zip(found, titles, strict=True)
    ]
    both_sides = {"AZ", "US"} <= set(countries)
    participants, kept, away = [], [], []
    for f, title, country in zip(found, titles, countries, strict=True):
        if (separately or both_sides) and country not in ("AZ", "US"):
            away.append(ParsedMention("person", f.name, f.official.slug if f.official else None))
            continue
        kept.append(f)
        participants.append(_participant(ctx, f, title, day, warnings))
    return Cast(tuple(kept), tuple(participants), tuple(away), tuple(warnings))


def country_near(ctx: Context, f: Found, title: str) -> str:
    """An official's country from the title, or from "of Armenia" after the name."""
    cue = ctx.rules.country_after
    after = cue.match(ctx.folded, f.name_end) if cue else None
    return ctx.country_of(title) or ctx.country_of(after.group() if after else "")


def side(ctx: Context, cast: Cast) -> str:
    """Whose account this is, when the titles tell: a readout names the other side's officials
    with their country ("Azerbaijani President Ilham Aliyev") and its own without."""
    marked = {
        p.country: bool(country_near(ctx, f, p.title_as_written))
        for f, p in cast.pairs()
        if p.country in ("AZ", "US")
    }
    if len(marked) == 2 and marked["AZ"] != marked["US"]:
        return "US" if marked["AZ"] else "AZ"
    return ""


def _ambiguous(ctx: Context, match: NameMatch) -> str:
    written = ctx.text[match.start : match.end]
    who = " or ".join(o.name for o in match.candidates)
    return f"ambiguous name '{written}': could be {who}; not guessed"


def title_near(ctx: Context, window: int, name_start: int, name_end: int) -> tuple[str, int, int]:
    """The title as written before the name (or right after it), its start, its end."""
    rules, folded = ctx.rules, ctx.folded
    start = window
    for cue in (rules.framing, rules.caller_after, rules.caller_before):
        for m in cue.finditer(folded, window, name_start):
            start = max(start, m.end())
    head = rules.title_start(ctx.text, folded, start, name_start)
    if head is not None:
        return ctx.text[head:name_start].rstrip(" ,\u00a0"), head, -1
    after = re.compile(r"\s*,\s*").match(ctx.text, name_end)
    if after:
        head = rules.title_heads.match(folded, after.end())
        if head:
            breakers = rules.title_breakers or re.compile(r"[,.;]")
            stop = breakers.search(folded, head.end())
            end = stop.start() if stop else len(folded)
            while end > head.end() and folded[end - 1].isspace():
                end -= 1
            return ctx.text[head.start() : end].strip(), name_start, end
    return "", name_start, -1


def _unknown_names(ctx: Context, framing: Span, names: list[NameMatch]) -> list[tuple[int, int]]:
    """People introduced by a title but missing from the gazetteer."""
    rules = ctx.rules
    words = [
        m
        for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", ctx.text)
        if framing.start <= m.start() < framing.end
    ]
    # Runs of capitalised words separated by single spaces ("Wendy Sherman"); a title word
    # ("Secretary") does not start a name.
    runs: list[list[re.Match[str]]] = []
    for word in words:
        capital = word.group()[0].isupper() and not rules.title_heads.fullmatch(
            fold_same_length(word.group())
        )
        if not capital:
            runs.append([])
        elif runs and runs[-1] and ctx.text[runs[-1][-1].end() : word.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
    result = []
    breakers = rules.title_breakers or re.compile(r"[,.;]")
    for run in runs:
        # An acronym ("US", "OSCE") opens no name: "US Andrew Schofer" is "Andrew Schofer".
        while run and run[0].group().isupper() and len(run[0].group()) <= 5:
            run = run[1:]
        # The end of a title in capitals stays out of the name: "... of State Jane Roe",
        # "Consular Affairs Jane Roe" are "Jane Roe".
        institution = [
            i
            for i, word in enumerate(run)
            if fold_same_length(word.group()) in rules.institution_words
        ]
        if institution:
            run = run[institution[-1] + 1 :]
        if len(run) < 2:
            continue
        start, end = run[0].start(), run[-1].end()
        if any(n.start < end and start < n.end for n in names):
            continue
        if any(
            found.concept.kind != "person"
            for found in ctx.labels.find(ctx.text[start:end], ctx.folded[start:end])
        ):
            continue  # "Lachin Corridor", "European Council": not a person
        if _titled_before(ctx, framing, start, names, breakers) or _titled_after(ctx, end):
            result.append((start, end))
    return result


def _titled_before(ctx: Context, framing: Span, start: int, names, breakers) -> bool:
    """A title ends right before the name: "Deputy Assistant Secretary Jane Roe"."""
    floor = max([framing.start, start - 100] + [n.end for n in names if n.end <= start])
    before = ctx.folded[floor:start].rstrip(" ,")
    heads = list(ctx.rules.title_heads.finditer(before))
    if not heads:
        return False
    if ctx.rules.spokesperson and ctx.rules.spokesperson.search(before):
        return False
    return not breakers.search(before, heads[-1].end())


def _titled_after(ctx: Context, end: int) -> bool:
    """A title follows after a comma: "Jane Roe, acting assistant to the Secretary"."""
    comma = re.compile(r"\s*,\s*").match(ctx.folded, end)
    if not comma:
        return False
    head = ctx.rules.title_heads.search(ctx.folded, comma.end(), comma.end() + 40)
    return bool(head and not re.search(r"[,.;]", ctx.folded[comma.end() : head.start()]))


def _participant(
    ctx: Context, f: Found, title: str, day: dt.date, warnings: list[str]
) -> ParsedParticipant:
    if f.official is not None:
        office = f.official.office_on(day)
        if office is None:
            warnings.append(
                f"{f.official.name} held no office known to the gazetteer on {day.isoformat()}"
            )
        return ParsedParticipant(
            f.official.name, f.official.slug, f.official.country, title, office
        )
    country = country_near(ctx, f, title)
    office = _office_for_title(ctx, title, country)
    if office and not country:
        country = next(o.country for o in ctx.gazetteer.offices if o.slug == office)
    warnings.append(f"unknown official: '{f.name}' ({title}) is not in the gazetteer; needs review")
    return ParsedParticipant(f.name, slugify(f.name), country, title, office, needs_review=True)


def _office_for_title(ctx: Context, title: str, country: str) -> str | None:
    folded = fold_same_length(title)
    for role in ctx.rules.roles:
        if role.pattern.match(folded):
            offices = [
                o.slug
                for o in ctx.gazetteer.offices
                if office_kind(o.slug) in role.kinds and (not country or o.country == country)
            ]
            return offices[0] if len(offices) == 1 else None
    return None
