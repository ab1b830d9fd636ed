"""Step 4, initiator: who placed the call, from a cue that says so, or None.

"X received a call from Y", "à l'initiative de Y": the first participant after the cue.
"X called Y", "X made a phone call to Y": the last participant before it. In a language that
marks the one called with the dative ("X Y-ə zəng edib"), the caller is the participant not in
the dative. Without a cue ("spoke with", "had a telephone conversation") there is no initiator.
"""

from __future__ import annotations

from .context import Context
from .framing import Framing
from .participants import Cast


def find_initiator(ctx: Context, framing: Framing, cast: Cast) -> str | None:
    rules, folded, span = ctx.rules, ctx.folded, framing.span
    pairs = list(cast.pairs())
    after = rules.caller_after.search(folded, span.start, span.end)
    if after:
        # "à l'initiative de la partie américaine", "at the request of the US side": a side.
        side = ctx.country_of(folded[after.end() : after.end() + 40].split(",")[0])
        sided = [p for p in cast.participants if side and p.country == side]
        if len(sided) == 1 and not _names_right_after(folded, after.end(), pairs):
            return sided[0].slug
        later = [p for f, p in pairs if f.name_start >= after.end()]
        if later:
            return later[0].slug
    before = rules.caller_before.search(folded, span.start, span.end)
    if before:
        earlier = [(f, p) for f, p in pairs if f.name_end <= before.start()]
        if rules.recipient_suffix:
            callers = [p for f, p in earlier if not rules.recipient_suffix.search(f.suffix)]
            return callers[0].slug if len(callers) == 1 else None
        if earlier:
            return earlier[-1][1].slug
    return None


def _names_right_after(folded: str, position: int, pairs) -> bool:
    """Is a participant's name (or title) the next thing after the cue?"""
    return any(0 <= f.start - position <= 4 for f, _ in pairs)
