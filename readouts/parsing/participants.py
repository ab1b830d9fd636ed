"""Step 3, participants: the officials the framing sentence names, with their titles as written.

Known officials are found by every spelling in the gazetteer (with the language's case endings);
an official the gazetteer does not know, introduced by a title before the name or after it
("Jane Roe, acting assistant secretary"), becomes a new official marked for review, named by
the person's name, never by a piece of the title: the capitalised words after the title's last
place, country or institution ("... of Azerbaijan Aydin Karimli", "... ABŞ-ın Azərbaycandakı
səfiri"), cut where the text names the person again when the run is long ("... and Central Asia
Daniel Holloway"). Such a name that sounds like the name of an official in office that day, in
another transcription ("Con Bass", John Bass: ``gazetteer.spelling_key``), is that official,
and the readout is flagged for an editor to confirm the spelling. A title is read past what
dates the call ("Dünən", "On Tuesday", a dateline's agency), across an "and" of its own, and
past the dot of an abbreviation ("U.S.").
This is an archive of Azerbaijan–US calls: when the framing names an Azerbaijani and a US
official, the others it names (mediators, "spoke separately with A and B") are mentions, not
participants; a framing read with one participant is flagged (``Cast.review``).
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
from .text import ABBREVIATIONS, Span, fold_same_length, lower, tokens
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
    title_end: int = -1  # the end of a title written after the name, else -1


@dataclass(frozen=True)
class Cast:
    """The participants, each beside where it was found, and who was left out."""

    found: tuple[Found, ...]
    participants: tuple[ParsedParticipant, ...]
    away: tuple[ParsedMention, ...] = ()  # named in the framing but on calls of their own
    warnings: tuple[str, ...] = ()
    review: tuple[str, ...] = ()  # what an editor should check (kind "parser")

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
        if _served(ctx, span, match, day):
            continue  # "Hikmet Hajiyev, Advisor to President Ilham Aliyev": not on the call
        if match.official is None:
            warnings.append(_ambiguous(ctx, match))
        elif all(official is not match.official for _, _, official, _, _ in located):
            start = _first_name_before(ctx, match)
            located.append((start, match.end, match.official, match.official.name, match.suffix))
    respelled = []
    for start, end in _unknown_names(ctx, span, names):
        written = ctx.text[start:end]
        sounding = ctx.index.sounding_like(written, day)
        if sounding is None:
            located.append((start, end, None, written, ""))
            continue
        official, suffix = sounding
        if all(official is not known for _, _, known, _, _ in located):
            respelled.append(
                f"'{written}' read as {official.name}, a spelling the gazetteer does not list: "
                "if right, add it to the official's variants"
            )
            located.append((start, end, official, official.name, suffix))
    located.sort(key=lambda item: item[0])
    if not located:
        raise ParseError("no participant found: the framing sentence names no official")
    found, titles, window = [], [], span.start
    for name_start, name_end, official, name, suffix in located:
        title, start, after_end = title_near(ctx, window, name_start, name_end)
        window = max(name_end, after_end)
        found.append(Found(start, name_start, name_end, official, name, suffix, after_end))
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
    return Cast(
        tuple(kept),
        tuple(participants),
        tuple(away),
        tuple(warnings),
        _review(participants) + tuple(respelled),
    )


def _served(ctx: Context, framing: Span, match: NameMatch, day: dt.date) -> bool:
    """Is the name the president another's title ends with, the one its holder serves ("Foreign
    Policy Advisor to President Ilham Aliyev", « conseiller du président Ilham Aliyev »)? Not
    the holder after the title ("Assistant to the President Hikmat Hajiyev")."""
    serves, official = ctx.rules.serves, match.official
    office = official.office_on(day) if official else None
    if not serves or office is None or office_kind(office) != "president":
        return False
    return bool(serves.search(ctx.folded, max(framing.start, match.start - 60), match.start))


def _review(participants: list[ParsedParticipant]) -> tuple[str, ...]:
    """A call has two sides: a framing read with one participant has lost the other one
    (a name the rules did not see), which an editor must add."""
    if len(participants) == 1:
        return (f"only one participant found ({participants[0].name}): check the framing",)
    return ()


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
    rules = ctx.rules
    start = window
    for cue in (rules.framing, rules.caller_after, rules.caller_before):
        for m in cue.finditer(ctx.folded, window, name_start):
            start = max(start, m.end())
    head = _title_before(ctx, start, name_start)
    if head is not None:
        return ctx.text[head:name_start].rstrip(" ,\u00a0"), head, -1
    after = _title_after(ctx, name_end)
    if after is not None:
        head, end = after
        return ctx.text[head:end].strip(), name_start, end
    return "", name_start, -1


def clause_start(ctx: Context, window: int, name_start: int) -> int:
    """Where the stretch that can hold a name's title starts, in a sentence that says more
    than the call: a title is one noun phrase, so a verb, a break (a comma but the title's own
    one right before the name) or a preposition before the title's head ends what came before
    ("... lors du sommet de Washington et a souligné le rôle du président Trump", "... recalled
    the Washington Peace Summit in the presence of President Trump")."""
    rules, folded = ctx.rules, ctx.folded
    verbs = rules.find_verbs(ctx.text, tokens(ctx.text, window, name_start))
    start = max([window] + [verb.end for verb in verbs])
    while (stop := _break(ctx, start, name_start)) is not None:
        if not folded[stop[1] : name_start].strip():
            break  # "le président de la République, Ilham Aliyev": the title's own comma
        start = stop[1]
    head = rules.title_heads.search(folded, start, name_start)
    if head is None:
        return start
    for word in _WORD.finditer(folded, start, head.start()):
        if word.group() in rules.prepositions:
            start = word.end()
    return start


def _title_before(ctx: Context, start: int, name_start: int) -> int | None:
    """Where the title before a name begins: the rule set's reading, or the title read across
    an "and" of its own, or the title set off by a comma ("the Minister of Foreign Affairs of
    the Republic of Azerbaijan, Jeyhun Bayramov"); then past a dateline's last words."""
    head = _read_title(ctx, start, name_start)
    if head is None and (comma := _APPOSITION.search(ctx.folded, start, name_start)):
        head = _read_title(ctx, start, comma.start())
    if head is None:
        return None
    return _past_time_words(ctx, _past_bracket(ctx, head, name_start), name_start)


def _past_bracket(ctx: Context, head: int, name_start: int) -> int:
    """A title holds no bracket it does not open: what a ")" closes ("3 dekabr (Report)
    Xarici işlər naziri") was said before the title."""
    depth, start = 0, head
    for i in range(head, name_start):
        depth += {"(": 1, ")": -1}.get(ctx.text[i], 0)
        if depth < 0:
            depth, start = 0, _SEPARATORS.match(ctx.folded, i).end()
    return start if ctx.rules.title_heads.search(ctx.folded, start, name_start) else head


def _read_title(ctx: Context, start: int, end: int) -> int | None:
    head = ctx.rules.title_start(ctx.text, ctx.folded, start, end)
    return _title_across_and(ctx, start, end) if head is None else head


def _title_across_and(ctx: Context, start: int, name_start: int) -> int | None:
    """A title may hold an "and" of its own ("for the Caucasus and Central Asia", "European and
    Eurasian Affairs") that a rule set takes for the join of two people: when no head follows
    the join and the name does not come right after it, the title runs to the name from its
    last head."""
    rules = ctx.rules
    heads = list(rules.title_heads.finditer(ctx.folded, start, name_start))
    if not heads or _stop(ctx, heads[-1].end(), name_start) is not None:
        return None
    words = _WORD.findall(ctx.folded, heads[-1].end(), name_start)
    if not words or words[-1] in rules.conjunctions | rules.prepositions:
        return None
    return rules.title_start(ctx.text, ctx.folded, start, heads[-1].end())


def _past_time_words(ctx: Context, head: int, name_start: int) -> int:
    """A title does not start with the words that date the call ("Dünən Xarici İşlər Naziri",
    "Today Secretary of State ...", "On June 14 Secretary ..."): a relative day or weekday, a
    date, and a preposition before them, nor with the agency that signs a dateline ("Bakı, 3
    dekabr, AZƏRTAC Xarici işlər naziri"), when a title head follows."""
    rules, folded = ctx.rules, ctx.folded
    patterns = [p for p in (rules.relative_days, rules.relative_weekday) if p]
    patterns += rules.date_patterns
    position = head
    while True:
        word = _WORD.match(folded, position)
        after = position
        if word and word.group() in rules.prepositions:
            after = _SEPARATORS.match(folded, word.end()).end()
        dated = [m.end() for p in patterns if (m := p.match(folded, after)) and m.end() > after]
        if not dated:
            break
        position = _SEPARATORS.match(folded, max(dated)).end()
    if position > head or _date_before(ctx, head):
        position = _past_agency(ctx, position, name_start)
    if position > head and rules.title_heads.search(folded, position, name_start):
        return position
    return head


def _date_before(ctx: Context, position: int) -> bool:
    """A date ends right before ``position``, past a comma or a stop."""
    before = ctx.folded[max(0, position - 40) : position].rstrip(" ,.;:()")
    ends = [m.end() for pattern in ctx.rules.date_patterns for m in pattern.finditer(before)]
    return len(before) in ends


def _past_agency(ctx: Context, position: int, name_start: int) -> int:
    """Past an organisation named right after a date: the agency that signs a dateline."""
    found = ctx.labels.find(ctx.text[position:name_start], ctx.folded[position:name_start])
    if found and found[0].start == 0 and found[0].concept.kind == "organization":
        return _SEPARATORS.match(ctx.folded, position + found[0].end).end()
    return position


def _title_after(ctx: Context, name_end: int) -> tuple[int, int] | None:
    """A title written after the name and a comma ("Jane Roe, the new U.S. Ambassador to
    Azerbaijan"): its start (the head, or the capitals right before it) and its end. A title
    that runs into another name is that name's title, not this one's."""
    head = _head_after(ctx, name_end)
    if head is None:
        return None
    limit = _sentence_end(ctx, name_end)
    stop = _stop(ctx, head.end(), limit)
    end = limit if stop is None else stop
    while end > head.end() and ctx.folded[end - 1].isspace():
        end -= 1
    if _names_a_name(ctx, head.end(), end):
        return None
    start = head.start()
    while (capital := _capital_before(ctx.text, start)) and _stop(
        ctx, capital.start(), start
    ) is None:
        start = capital.start()
    return start, end


def _names_a_name(ctx: Context, start: int, end: int) -> bool:
    """A known name inside the title or right after it and a comma ("..., Assistant Secretary of
    State, Karen Donfried"): the title is that name's."""
    comma = _COMMA.match(ctx.folded, end)
    apposed = comma.end() if comma else -1
    limit = min(len(ctx.folded), max(end, apposed) + 80)
    return any(
        n.start < end or n.start == apposed for n in ctx.index.find(ctx.folded, start, limit)
    )


def _head_after(ctx: Context, name_end: int) -> re.Match[str] | None:
    """The head of a title after the name and a comma, near it and in the same clause, not
    joined to the name by "and": a dot of "U.S." or "Mr." ends nothing."""
    comma = _COMMA.match(ctx.folded, name_end)
    if not comma:
        return None
    limit = min(comma.end() + 40, _sentence_end(ctx, name_end))
    head = ctx.rules.title_heads.search(ctx.folded, comma.end(), limit)
    if head is None or _stop(ctx, comma.end(), head.start()) is not None:
        return None
    lead = _WORD.findall(ctx.folded, comma.end(), head.start())
    if any(word in ctx.rules.conjunctions for word in lead):
        return None  # "X, and the Assistant Secretary Y": the next person's title
    return head


def _stop(ctx: Context, start: int, end: int) -> int | None:
    """Where a title breaks between ``start`` and ``end``, or None."""
    found = _break(ctx, start, end)
    return found[0] if found else None


def _break(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """The first break of a title between ``start`` and ``end`` (a comma, a verb...); the dot
    of an abbreviation ("U.S.", "Mr.", "J.") is not one. Read with the accents, so the French
    preposition "à" is not the verb "a"."""
    breakers = ctx.rules.title_breakers or _BREAKERS
    for m in breakers.finditer(lower(ctx.text[start:end])):
        if not (m.group() == "." and _abbreviation(ctx.text, start + m.start())):
            return start + m.start(), start + m.end()
    return None


def _abbreviation(text: str, dot: int) -> bool:
    """The dot at ``dot`` closes an abbreviation or an initial: "U.S.", "Mr.", "J."."""
    word = _ABBREVIATED.search(text, max(0, dot - 12), dot)
    if not word:
        return False
    return len(word.group()) == 1 or word.group().lower() in ABBREVIATIONS


def _sentence_end(ctx: Context, position: int) -> int:
    return next((s.end for s in ctx.sentences if s.start <= position < s.end), len(ctx.text))


def _unknown_names(ctx: Context, framing: Span, names: list[NameMatch]) -> list[tuple[int, int]]:
    """People introduced by a title but missing from the gazetteer, in reading order; a title
    before a name starts after the name before it, found or new."""
    result: list[tuple[int, int]] = []
    ends = [n.end for n in names]
    for run in _capital_runs(ctx, framing):
        for piece in _name_pieces(ctx, run):
            start, end = piece[0].start(), piece[-1].end()
            if any(n.start < end and start < n.end for n in names):
                continue
            titled = _titled_before(ctx, framing, start, ends)
            if titled or _titled_after(ctx, end):
                name_start = _named_again(ctx, piece)
                if titled and name_start == start and _governed(ctx, start):
                    name_start = piece[-2].start()
                result.append((name_start, end))
                ends.append(end)
    return result


def _governed(ctx: Context, start: int) -> bool:
    """The word before a name's capitals is a preposition or a conjunction of its title ("of",
    "for", "and"): the first capitals are what the title is of ("Minister of Economy and Trade
    Rauf Gasimov", "Secretary of Commerce Gina Raimondo"), and the name is the last two."""
    word = _WORD_BEFORE.search(ctx.folded, max(0, start - 60), start)
    rules = ctx.rules
    return bool(word) and word.group(1) in rules.prepositions | rules.conjunctions


def _capital_runs(ctx: Context, framing: Span) -> list[list[re.Match[str]]]:
    """Runs of capitalised words separated by single spaces ("Wendy Sherman"); a title word
    ("Secretary") does not start a name."""
    runs: list[list[re.Match[str]]] = [[]]
    for word in _NAME_WORD.finditer(ctx.text, framing.start, framing.end):
        capital = word.group()[0].isupper() and not ctx.rules.title_heads.fullmatch(
            fold_same_length(word.group())
        )
        if not capital:
            runs.append([])
        elif runs[-1] and ctx.text[runs[-1][-1].end() : word.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
    return [run for run in runs if run]


def _name_pieces(ctx: Context, run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The parts of a run that can be a person's name, two words or more: the words between the
    ones that belong to titles (an institution, a place or organisation, a country), so "Foreign
    Affairs of Azerbaijan Aydin Karimli" holds "Aydin Karimli", and "Aydın Kərimli ABŞ Dövlət
    Departamentinin" (a name running into the next title) does too. An acronym opens no name:
    "US Andrew Schofer" is "Andrew Schofer"."""
    while run and run[0].group().isupper() and len(run[0].group()) <= 5:
        run = run[1:]
    if not run:
        return []
    titled = _title_words(ctx, run)
    pieces: list[list[re.Match[str]]] = [[]]
    for i, word in enumerate(run):
        if i in titled:
            pieces.append([])
        else:
            pieces[-1].append(word)
    return [piece for piece in pieces if len(piece) >= 2]


def _title_words(ctx: Context, run: list[re.Match[str]]) -> set[int]:
    """Which words of a run belong to a title, not to a name: an institution word ("Affairs",
    "State"), a country ("Azerbaijani", "ABŞ-ın") or a word of a place or organisation the
    thesaurus labels ("Lachin Corridor", "European Council", "Qafqaz")."""
    start, end = run[0].start(), run[-1].end()
    labelled = [
        (start + f.start, start + f.end)
        for f in ctx.labels.find(ctx.text[start:end], ctx.folded[start:end])
        if f.concept.kind != "person"
    ]
    titled = set()
    for i, word in enumerate(run):
        folded = fold_same_length(word.group())
        if (
            folded in ctx.rules.institution_words
            or ctx.country_of(folded)
            or any(a <= word.start() < b for a, b in labelled)
        ):
            titled.add(i)
    return titled


def _named_again(ctx: Context, piece: list[re.Match[str]]) -> int:
    """Where a long piece's name starts: the longest tail of it that the text writes again on
    its own ("... for the Caucasus and Central Asia Daniel Holloway" then "briefed Daniel
    Holloway"), else its first word. A region the thesaurus does not know stays out of the
    name this way."""
    if len(piece) < 3:
        return piece[0].start()
    end = piece[-1].end()
    for word in piece[:-1]:
        tail = re.escape(ctx.folded[word.start() : end])
        for m in re.finditer(rf"(?<![\w'-]){tail}(?![\w'-])", ctx.folded[ctx.body_start :]):
            at = ctx.body_start + m.start()
            if at != word.start() and not _capital_before(ctx.text, at):
                return word.start()
    return piece[0].start()


def _titled_before(ctx: Context, framing: Span, start: int, ends: list[int]) -> bool:
    """A title ends right before the name: "Deputy Assistant Secretary Jane Roe"; it starts
    after the name before it."""
    floor = max([framing.start, start - 100] + [end for end in ends if end <= start])
    before = ctx.folded[floor:start].rstrip(" ,")
    heads = list(ctx.rules.title_heads.finditer(before))
    if not heads:
        return False
    if ctx.rules.spokesperson and ctx.rules.spokesperson.search(before):
        return False
    return _stop(ctx, floor + heads[-1].end(), floor + len(before)) is None


def _titled_after(ctx: Context, end: int) -> bool:
    """A title follows after a comma: "Jane Roe, acting assistant to the Secretary", "Jane Roe,
    the new U.S. Ambassador"."""
    return _title_after(ctx, end) is not None


def _first_name_before(ctx: Context, match: NameMatch) -> int:
    """Where an official found by the surname alone starts when the text writes a first name
    the gazetteer spells another way ("Luis Bono" for Louis Bono): at the capitalised word
    right before the surname, if it starts as the official's first name does. Else the first
    name would end the title before it."""
    rules, official = ctx.rules, match.official
    names = fold_same_length(official.name).split() if official else []
    written = ctx.folded[match.start : match.end - len(match.suffix)].split()
    word = _capital_before(ctx.text, match.start)
    if len(names) < 2 or written != names[-1:] or not word:
        return match.start
    folded = fold_same_length(word.group(1))
    if (
        word.group(1).isupper()
        or rules.title_heads.fullmatch(folded)
        or folded in rules.institution_words
        or ctx.country_of(folded)
        or anyascii(folded)[:1] != anyascii(names[0])[:1]
    ):
        return match.start
    return word.start()


_WORD = re.compile(r"[^\W\d_]+")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SEPARATORS = re.compile(r"[\s,.;:()]*")
_COMMA = re.compile(r"\s*,\s*")
_APPOSITION = re.compile(r",\s*\Z")  # a comma right before the name
_BREAKERS = re.compile(r"[,.;]")
_ABBREVIATED = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*$")
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([^\W\d_][\w.'’-]*) \Z")


def _capital_before(text: str, position: int) -> re.Match[str] | None:
    """The capitalised word right before ``position``, one space apart ("U.S. ", "Luis ")."""
    word = _WORD_BEFORE.search(text, max(0, position - 60), position)
    return word if word and word.group(1)[0].isupper() else None


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
