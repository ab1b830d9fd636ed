"""Build the gazetteer, topic cues and thesaurus from JSON, and find officials' names in text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .text import fold_same_length, longest_first
from .types import Concept, Gazetteer, Office, Official, Tenure, TopicCues


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def gazetteer_from_json(data: dict) -> Gazetteer:
    """``{"offices": [...], "officials": [...]}`` as in fixtures/officials.json."""
    offices = tuple(
        Office(o["slug"], o["country"], o.get("title_en", ""), o.get("title_fr", ""))
        for o in data.get("offices", [])
    )
    officials = tuple(
        Official(
            name=o["name"],
            slug=o["slug"],
            country=o["country"],
            variants=tuple(o.get("variants", ())),
            tenures=tuple(
                Tenure(t["office"], _date(t["start"]), _date(t.get("end")))
                for t in o.get("tenures", ())
            ),
        )
        for o in data.get("officials", [])
    )
    return Gazetteer(officials=officials, offices=offices)


def topic_cues_from_json(data: dict) -> tuple[TopicCues, ...]:
    """``{"topics": [{"slug", "cues_fr", "cues_en", "cues_az", ...}]}`` as in
    fixtures/topics.json."""
    return tuple(
        TopicCues(
            t["slug"],
            tuple(t.get("cues_fr", ())),
            tuple(t.get("cues_en", ())),
            tuple(t.get("cues_az", ())),
        )
        for t in data.get("topics", [])
    )


def thesaurus_from_json(data: dict) -> tuple[Concept, ...]:
    """``{"concepts": [{"slug", "kind", "en", "fr", "az", "alt_en", ...}]}`` as in
    fixtures/thesaurus.json: each concept with its labels, preferred first."""
    concepts = []
    for c in data.get("concepts", []):
        labels: list[tuple[str, str]] = []
        for language in ("en", "fr", "az", "ru"):
            for label in [c.get(language, ""), *c.get(f"alt_{language}", ())]:
                if label and (language, label) not in labels:
                    labels.append((language, label))
        concepts.append(Concept(c["slug"], c["kind"], c["en"], tuple(labels)))
    return tuple(concepts)


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    official: Official | None  # None: the words fit several officials; not guessed
    candidates: tuple[Official, ...] = ()
    suffix: str = ""  # a case ending written onto the name ("Əliyevə"), part of the match


class NameIndex:
    """Every canonical name and variant, folded; longest match first, whole words only.

    ``suffix`` (a regex) lets a name carry the case endings of a language that writes them onto
    the word; the ending is kept apart in ``NameMatch.suffix``.
    """

    def __init__(self, officials: Iterable[Official], suffix: str = ""):
        by_form: dict[str, dict[str, Official]] = {}
        for official in officials:
            for form in (official.name, *official.variants):
                key = fold_same_length(form).strip()
                if key:
                    by_form.setdefault(key, {})[official.slug] = official
        self._by_form = {key: tuple(found.values()) for key, found in by_form.items()}
        self._pattern = longest_first(
            self._by_form, "name", suffix, before=r"(?<![\w-])(?<!\w\w')", after=r"(?![\w-])"
        )

    def find(self, folded: str, start: int = 0, end: int | None = None) -> list[NameMatch]:
        """Matches in ``folded`` (a fold_same_length() of the text, so offsets are the text's)."""
        if self._pattern is None:
            return []
        end = len(folded) if end is None else end
        matches = []
        for m in self._pattern.finditer(folded, start, end):
            found = self._by_form[m.group("name")]
            official = found[0] if len(found) == 1 else None
            matches.append(NameMatch(m.start(), m.end(), official, found, m.group("suffix")))
        return matches
