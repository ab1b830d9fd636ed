"""Step 1, framing: the sentence that says two officials spoke by phone or video.

It is one of the first few real sentences (headlines, datelines and "attributable to" lines do
not count), preferring a sentence that ends with a stop to a headline. A genuine readout that
names the call further down is taken with a review reason, and so is one whose wording no
framing rule knows but that speaks of a conversation and names a known official; a text that
does neither is not a readout and is refused.
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
        if later is not None:
            return Framing(
                later,
                ctx.sentences[later],
                (f"the call is described only in sentence {later + 1}: check the framing",),
            )
        loose = _loose_framing(ctx)
        if loose is None:
            raise ParseError("no call framing: the first sentence does not describe a phone call")
        return Framing(
            loose,
            ctx.sentences[loose],
            (
                f"no sentence describes the call in words the rules know: sentence {loose + 1}, "
                "the first to name a known official, is taken for the framing",
            ),
        )
    for i in matches:
        if ctx.is_sentence(ctx.sentences[i]):
            return Framing(i, ctx.sentences[i])
    return Framing(matches[0], ctx.sentences[matches[0]])


def _loose_framing(ctx: Context) -> int | None:
    """A genuine readout in wording no framing rule knows: the text speaks of a conversation
    (``rules.conversation``) and names an official the table knows; the first sentence that
    does is taken for the framing. A text that does neither is not a readout."""
    cue = ctx.rules.conversation
    if cue is None or not cue.search(ctx.folded, ctx.body_start):
        return None
    for i, span in enumerate(ctx.sentences):
        if any(m.official for m in ctx.index.find(ctx.folded, span.start, span.end)):
            return i
    return None


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


def tells_source(ctx: Context, span: Span) -> bool:
    """Does the sentence only say where the news came from ("This was reported by the press
    service of the Ministry.", "Bu barədə XİN-dən məlumat verilib.")? No one on the call said
    it: it is not a statement. One that names an official ("It was stated by Secretary Rubio
    that ...") reports what they said."""
    cue = ctx.rules.source_note
    if not (cue and cue.match(ctx.folded, span.start, span.end)):
        return False
    return not any(m.official for m in ctx.index.find(ctx.folded, span.start, span.end))
