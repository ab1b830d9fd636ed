"""What a language rule set provides; the engine (engine.py) uses only this interface.

A rule set is data (cue patterns, word lists) plus one language-specific method,
``find_verbs``, that finds finite reporting-verb phrases in a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Span, Token


@dataclass(frozen=True)
class VerbPhrase:
    start: int  # offset of the first word of the phrase in the text
    end: int
    words: tuple[Token, ...]  # the words kept in ``verb`` (adverbs dropped)
    key: str  # folded lookup key, e.g. "souligne", "dit preoccupe"
    passive: bool = False
    object_words: tuple[str, ...] = ()  # folded words right after the verb, for light verbs


# A day-first numeric date, in every language ("10.03.2025", an agency's stamp): its month
# group holds digits, which each rule set's ``months`` reads through ``NUMERIC_MONTHS``.
DOTTED_DATE = re.compile(
    r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)(?!\.?\d)"
)
NUMERIC_MONTHS = {str(n): n for n in range(1, 13)} | {f"{n:02d}": n for n in range(1, 10)}

# A role's kind for a side of the call rather than an office ("the American side", "son
# homologue azerbaïdjanais", "ABŞ tərəfi"): its holder is the participant of the country it
# names, or, with none named ("his counterpart"), the other of the two.
SIDE = "side"


@dataclass(frozen=True)
class Role:
    pattern: re.Pattern[str]  # on folded text
    kinds: tuple[str, ...]  # office kinds (office slug minus its country prefix, or a part
    # of it), or ``(SIDE,)``
    country: str | None = None
    group: bool = False  # names several people ("the co-chairs"): "they" next goes on with it

    @property
    def is_side(self) -> bool:
        return self.kinds == (SIDE,)


@dataclass
class RuleSet:
    language: str
    stopwords: frozenset[str]  # folded; language detection and topic matching
    stemmer: str  # snowballstemmer algorithm name
    months: dict[str, int]
    weekdays: dict[str, int]  # folded name -> Python weekday()
    date_patterns: tuple[re.Pattern[str], ...]  # groups: weekday?, day, month, year?
    framing: re.Pattern[str]  # a phone call is described
    caller_after: re.Pattern[str]  # "a reçu un appel de Y": Y placed the call
    caller_before: re.Pattern[str]  # "X a appelé Y": X placed the call
    title_heads: re.Pattern[str]  # the first word(s) of a title: président, secretary...
    country_markers: tuple[tuple[re.Pattern[str], str], ...]
    roles: tuple[Role, ...]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]  # refer to the previous speaker
    plural_pronouns: frozenset[str]  # both sides
    joint_subjects: re.Pattern[str]  # "les parties": both sides; must end the subject
    impersonal: frozenset[str] = frozenset()  # "il" in "il a été convenu"
    verb_classes: dict[str, str] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()  # "exprimé": the class comes from the object
    object_classes: tuple[tuple[str, str], ...] = ()  # (folded object stem, class)
    subordinators: frozenset[str] = frozenset()  # a verb right after these is not the main one
    anaphors: re.Pattern[str] | None = None  # "ce problème": topics of the previous sentence
    framing_search: int = 1  # how many leading sentences may hold the call framing
    # "today", "yesterday": the call's day relative to a dateline (offset in days by word)
    relative_days: re.Pattern[str] | None = None
    relative_offsets: dict[str, int] = field(default_factory=dict)
    relative_weekday: re.Pattern[str] | None = None  # groups: last?, weekday
    this_week: re.Pattern[str] | None = None  # "this week": a day the text does not give
    separately: re.Pattern[str] | None = None  # "spoke separately with A and B"
    passive_agent: re.Pattern[str] | None = None  # "par le", "by the": the agent follows
    # Word order and morphology the engine needs to know about.
    conjunctions: frozenset[str] = frozenset()  # "X and Y said": both sides
    subject_first: bool = False  # the subject opens the clause, far from a final verb
    name_suffix: str = ""  # regex of case endings a name may carry ("Əliyevə")
    recipient_suffix: re.Pattern[str] | None = None  # the ending of the one called
    # Words that end a title written after a name ("X, Assistant Secretary, spoke ...").
    title_breakers: re.Pattern[str] | None = None
    country_after: re.Pattern[str] | None = None  # "X of Armenia": the country after a name
    quote_speaker_lead: re.Pattern[str] | None = None  # '"...," said the Secretary'
    spokesperson: re.Pattern[str] | None = None  # a title that is never a call participant
    # The end of a title that names whom its holder serves: "Advisor to President" (Aliyev)
    serves: re.Pattern[str] | None = None
    last_words: frozenset[str] = frozenset()  # "last Monday", "lundi dernier"
    # Words that speak of a conversation where no framing rule matches ("connected by video
    # link", "discussed"): with a known official named, the text is a readout to review.
    conversation: re.Pattern[str] | None = None
    # Content in the framing sentence: "spoke with X to express concern" (group "verb").
    framing_content: re.Pattern[str] | None = None
    # The call as the circumstance of the framing sentence, up to its end: "During a phone
    # conversation with X," (opening it, where the subject follows), "telefon danışığı
    # zamanı" (anywhere, subject first): what the sentence then says is a statement.
    framing_circumstance: re.Pattern[str] | None = None
    # Passive verbs whose subject is the one spoken to ("X was informed about", "a été
    # remercié"): folded keys. The speaker is the agent, or the other side.
    recipient_verbs: frozenset[str] = frozenset()
    # A sentence that only says where the news came from, matched at its start: "This was
    # reported by the press service of the Ministry." No one on the call said it.
    source_note: re.Pattern[str] | None = None
    # A sentence whose subject is the conversation itself: "an exchange of views took place".
    impersonal_event: re.Pattern[str] | None = None
    # An opening that gives the words to the one it names: "According to the President, ...".
    attribution: re.Pattern[str] | None = None
    # A date of something else, on folded text: "<40 chars before>\x00<30 chars after>".
    other_event_date: re.Pattern[str] | None = None
    detection_words: frozenset[str] = frozenset()  # very frequent words, to tell the language
    detection_letters: str = ""  # letters only this language writes ("ə")
    first_day: frozenset[str] = frozenset()  # "1er", "1st": the day group's first of the month
    boilerplate: re.Pattern[str] | None = None  # lines above a readout that are not a headline
    # Words that make a run of capitalised words an institution, not a person's name.
    institution_words: frozenset[str] = frozenset()

    def title_start(self, text: str, folded: str, start: int, end: int) -> int | None:
        """Where the title written before a name (between ``start`` and ``end``) begins."""
        head = self.title_heads.search(folded, start, end)
        return head.start() if head else None

    def find_verbs(self, text: str, tokens: list[Token]) -> list[VerbPhrase]:
        raise NotImplementedError

    def main_verb(self, folded: str, span: Span, verbs: list[VerbPhrase]) -> VerbPhrase | None:
        """The first verb that is not in a subordinate clause ("that ...", "qui ...")."""
        for verb in verbs:
            clause = folded[span.start : verb.start].rsplit(",", 1)[-1]
            words = re.findall(r"[^\W\d_]+", clause)
            if not any(w in self.subordinators for w in words):
                return verb
        return verbs[0] if verbs else None

    def past_form(self, infinitive: str) -> str:
        """The key ``verb_classes`` knows for an infinitive ("express" -> "expressed")."""
        for form in (infinitive, infinitive + "ed", infinitive + "d", infinitive[:-2] + "e"):
            if form in self.verb_classes or form in self.light_verbs:
                return form
        return infinitive

    def verb_class(self, verb: VerbPhrase) -> str:
        if verb.key.split()[0] in self.light_verbs or verb.key in self.light_verbs:
            for word in verb.object_words:
                word = word.rsplit("'", 1)[-1]  # l'engagement -> engagement
                for stem, verb_class in self.object_classes:
                    if word.startswith(stem):
                        return verb_class
        words = verb.key.split()
        for size in range(len(words), 0, -1):
            found = self.verb_classes.get(" ".join(words[:size]))
            if found:
                return found
        return ""
