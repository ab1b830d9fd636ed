"""Step 2, dates: the call's date and its precision.

In order: a date in the framing sentence; a dateline above it, moved by the framing's
"yesterday" or "last Monday"; the publication date (from a manifest) moved the same way; the
header's day (`` date YYYY-MM-DD``), moved the same way or as it is; the header's month. A date
that belongs to something else ("the August 8 summit", "la réunion du 2 juin") is never taken.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .context import Context
from .framing import Framing
from .header import Header
from .text import Span
from .types import ParseError

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class CallDate:
    date: dt.date
    precision: str  # "day" | "month"
    warnings: tuple[str, ...] = ()
    # Where the date came from: the text itself, or only the header or the publication date
    # (a manifest's), or a dateline the call was "this week" of, which an editor should check.
    source: str = "text"  # "text" | "header" | "publication" | "week"


def call_date(ctx: Context, framing: Framing) -> CallDate:
    rules, header, warnings = ctx.rules, ctx.header, []
    span = framing.span
    found = []
    for sentence in ctx.sentences[: framing.index + 1]:
        for pattern in rules.date_patterns:
            for m in pattern.finditer(ctx.folded, sentence.start, sentence.end):
                if not _other_event(ctx, m):
                    found.append(m)
    # A date in the framing sentence ("On March 8, ...") is the call's; a dateline above it is
    # only the publication date.
    found.sort(key=lambda m: not span.start <= m.start() < span.end)
    known_year = header.year if header else ctx.published.year if ctx.published else None
    for m in found:
        year = int(m["year"]) if m.groupdict().get("year") else None
        month = rules.months[m.group("month")]
        if known_year is None and year is None:
            continue
        if known_year and year not in (None, known_year) and abs(year - known_year) > 1:
            continue
        written = m.group("day")
        day = 1 if written in rules.first_day else int(written)
        try:
            date = dt.date(year or known_year, month, day)
        except ValueError:
            warnings.append(
                f"the text's date '{ctx.text[m.start() : m.end()]}' does not exist; ignored"
            )
            continue
        source = "text"
        if not span.start <= m.start() < span.end:
            # A dateline: "today", "yesterday", "last Monday" count from it.
            relative = _relative(ctx, span, date)
            if (
                relative is None
                and rules.this_week
                and rules.this_week.search(ctx.folded, span.start, span.end)
            ):
                warnings.append("the call was 'this week': the dateline's day, not the call's")
                source = "week"
            date = relative or date
        if header and (date.year, date.month) != (header.year, header.month):
            continue
        warnings += _weekday_check(ctx, m, date)
        return CallDate(date, "day", tuple(warnings), source)
    for reference, what in ((ctx.published, "publication date"), (_header_day(header), "")):
        if reference is None:
            continue
        date = _relative(ctx, span, reference)
        if date and (not header or (date.year, date.month) == (header.year, header.month)):
            if what:
                warnings.append(
                    f"the call's day is counted from the {what} {reference.isoformat()}"
                )
            return CallDate(date, "day", tuple(warnings), "publication" if what else "header")
    if header is None:
        if ctx.published:
            warnings.append("no date in text; date is the publication date's month")
            return CallDate(ctx.published.replace(day=1), "month", tuple(warnings), "publication")
        raise ParseError("no date: neither a header nor a date in the text")
    if found:
        shown = ctx.text[found[0].start() : found[0].end()]
        warnings.append(
            f"the text's date '{shown}' is not in the header's month "
            f"{header.year}-{header.month:02d}; ignored"
        )
    return _header_date(header, warnings)


def _other_event(ctx: Context, m: re.Match[str]) -> bool:
    """A date that belongs to something else: "the August 8 summit", "meeting of 6 May"."""
    cue = ctx.rules.other_event_date
    if cue is None:
        return False
    before = ctx.folded[max(0, m.start() - 40) : m.start()]
    after = ctx.folded[m.end() : m.end() + 30]
    return bool(cue.search(before + "\x00" + after))


def _header_day(header: Header | None) -> dt.date | None:
    if header is None or header.day is None:
        return None
    try:
        return dt.date(header.year, header.month, header.day)
    except ValueError:
        return None


def _relative(ctx: Context, framing: Span, reference: dt.date) -> dt.date | None:
    """The call's day from the framing sentence's "yesterday" or "last Monday", counted from
    ``reference``; None when the framing says neither."""
    rules, folded = ctx.rules, ctx.folded
    if rules.relative_days:
        m = rules.relative_days.search(folded, framing.start, framing.end)
        if m:
            return reference + dt.timedelta(days=rules.relative_offsets[m.group("word")])
    if rules.relative_weekday:
        m = rules.relative_weekday.search(folded, framing.start, framing.end)
        if m:
            back = (reference.weekday() - rules.weekdays[m.group("weekday")]) % 7
            if back == 0 and m.group("last") in rules.last_words:
                back = 7
            return reference - dt.timedelta(days=back)
    return None


def _header_date(header: Header, warnings: list[str]) -> CallDate:
    try:
        if header.day:
            day = dt.date(header.year, header.month, header.day)
            return CallDate(day, "day", tuple(warnings), "header")
    except ValueError:
        raise ParseError(
            f"unreadable header: {header.year}-{header.month:02d}-{header.day:02d} is not a date"
        ) from None
    warnings.append("no day in text; date is the header's month")
    return CallDate(dt.date(header.year, header.month, 1), "month", tuple(warnings), "header")


def _weekday_check(ctx: Context, m: re.Match[str], date: dt.date) -> list[str]:
    weekday = m.group("weekday") if "weekday" in m.re.groupindex else None
    if weekday and ctx.rules.weekdays[weekday] != date.weekday():
        written = ctx.text[m.start("weekday") : m.end("weekday")]
        return [
            f"the text says {written} but {date.isoformat()} is a {WEEKDAY_NAMES[date.weekday()]}"
        ]
    return []
