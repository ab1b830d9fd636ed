"""Step 1, framing: the sentence that says two officials spoke by phone or video.

It is one of the first few real sentences (headlines, datelines and "attributable to" lines do
not count), preferring a sentence that ends with a stop to a headline. A genuine readout that
names the call further down is taken with a review reason; a text that never names a call with
an official in it is not a readout and is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import Context
from .text import Span
from .types import ParseError


@dataclass(frozen=True)
class Framing:
    index: int  # in ctx.sentences
    span: Span
    review: tuple[str, ...] = ()

    @property
    def before(self) -> slice:
        return slice(0, self.index)


def find_framing(ctx: Context) -> Framing:
    rules = ctx.rules
    matches, real = [], 0
    for i, span in enumerate(ctx.sentences):
        if ctx.is_sentence(span):
            real += 1
        if real > rules.framing_search:
            break
        if rules.framing.search(ctx.folded, span.start, span.end):
            matches.append(i)
    if not matches:
        later = _late_framing(ctx)
        if later is None:
            raise ParseError("no call framing: the first sentence does not describe a phone call")
        return Framing(
            later,
            ctx.sentences[later],
            (f"the call is described only in sentence {later + 1}: check the framing",),
        )
    for i in matches:
        if ctx.is_sentence(ctx.sentences[i]):
            return Framing(i, ctx.sentences[i])
    return Framing(matches[0], ctx.sentences[matches[0]])


def _late_framing(ctx: Context) -> int | None:
    for i, span in enumerate(ctx.sentences):
        if ctx.rules.framing.search(ctx.folded, span.start, span.end) and ctx.index.find(
            ctx.folded, span.start, span.end
        ):
            return i
    return None


def lead_sentences(ctx: Context, framing: Framing) -> tuple[Span, ...]:
    """Sentences above the framing that report what was said: an agency's lead ("X was
    discussed today, the ministry says") before the sentence that names the call."""
    leads = []
    for span in ctx.sentences[framing.before]:
        verb = ctx.main_verb(span) if ctx.is_sentence(span) else None
        if verb and ctx.rules.verb_class(verb):
            leads.append(span)
    return tuple(leads)
