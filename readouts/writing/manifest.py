"""``SOURCES.tsv``: where each readout of a folder was published, by whom, and when.

A manifest is tab-separated with a header line. It needs the columns ``file``, ``source_url``,
``publisher`` and ``published`` (``YYYY-MM-DD``, or empty when the page gave no date) and may
have ``relays`` (the publisher whose readout an agency relays) and ``language``; other columns
(annotations for evaluation, say) are ignored. ``publisher`` and ``relays`` are keys of
``PUBLISHERS``.

Two kinds of trouble, told apart because they are handled apart:
- a manifest that cannot be read as one (no header, a required column missing, a row with the
  wrong number of fields, a file listed twice) is a ``ManifestError``: the whole run stops
  before anything is written;
- a row whose values are wrong (an unknown publisher, a bad date, an unknown language) is kept
  with its ``problem``, reported against that file alone.
"""

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..parsing.publishers import PUBLISHERS

FILE_NAME = "SOURCES.tsv"
REQUIRED = ("file", "source_url", "publisher", "published")
LANGUAGES = ("en", "fr", "az", "ru")


class ManifestError(ValueError):
    """The manifest as a whole cannot be read; the message names the line."""


@dataclass(frozen=True)
class Source:
    """One row: what ingest records about the file beside its text."""

    file: str
    source_url: str = ""
    publisher: str = ""
    relays: str = ""
    published: dt.date | None = None
    language: str = ""
    problem: str = field(default="", compare=False)

    def ingest_options(self) -> dict:
        """The keyword arguments ``ingest_text`` takes for what this row says (empty cells
        say nothing, so a command-line default still applies)."""
        values = {
            "source_url": self.source_url,
            "publisher": self.publisher,
            "relays": self.relays,
            "published": self.published,
            "language": self.language,
        }
        return {name: value for name, value in values.items() if value}


def read_manifest(path: Path, required: tuple[str, ...] = REQUIRED) -> dict[str, Source]:
    """Each row of the manifest at ``path``, by file name. ``required`` may be narrower for
    a folder that only measures the parser (a gold set needs ``file`` and ``published``)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: cannot be read ({error})") from None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ManifestError(f"{path}: no header line (it needs {', '.join(required)})")
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [name.strip() for name in next(reader)]
    missing = [name for name in required if name not in header]
    if missing:
        raise ManifestError(f"{path}: the header has no column {', '.join(missing)}")
    sources: dict[str, Source] = {}
    for number, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            raise ManifestError(
                f"{path}, line {number}: {len(values)} fields where the header has "
                f"{len(header)} (a tab missing or too many?)"
            )
        row = dict(zip(header, (value.strip() for value in values), strict=True))
        if not row["file"]:
            raise ManifestError(f"{path}, line {number}: no file name")
        if row["file"] in sources:
            raise ManifestError(f"{path}, line {number}: {row['file']} is listed twice")
        sources[row["file"]] = _source(row)
    return sources


def _source(row: dict) -> Source:
    problems = []
    for column in ("publisher", "relays"):
        key = row.get(column, "")
        if key and key not in PUBLISHERS:
            problems.append(f"unknown {column} “{key}” (known: {', '.join(sorted(PUBLISHERS))})")
    published = None
    if row.get("published"):
        try:
            published = dt.date.fromisoformat(row["published"])
        except ValueError:
            problems.append(f"published “{row['published']}” is not a date (YYYY-MM-DD)")
    language = row.get("language", "")
    if language and language not in LANGUAGES:
        problems.append(f"unknown language “{language}” (known: {', '.join(LANGUAGES)})")
    return Source(
        file=row["file"],
        source_url=row.get("source_url", ""),
        publisher=row.get("publisher", ""),
        relays=row.get("relays", ""),
        published=published,
        language=language,
        problem="; ".join(problems),
    )
