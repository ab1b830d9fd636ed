"""Compare an extraction (the ``export_calls`` JSON shape) with a gold reading; no Django.

A gold file is ``{"readouts": [...]}`` as in tests/data/corpus/gold.json: per readout its
``file``, ``date`` (a date, a list of acceptable dates, or null when the text gives none),
``initiator`` (a name, null, or a list of acceptable answers), ``participants``, mentions
(``mentioned_people`` + ``mentioned_other``, or ``mentioned: {people, organizations, ...}``),
``topics`` and ``statements`` (``starts``, ``speaker``). Comparisons follow
tests/data/corpus/README.md and the shared scoring tool:

- names are compared case-, accent- and space-insensitively;
- a gold statement is found by its first words (the first 60 folded characters) at the start of,
  or inside, an extracted statement; its speaker must then be the same (``both`` included);
- a readout's topics are the union of its own statements' topics (a merged call holds both
  sides'), scored by precision, recall and F1 against the gold topics;
- a gold mention counts as recalled when an extracted mention has the same name or every word
  of its name is a word of the gold description ("Foreign Ministry" in "Azerbaijani Ministry of
  Foreign Affairs", "Karabakh" in "Nagorno Karabakh conflict"; "Armenia" is not in "Armenian
  leadership"); gold mentions are free descriptions, extracted ones are canonical names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

FIELDS = ("archived", "date", "initiator", "participants", "speaker", "topic_f1", "mentions")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").replace("\u00a0", " ")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


def prf(predicted: set[str], gold: set[str]) -> tuple[float, float, float]:
    """Precision, recall and F1; two empty sets agree perfectly."""
    if not predicted and not gold:
        return 1.0, 1.0, 1.0
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class ReadoutScore:
    file: str
    archived: bool
    date_ok: bool = False
    date: str | None = None
    initiator_ok: bool = False
    initiator: str | None = None
    participants_ok: bool = False
    participants: list[str] = field(default_factory=list)
    speakers_ok: int = 0
    statements: int = 0  # gold statements
    speaker_misses: list[str] = field(default_factory=list)
    topic_precision: float = 0.0
    topic_recall: float = 0.0
    topic_f1: float = 0.0
    topics_extra: list[str] = field(default_factory=list)
    topics_missing: list[str] = field(default_factory=list)
    mentions_found: int = 0
    mentions: int = 0  # gold mentions
    mentions_missing: list[str] = field(default_factory=list)


@dataclass
class Summary:
    readouts: int
    totals: dict[str, float]  # FIELDS -> ratio in [0, 1]
    scores: list[ReadoutScore]

    def shortfalls(self, floors: dict[str, float]) -> list[str]:
        return [k for k, floor in floors.items() if self.totals.get(k, 0.0) + 1e-9 < floor]


def _acceptable(value) -> list:
    return value if isinstance(value, list) else [value]


def gold_mentions(entry: dict) -> list[str]:
    if isinstance(entry.get("mentioned"), dict):
        return [name for names in entry["mentioned"].values() for name in names]
    return list(entry.get("mentioned_people") or []) + list(entry.get("mentioned_other") or [])


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def _mentioned(gold: str, extracted: set[str]) -> bool:
    wanted = norm(gold)
    return any(name == wanted or _words(name) <= _words(wanted) for name in extracted if name)


def score_readout(entry: dict, call: dict | None, readout: dict | None) -> ReadoutScore:
    statements = entry.get("statements", [])
    wanted_mentions = gold_mentions(entry)
    result = ReadoutScore(
        entry["file"], call is not None, statements=len(statements), mentions=len(wanted_mentions)
    )
    if call is None or readout is None:
        result.speaker_misses = [f"#{s.get('n', '?')}:missing" for s in statements]
        result.mentions_missing = wanted_mentions
        result.topics_missing = list(entry.get("topics", []))
        return result
    dates = _acceptable(entry.get("date"))
    result.date = call.get("date")
    result.date_ok = result.date in dates or (None in dates and call.get("date_precision") != "day")
    result.initiator = call.get("initiator")
    result.initiator_ok = norm(result.initiator) in {
        norm(x) for x in _acceptable(entry.get("initiator"))
    }
    result.participants = sorted(p["name"] for p in call.get("participants", []))
    result.participants_ok = {norm(n) for n in result.participants} == {
        norm(p["name"]) for p in entry.get("participants", [])
    }
    extracted = [
        (norm(s.get("text")), norm(s.get("speaker") or "both"))
        for s in readout.get("statements", [])
    ]
    for gold in statements:
        key = norm(gold["starts"])[:60]
        speaker = next((sp for text, sp in extracted if text.startswith(key) or key in text), None)
        if speaker == norm(gold["speaker"]):
            result.speakers_ok += 1
        else:
            result.speaker_misses.append(f"#{gold.get('n', '?')}:{speaker or 'missing'}")
    own = {t for s in readout.get("statements", []) for t in s.get("topics", [])}
    predicted = own or set(call.get("topics", []))
    wanted = set(entry.get("topics", []))
    result.topic_precision, result.topic_recall, result.topic_f1 = prf(predicted, wanted)
    result.topics_extra = sorted(predicted - wanted)
    result.topics_missing = sorted(wanted - predicted)
    names = {norm(m.get("name")) for m in readout.get("mentions", [])}
    for mention in wanted_mentions:
        if _mentioned(mention, names):
            result.mentions_found += 1
        else:
            result.mentions_missing.append(mention)
    return result


def score(export: dict, gold: dict) -> Summary:
    """``export``: ``{"calls": [...]}``, each readout's ``source`` ending in its file name."""
    by_file = {}
    for call in export.get("calls", []):
        for readout in call.get("readouts", []):
            by_file[(readout.get("source") or "").rsplit("/", 1)[-1]] = (call, readout)
    scores = [score_readout(e, *by_file.get(e["file"], (None, None))) for e in gold["readouts"]]
    n = len(scores) or 1
    statements = sum(s.statements for s in scores)
    mentions = sum(s.mentions for s in scores)
    totals = {
        "archived": sum(s.archived for s in scores) / n,
        "date": sum(s.date_ok for s in scores) / n,
        "initiator": sum(s.initiator_ok for s in scores) / n,
        "participants": sum(s.participants_ok for s in scores) / n,
        "speaker": sum(s.speakers_ok for s in scores) / statements if statements else 1.0,
        "topic_precision": sum(s.topic_precision for s in scores) / n,
        "topic_recall": sum(s.topic_recall for s in scores) / n,
        "topic_f1": sum(s.topic_f1 for s in scores) / n,
        "mentions": sum(s.mentions_found for s in scores) / mentions if mentions else 1.0,
    }
    return Summary(len(scores), totals, scores)


