"""Build the gazetteer, topic cues and thesaurus from JSON, and find officials' names in text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from anyascii import anyascii

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


# Letters that spell one sound differently from one language's transcription to another's:
# English "John", "Jake", "Khalilzad", "Gubad" are Azerbaijani "Con", "Ceyk", "Xəlilzad", "Qubad".
_SOUNDS = (
    ("dzh", "c"),
    ("sh", "s"),
    ("ch", "c"),
    ("kh", "x"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("dj", "c"),
    ("j", "c"),
    ("q", "g"),
    ("w", "v"),
)
_VOWELS = re.compile(r"[aeiouy]+")
# Fewer consonants than this in a first and last name fit too many people ("Ray Kim", "Ari
# Kim" and Yuri Kim): such a name is not read by its sound.
_SHORTEST_KEY = 4
_DOUBLED = re.compile(r"(.)\1+")


def spelling_key(name: str) -> tuple[str, str] | None:
    """What the first and last names of ``name`` sound like, whatever the transcription: their
    consonants, in one spelling ("John Bass" and "Con Bass", "Mark Libby" and "Mark Libbi",
    "Antony Blinken" and "Энтони Блинкен" each give one key). None for a single word or for
    too few consonants."""
    # anyascii writes a soft sign as an apostrophe ("Il'kham"): no word break
    words = re.findall(r"[a-z]+", anyascii(fold_same_length(name)).lower().replace("'", ""))
    keys = []
    for word in words:
        for written, sound in _SOUNDS:
            word = word.replace(written, sound)
        # A silent "h" ("John", "Sarah"): kept at the start of a word only.
        word = word[:1] + word[1:].replace("h", "")
        word = _DOUBLED.sub(r"\1", _VOWELS.sub("", word))
        if word:
            keys.append(word)
    if len(keys) < 2 or len(keys[0]) + len(keys[-1]) < _SHORTEST_KEY:
        return None
    return keys[0], keys[-1]


class NameIndex:
    """Every canonical name and variant, folded; longest match first, whole words only.

    ``suffix`` (a regex) lets a name carry the case endings of a language that writes them onto
    the word; the ending is kept apart in ``NameMatch.suffix``.
    """

    def __init__(self, officials: Iterable[Official], suffix: str = ""):
        by_form: dict[str, dict[str, Official]] = {}
        by_sound: dict[tuple[str, str], dict[str, Official]] = {}
        for official in officials:
            for form in (official.name, *official.variants):
                key = fold_same_length(form).strip()
                if key:
                    by_form.setdefault(key, {})[official.slug] = official
                if sound := spelling_key(form):
                    by_sound.setdefault(sound, {})[official.slug] = official
        self._by_form = {key: tuple(found.values()) for key, found in by_form.items()}
        self._by_sound = {key: tuple(found.values()) for key, found in by_sound.items()}
        self._pattern = longest_first(
            self._by_form, "name", suffix, before=r"(?<![\w-])(?<!\w\w')", after=r"(?![\w-])"
        )
        self._ending = re.compile(f"(?:{suffix})\\Z") if suffix else None

    def sounding_like(self, written: str, day: dt.date) -> tuple[Official, str] | None:
        """The one official in office on ``day`` one of whose names sounds like ``written``, a
        name no spelling of the gazetteer has ("Con Bass" for John Bass), and the case ending
        written onto it ("Con Bassla": tried without "la"), or None."""
        spellings = [(written, "")]
        ending = self._ending.search(fold_same_length(written)) if self._ending else None
        if ending and ending.start() < len(written):  # first: "Bassa" sounds like "Bass"
            spellings.insert(0, (written[: ending.start()], written[ending.start() :]))
        for spelling, suffix in spellings:
            sound = spelling_key(spelling)
            found = [o for o in self._by_sound.get(sound, ()) if o.office_on(day)] if sound else []
            if len(found) == 1:
                return found[0], suffix
        return None

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
