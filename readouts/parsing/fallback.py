"""A readout in a language with no rule set (Russian, say): archived with what any language shows.

Without the language's words there is no framing, speaker or topic to read, but the archive
still holds the text: the officials the table knows, found by name in every script it records
(Алиев, Блинкен); the date from the header (a month, unless the header gives the day); the
whole text as one unattributed statement; and a review flag saying why, so an editor can
settle the rest. A text that names no Azerbaijani and no US official is not taken for a
readout of a call between them.
"""

from __future__ import annotations

import datetime as dt
import re

from .header import parse_header
from .text import fold_same_length
from .types import (
    BOTH,
    Gazetteer,
    ParsedParticipant,
    ParsedReadout,
    ParsedStatement,
    ParseError,
    ReviewReason,
)

# Letters by script, to tell a text no rule set reads from one in a language we have rules for.
_SCRIPTS = {
    "ru": re.compile(r"[\u0400-\u04ff]"),  # Cyrillic: Russian is the region's other language
    "hy": re.compile(r"[\u0530-\u058f]"),
    "ka": re.compile(r"[\u10a0-\u10ff]"),
}
_LETTER = re.compile(r"[^\W\d_]")


def unruled_language(text: str) -> str | None:
    """The language of a text written mostly in a script no rule set reads, else None."""
    letters = len(_LETTER.findall(text)) or 1
    for language, script in _SCRIPTS.items():
        if len(script.findall(text)) * 2 > letters:
            return language
    return None


def parse_without_rules(text: str, gazetteer: Gazetteer, language: str) -> ParsedReadout:
    """The readout as far as names and the header go; raises ``ParseError`` when it names no
    official of either side."""
    header = parse_header(text)
    if header is None:
        raise ParseError(
            f"no rules for this language ({language}) and no ' date YYYY-MM' header: "
            "the call's date cannot be read"
        )
    body = text[header.end :]
    precision = "day" if header.day else "month"
    date = dt.date(header.year, header.month, header.day or 1)
    participants = _named_officials(body, gazetteer, date)
    if not {p.country for p in participants} & {"AZ", "US"}:
        raise ParseError(
            "no participant found: the text names no Azerbaijani or US official the archive knows"
        )
    reasons = [
        ReviewReason("language", f"no rules for {language}: read by names and the header only")
    ]
    if precision != "day":
        reasons.append(ReviewReason("date", "no day for the call: the date is the header's month"))
    return ParsedReadout(
        text=text,
        body=body,
        language=language,
        date=date,
        date_precision=precision,
        participants=participants,
        initiator=None,
        statements=[ParsedStatement(order=1, text=body.strip(), speaker=BOTH)],
        mentions=[],
        warnings=[f"no rule set for {language}: the whole text is one unattributed statement"],
        review_reasons=reasons,
    )


def _named_officials(body: str, gazetteer: Gazetteer, day: dt.date) -> list[ParsedParticipant]:
    """Each official named in ``body`` by a full name in any spelling the table records, in
    order of first mention. Each word may carry a case ending (Блинкеном, Алиеву): the
    languages without rules here decline names."""
    folded = fold_same_length(body)
    first_seen = []
    for official in gazetteer.officials:
        positions = [
            m.start()
            for form in {official.name, *official.variants}
            if len(form.split()) > 1
            for m in re.finditer(_declined(fold_same_length(form)), folded)
        ]
        if positions:
            first_seen.append((min(positions), official))
    participants = []
    for _, official in sorted(first_seen, key=lambda item: item[0]):
        office = next(
            (
                t.office
                for t in official.tenures
                if (t.start is None or t.start <= day) and (t.end is None or day <= t.end)
            ),
            None,
        )
        participants.append(
            ParsedParticipant(
                name=official.name,
                slug=official.slug,
                country=official.country,
                title_as_written="",
                office=office,
            )
        )
    return participants


def _declined(form: str) -> str:
    words = [re.escape(word) + r"\w{0,3}" for word in form.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