def _mark(ok: bool, value) -> str:
    return "ok" if ok else f"WRONG ({value})"


def readout_line(s: ReadoutScore) -> str:
    if not s.archived:
        return f"{s.file}: NOT ARCHIVED"
    parts = [
        f"date {_mark(s.date_ok, s.date)}",
        f"initiator {_mark(s.initiator_ok, s.initiator)}",
        f"participants {_mark(s.participants_ok, ', '.join(s.participants))}",
        f"speakers {s.speakers_ok}/{s.statements}"
        + (f" (misses {' '.join(s.speaker_misses)})" if s.speaker_misses else ""),
        f"topics P {s.topic_precision:.2f} R {s.topic_recall:.2f} F1 {s.topic_f1:.2f}"
        + (f" (+{','.join(s.topics_extra)})" if s.topics_extra else "")
        + (f" (-{','.join(s.topics_missing)})" if s.topics_missing else ""),
        f"mentions {s.mentions_found}/{s.mentions}",
    ]
    return f"{s.file}: " + " | ".join(parts)


def summary_line(summary: Summary) -> str:
    t = summary.totals
    return (
        f"archived {t['archived']:.2f} | date {t['date']:.2f} | initiator {t['initiator']:.2f}"
        f" | participants {t['participants']:.2f} | speaker {t['speaker']:.2f}"
        f" | topics P {t['topic_precision']:.2f} R {t['topic_recall']:.2f}"
        f" F1 {t['topic_f1']:.2f} | mentions {t['mentions']:.2f} (n={summary.readouts})"
    )
