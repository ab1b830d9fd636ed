"""Plain data shapes the parser reads and returns; no Django here so the parser runs alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

BOTH = "both"  # speaker value for joint statements and unattributed passives


@dataclass(frozen=True)
class Office:
    """A canonical post, e.g. ``us-secretary-of-state``."""

    slug: str
    country: str  # ISO 3166 alpha-2
    title_en: str
    title_fr: str


@dataclass(frozen=True)
class Tenure:
    office: str  # Office.slug
    start: dt.date
    end: dt.date | None = None  # None: still in office

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Official:
    name: str  # canonical, e.g. "Ilham Aliyev"
    slug: str  # "ilham-aliyev"
    country: str
    variants: tuple[str, ...] = ()  # other spellings and scripts: "Aliev", "Əliyev", "Алиев"
    tenures: tuple[Tenure, ...] = ()

    def office_on(self, day: dt.date) -> str | None:
        for tenure in self.tenures:
            if tenure.covers(day):
                return tenure.office
        return None


@dataclass(frozen=True)
class Gazetteer:
    """Everything the parser knows about people and posts."""

    officials: tuple[Official, ...]
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class TopicCues:
    slug: str
    cues_fr: tuple[str, ...] = ()
    cues_en: tuple[str, ...] = ()
    cues_az: tuple[str, ...] = ()

    def cues(self, language: str) -> tuple[str, ...]:
        return {"fr": self.cues_fr, "en": self.cues_en, "az": self.cues_az}.get(language, ())


@dataclass(frozen=True)
class Concept:
    """A thesaurus concept as the parser reads it: what its labels name, in every language."""

    slug: str
    kind: str  # place | organization | document | term
    name: str  # the preferred English label
    labels: tuple[tuple[str, str], ...] = ()  # (language, label), the preferred ones first


@dataclass
class ParsedParticipant:
    name: str  # canonical name (or the name as written for a new official)
    slug: str
    country: str
    title_as_written: str
    office: str | None  # Office.slug held on the call's date, if known
    needs_review: bool = False  # not in the gazetteer: a new official for staff to check


@dataclass
class ParsedStatement:
    order: int  # 1-based, in reading order
    text: str  # the sentence exactly as it stands in the verbatim text
    speaker: str  # official slug, or BOTH
    verb: str = ""  # reporting verb as written, e.g. "a souligné"
    verb_class: str = ""  # one of VERB_CLASSES
    topics: list[str] = field(default_factory=list)
    speaker_guessed: bool = False
    # Topic slug -> the words of the sentence that triggered it (or the anaphor, "this issue",
    # that carried the previous sentence's topics over).
    topic_evidence: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedMention:
    kind: str  # person | organization | place | document
    name: str  # canonical English name
    official_slug: str | None = None  # set when a mentioned person is a known official


@dataclass(frozen=True)
class ReviewReason:
    """Something the rules only half understood: the readout is archived and flagged."""

    kind: str  # one of REVIEW_KINDS
    detail: str  # what an editor should look at, in words


@dataclass
class ParsedReadout:
    text: str  # verbatim, exactly as given (header included)
    body: str  # the readout without the ` date YYYY-MM` header
    language: str  # "fr", "en"
    date: dt.date
    date_precision: str  # "day" | "month"
    participants: list[ParsedParticipant]
    initiator: str | None  # participant slug, None when the text does not say
    statements: list[ParsedStatement]
    mentions: list[ParsedMention]
    warnings: list[str] = field(default_factory=list)
    # What staff should check (a new official, a guessed speaker, a late framing...): the
    # readout is archived and flagged, not refused.
    review_reasons: list[ReviewReason] = field(default_factory=list)
    headline: str = ""
    publisher: str = ""  # detected publisher key, "" when the text does not say
    side: str = ""  # "AZ" or "US" when the titles show whose account it is, else ""

    @property
    def needs_review(self) -> bool:
        return bool(self.review_reasons)

    @property
    def topics(self) -> list[str]:
        """The call's topics: the union of its statements' topics, in first-seen order."""
        seen: dict[str, None] = {}
        for statement in self.statements:
            for slug in statement.topics:
                seen.setdefault(slug)
        return list(seen)


class ParseError(ValueError):
    """The text cannot become a readout; ``str(error)`` is the reason shown to the user."""


# What a readout can be flagged for; models.ReviewFlag gives each its label.
REVIEW_KINDS = ("framing", "language", "new-official", "date", "speaker", "topics", "parser")

VERB_CLASSES = (
    "concern",
    "emphasis",
    "urge",
    "welcome",
    "agreement",
    "support",
    "information",
    "hope",
    "condolence",
    "discussion",
)
