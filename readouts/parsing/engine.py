"""``parse_readout``: the steps, in order, over one immutable context.

    context     (context.py)       text, folds, sentences, header, rule set, names
    framing     (framing.py)       the sentence that names the call; lead sentences above it
    dates       (dates.py)         the call's date and precision
    participants(participants.py)  who was on the call, titles as written, new officials
    initiator   (initiator.py)     who called, or None
    speakers    (speakers.py)      each statement's speaker and reporting verb
    topics      (topics.py)        each statement's topics and the words that triggered them
    mentions    (mentions.py)      people, organisations, places and documents named

Each step is a function of the context and of earlier steps' results and returns its own
result (with its warnings); nothing is passed through side effects. Every word of a language is
in its rule set (french.py, english.py, azerbaijani.py): adding a language is adding a rule set
to languages.RULE_SETS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .context import Context, build_context
from .dates import CallDate, call_date
from .fallback import parse_without_rules, unruled_language
from .framing import Framing, find_framing, lead_sentences, tells_source
from .initiator import find_initiator, tells_initiator
from .languages import RULE_SETS, detect_language
from .mentions import readout_mentions
from .participants import Cast, find_participants, side, slugify
from .publishers import detect_publisher
from .speakers import attribute, framing_statement
from .text import fold_same_length
from .topics import TopicTagger, statement_topics
from .types import (
    Concept,
    Gazetteer,
    ParsedReadout,
    ParsedStatement,
    ReviewReason,
    TopicCues,
)

__all__ = ["RULE_SETS", "detect_language", "parse_readout", "slugify"]


def parse_readout(
    text: str,
    gazetteer: Gazetteer,
    topics: Sequence[TopicCues] = (),
    concepts: Sequence[Concept] = (),
    *,
    published: dt.date | None = None,
    language: str | None = None,
) -> ParsedReadout:
    """Parse one readout (the seed file format: `` date YYYY-MM`` then the text).

    ``topics`` are the topics' cues, ``concepts`` the thesaurus (whose places, organisations and
    documents are the mentions found by label). ``published`` is the publication date (from a
    manifest): "today" and "yesterday" count from it when the text has no dateline.
    ``language`` (from a manifest) overrides detection.
    """
    unruled = (language not in RULE_SETS and language) if language else unruled_language(text)
    if unruled:
        return parse_without_rules(text, gazetteer, unruled)
    ctx = build_context(text, gazetteer, published, language, tuple(concepts))
    framing = find_framing(ctx)
    when = call_date(ctx, framing)
    cast = find_participants(ctx, framing, when.date)
    initiator = find_initiator(ctx, framing, cast)
    leads = lead_sentences(ctx, framing)
    said = framing_statement(ctx, framing, cast)
    # A later sentence that only says who asked for the call, or where the news came from, or
    # an agency's signature, reports nothing anyone said.
    after = tuple(
        s
        for s in ctx.sentences[framing.index + 1 :]
        if not tells_initiator(ctx, s) and not tells_source(ctx, s) and not ctx.is_signature(s)
    )
    spans = leads + ((framing.span,) if said else ()) + after
    attributions, speaker_warnings = attribute(ctx, spans, cast, said)
    evidence = statement_topics(ctx, TopicTagger(topics, ctx.rules), spans)
    rules = ctx.rules
    statements = [
        ParsedStatement(
            order=order,
            text=ctx.words(a.span),
            speaker=a.speaker,
            verb=" ".join(ctx.text[w.start : w.end] for w in a.verb.words) if a.verb else "",
            verb_class=rules.verb_class(a.verb) if a.verb else "",
            topics=list(found),
            speaker_guessed=a.guessed,
            topic_evidence=found,
        )
        for order, (a, found) in enumerate(zip(attributions, evidence, strict=True), start=1)
    ]
    preamble = ctx.text[ctx.body_start : (leads[0] if leads else framing.span).start]
    return ParsedReadout(
        text=text,
        body=text[ctx.body_start :],
        language=ctx.language,
        date=when.date,
        date_precision=when.precision,
        participants=list(cast.participants),
        initiator=initiator,
        statements=statements,
        mentions=readout_mentions(ctx, framing, cast),
        warnings=[*when.warnings, *cast.warnings, *speaker_warnings],
        review_reasons=_review_reasons(framing, when, cast, statements),
        headline=_headline(ctx, preamble),
        publisher=detect_publisher(preamble, ctx.words(framing.span), text),
        side=side(ctx, cast),
    )


def _review_reasons(
    framing: Framing, when: CallDate, cast: Cast, statements: list[ParsedStatement]
) -> list[ReviewReason]:
    """What the rules only half understood: the readout is archived and flagged."""
    reasons = [ReviewReason("framing", detail) for detail in framing.review]
    reasons += [ReviewReason("parser", detail) for detail in cast.review]
    reasons += [
        ReviewReason("new-official", f"{p.name} ({p.title_as_written or 'no title'})")
        for p in cast.participants
        if p.needs_review
    ]
    guessed = [str(s.order) for s in statements if s.speaker_guessed]
    if guessed:
        reasons.append(ReviewReason("speaker", "statement " + ", ".join(guessed)))
    if when.source == "publication":
        reasons.append(ReviewReason("date", "the text gives no date: counted from the page's date"))
    elif when.source == "header":
        reasons.append(ReviewReason("date", "the text gives no date: the file header's"))
    elif when.source == "week":
        reasons.append(ReviewReason("date", "the call was 'this week': the dateline's day"))
    if not statements:
        reasons.append(ReviewReason("parser", "no statement found after the framing"))
    elif not any(s.topics for s in statements):
        reasons.append(ReviewReason("topics", "no statement carries a topic"))
    return reasons


def _headline(ctx: Context, preamble: str) -> str:
    """The title lines before the body, without datelines, stamps and boilerplate."""
    lines = []
    for line in preamble.splitlines():
        line = line.strip()
        folded = fold_same_length(line)
        dated = any(p.search(folded) for p in ctx.rules.date_patterns)
        boilerplate = ctx.rules.boilerplate and ctx.rules.boilerplate.search(folded)
        if not line or (dated and len(line) < 60) or boilerplate:
            continue
        lines.append(line)
    return " ".join(lines)
