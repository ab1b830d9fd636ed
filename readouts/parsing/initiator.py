"""Step 4, initiator: who placed the call, from a cue that says so, or None.

"X received a call from Y", "à l'initiative de Y": the first participant after the cue.
"X called Y", "X made a phone call to Y": the last participant before it. In a language that
marks the one called with the dative ("X Y-ə zəng edib"), the caller is the participant not in
the dative. A language that puts the caller before the cue, in the genitive ("ABŞ tərəfinin
təşəbbüsü ilə"), captures it in the cue's ``caller`` group. Without a cue ("spoke with", "had a
telephone conversation") there is no initiator.

When the framing does not say, a later sentence about the conversation itself may ("The
conversation was held at the request of the American side."): ``tells_initiator``.
"""

from __future__ import annotations

from .context import Context
from .framing import Framing
from .participants import Cast, Found
from .text import Span


def find_initiator(ctx: Context, framing: Framing, cast: Cast) -> str | None:
    said = _in_framing(ctx, framing.span, cast)
    if said:
        return said
    for span in ctx.sentences:
        if span != framing.span and tells_initiator(ctx, span):
            said = _after_cue(ctx, span, cast, _named(ctx, span, cast))
            if said:
                return said
    return None


def tells_initiator(ctx: Context, span: Span) -> bool:
    """Is this a sentence about the conversation itself that says who asked for it ("The
    phone conversation took place at the initiative of the Azerbaijani side.")? It names the
    conversation, holds a cue, and reports nothing: "X welcomed the talks held at the request
    of Y" is a statement of X, not a word on this call. Such a sentence says nothing anyone
    said: it is not a statement either."""
    rules, folded = ctx.rules, ctx.folded
    if not rules.caller_after.search(folded, span.start, span.end):
        return False
    named = any(
        cue and cue.search(folded, span.start, span.end)
        for cue in (rules.framing, rules.conversation)
    )
    verb = ctx.main_verb(span)
    return named and not (verb and rules.verb_class(verb))


def _in_framing(ctx: Context, span: Span, cast: Cast) -> str | None:
    rules, folded = ctx.rules, ctx.folded
    pairs = list(cast.pairs())
    said = _after_cue(ctx, span, cast, pairs)
    if said:
        return said
    before = rules.caller_before.search(folded, span.start, span.end)
    if before:
        earlier = [(f, p) for f, p in pairs if f.name_end <= before.start()]
        if rules.recipient_suffix:
            callers = [p for f, p in earlier if not rules.recipient_suffix.search(f.suffix)]
            return callers[0].slug if len(callers) == 1 else None
        if earlier:
            return earlier[-1][1].slug
    return None


def _after_cue(ctx: Context, span: Span, cast: Cast, pairs) -> str | None:
    """The caller an "initiative" or "call from" cue in ``span`` names, or None."""
    folded = ctx.folded
    after = ctx.rules.caller_after.search(folded, span.start, span.end)
    if not after:
        return None
    if "caller" in after.re.groupindex:
        return _possessor(ctx, after.start("caller"), after.end("caller"), cast, pairs)
    # "à l'initiative de la partie américaine", "at the request of the US side": a side.
    side = ctx.country_of(folded[after.end() : after.end() + 40].split(",")[0])
    sided = [p for p in cast.participants if side and p.country == side]
    if len(sided) == 1 and not _names_right_after(folded, after.end(), pairs):
        return sided[0].slug
    later = [p for f, p in pairs if f.name_start >= after.end()]
    return later[0].slug if later else None


def _possessor(ctx: Context, start: int, end: int, cast: Cast, pairs) -> str | None:
    """The caller written before the cue: a participant whose name ends right there
    ("Blinkenin təşəbbüsü ilə"), else the one participant of the side named last in it
    ("ABŞ tərəfinin təşəbbüsü ilə")."""
    for f, p in pairs:
        if start <= f.name_start < f.name_end <= end and not ctx.folded[f.name_end : end].strip():
            return p.slug
    side = _last_country(ctx, ctx.folded[start:end])
    sided = [p for p in cast.participants if side and p.country == side]
    return sided[0].slug if len(sided) == 1 else None


def _last_country(ctx: Context, phrase: str) -> str:
    """The country named nearest the end of ``phrase`` (the possessor is its last word)."""
    found = [
        (m.end(), country)
        for pattern, country in ctx.rules.country_markers
        for m in pattern.finditer(phrase)
    ]
    return max(found)[1] if found else ""


def _named(ctx: Context, span: Span, cast: Cast) -> list:
    """Participants named in a sentence other than the framing, by the names the table knows,
    each with where it is written (as ``Cast.pairs`` gives them for the framing)."""
    by_slug = {p.slug: p for p in cast.participants}
    pairs = []
    for m in ctx.index.find(ctx.folded, span.start, span.end):
        if m.official and m.official.slug in by_slug:
            found = Found(m.start, m.start, m.end, m.official, m.official.name, m.suffix)
            pairs.append((found, by_slug[m.official.slug]))
    return pairs


def _names_right_after(folded: str, position: int, pairs) -> bool:
    """Is a participant's name (or title) the next thing after the cue?"""
    return any(0 <= f.start - position <= 4 for f, _ in pairs)
