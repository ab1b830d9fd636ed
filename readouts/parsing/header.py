"""The seed file header: `` date YYYY-MM`` then the first paragraph on the same line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import ParseError

_HEADER_LINE = re.compile(r"\A\s*date\b[ \t:]*(?P<value>[^\s]*)")
# A header further down means two readouts were saved into one file.
_LATER_HEADER = re.compile(r"\n[ \t]*date[ \t]+\d{4}-\d{1,2}\b")
_VALUE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?\Z")


@dataclass(frozen=True)
class Header:
    year: int
    month: int
    day: int | None
    end: int  # offset where the body starts


def parse_header(text: str) -> Header | None:
    """Read the header if there is one; a line that starts with ``date`` must parse."""
    line = _HEADER_LINE.match(text)
    if not line:
        return None
    value = line.group("value")
    parsed = _VALUE.match(value)
    shown = text[line.start("value") : line.start("value") + 40].split("\n")[0] or "(nothing)"
    if not parsed:
        raise ParseError(f"unreadable header: expected ' date YYYY-MM', found 'date {shown}'")
    year, month = int(parsed.group("year")), int(parsed.group("month"))
    day = int(parsed.group("day")) if parsed.group("day") else None
    if not 1 <= month <= 12:
        raise ParseError(f"unreadable header: month {month} in 'date {value}' does not exist")
    if not 1900 <= year <= 2100:
        raise ParseError(f"unreadable header: year {year} in 'date {value}' is out of range")
    end = line.end()
    while end < len(text) and text[end].isspace():
        end += 1
    later = _LATER_HEADER.search(text, end)
    if later:
        line_number = text.count("\n", 0, later.start()) + 2
        raise ParseError(
            f"two readouts in one file: a second ' date' header on line {line_number}; "
            "save each readout in a file of its own"
        )
    return Header(year, month, day, end)
