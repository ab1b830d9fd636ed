"""Language-neutral parsing: header and date, participants, speakers, topics, mentions.

The language rule set (french.py, later english.py) supplies the cue patterns and word lists;
everything that does not depend on the language lives here so both rule sets share it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii

from .azerbaijani import AZERBAIJANI
from .english import ENGLISH
from .french import FRENCH
from .gazetteer import NameIndex, NameMatch
from .header import Header, parse_header
from .mentions import find_entities
from .publishers import detect_publisher, spokespeople
from .rules import Role, RuleSet, VerbPhrase
from .text import Span, fold, paragraph_spans, sentence_spans, tokens
from .topics import TopicTagger
from .types import (
    BOTH,
    Gazetteer,
    Official,
    ParsedMention,
    ParsedParticipant,
    ParsedReadout,
    ParsedStatement,
    ParseError,
    TopicCues,
)

RULE_SETS: dict[str, RuleSet] = {"fr": FRENCH, "en": ENGLISH, "az": AZERBAIJANI}
# Each rule set's very frequent words, taken once: a language stays recognisable (and is refused
# with a clear reason) when its rule set is withdrawn.
DETECTION_WORDS = {rules.language: rules.detection_words for rules in RULE_SETS.values()}
DETECTION_LETTERS = {rules.language: rules.detection_letters for rules in RULE_SETS.values()}

# Lines above a readout that are not its headline.
BOILERPLATE = (
    r"^(?:readout|media note|press release|office of the spokesperson|for immediate release"
    r"|statements and releases|briefing room)$|attributable to|^the (?:following|below) is"
)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def detect_language(text: str) -> str:
    """The rule set whose very frequent words the text uses most (ties: the first listed)."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    written = re.findall(r"[^\W\d_]+", text)
    scores = {
        language: sum(word in vocabulary for word in words)
        + sum(any(c in DETECTION_LETTERS[language] for c in word) for word in written)
        for language, vocabulary in DETECTION_WORDS.items()
    }
    return max(scores, key=scores.__getitem__)


def slugify(name: str) -> str:
    """A URL slug for an official the gazetteer does not know, never empty.

    Folding keeps the slugs of Latin names as they were; what it leaves outside ASCII (Cyrillic,
    Greek, Armenian...) is transliterated, so "Арарат Мирзоян" is ``ararat-mirzoyan``, not ``""``
    (an empty slug breaks every link to the official and merges different people into one). A name
    with nothing to transliterate gets a slug of its own, derived from the name.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(fold(name)).lower()).strip("-")[:200].rstrip("-")
    return slug or f"official-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def office_kind(office_slug: str) -> str:
    """``us-secretary-of-state`` -> ``secretary-of-state``."""
    prefix, _, rest = office_slug.partition("-")
    return rest if len(prefix) == 2 and rest else office_slug


@dataclass
class _Found:
    """A participant found in the framing sentence."""

    start: int  # start of the title (or the name when there is no title before it)
    end: int
    name_start: int
    name_end: int
    official: Official | None
    name: str
    suffix: str = ""  # a case ending on the name ("Əliyevə")


@dataclass
class _Candidate:
    start: int
    end: int
    speaker: str | None  # slug, BOTH, or None when the words name no participant
    kind: str  # name | role | pronoun | joint
    label: str
    group: bool = False  # a role naming several people ("the co-chairs")


class _Parse:
    def __init__(
        self,
        text: str,
        gazetteer: Gazetteer,
        topics: Sequence[TopicCues],
        published: dt.date | None = None,
        language: str | None = None,
    ):
        if not text.strip():
            raise ParseError("empty text: there is nothing to parse")
        self.text = text
        self.folded = fold(text)
        self.gazetteer = gazetteer
        self.published = published
        self.warnings: list[str] = []
        self._extra_mentions: list[ParsedMention] = []
        self._group_speaker: str | None = None  # the last subject, when a group role
        self.review: list[str] = []  # why staff should check this parse
        self._surnames: dict[str, str] = {}
        self.header = parse_header(text)
        self.body_start = self.header.end if self.header else 0
        if not text[self.body_start :].strip():
            raise ParseError("empty text: the header is followed by nothing")
        self.language = language or detect_language(text[self.body_start :])
        rules = RULE_SETS.get(self.language)
        if rules is None:
            raise ParseError(f"no rules yet for readouts in language '{self.language}'")
        self.rules = rules
        self.index = NameIndex(gazetteer.officials, rules.name_suffix)
        self.tagger = TopicTagger(topics, rules)
        self.sentences = [
            sentence
            for paragraph in paragraph_spans(text, self.body_start)
            for sentence in sentence_spans(text, paragraph)
        ]

    # -- framing, date, participants --------------------------------------------------------

    def framing(self) -> int:
        """The sentence that describes the call; a headline ("Phone Call with...") is skipped
        when a real sentence (one that ends with a stop) follows it."""
        matches, real = [], 0
        for i, span in enumerate(self.sentences):
            if self._is_sentence(span):
                real += 1
            if real > self.rules.framing_search:
                break
            if self.rules.framing.search(self.folded, span.start, span.end):
                matches.append(i)
        if not matches:
            later = self._late_framing()
            if later is None:
                raise ParseError(
                    "no call framing: the first sentence does not describe a phone call"
                )
            self.review.append(
                f"the call is described only in sentence {later + 1}: check the framing"
            )
            return later

        for i in matches:
            if self._is_sentence(self.sentences[i]):
                return i
        return matches[0]

    def _late_framing(self) -> int | None:
        """A genuine readout that names the call further down ("... The two leaders spoke by
        phone on Monday") is archived for review; a text that never does is not a readout."""
        for i, span in enumerate(self.sentences):
            if self.rules.framing.search(self.folded, span.start, span.end) and self.index.find(
                self.folded, span.start, span.end
            ):
                return i
        return None

    def _is_sentence(self, span: Span) -> bool:
        """A sentence ends with a stop; a headline, a dateline or "attributable to ...:" does
        not count among the leading sentences the framing may be in."""
        words = self.text[span.start : span.end]
        return bool(re.search(r"[.!?…][\"»”’')\]]*$", words)) and len(words.split()) > 4

    def date(self, before: list[Span]) -> tuple[dt.date, str]:
        """The call's date: a date in the framing sentence; else a dateline above it, moved by
        the framing's "yesterday" or "last Monday"; else the publication date (``published``,
        from a manifest) moved the same way; else the header's day or month."""
        rules, header = self.rules, self.header
        found = []
        for span in before:
            for pattern in rules.date_patterns:
                for m in pattern.finditer(self.folded, span.start, span.end):
                    if not self._other_event(m):
                        found.append(m)
        framing = before[-1]
        # A date in the framing sentence ("On March 8, ...") is the call's; a dateline above
        # it is only the publication date.
        found.sort(key=lambda m: not framing.start <= m.start() < framing.end)
        known_year = header.year if header else self.published.year if self.published else None
        for m in found:
            year = int(m["year"]) if m.groupdict().get("year") else None
            month = rules.months[m.group("month")]
            if known_year is None and year is None:
                continue
            if known_year and year not in (None, known_year) and abs(year - known_year) > 1:
                continue
            day = 1 if m.group("day") in ("1er", "1st") else int(m.group("day"))
            try:
                date = dt.date(year or known_year, month, day)
            except ValueError:
                self.warnings.append(
                    f"the text's date '{self.text[m.start() : m.end()]}' does not exist; ignored"
                )
                continue
            if not framing.start <= m.start() < framing.end:
                # A dateline: "today", "yesterday", "last Monday" count from it.
                date = self._relative(framing, date) or date
            if header and (date.year, date.month) != (header.year, header.month):
                continue
            self._check_weekday(m, date)
            return date, "day"
        for reference, what in ((self.published, "publication date"), (self._header_day(), "")):
            if reference is None:
                continue
            date = self._relative(framing, reference)
            if date and (not header or (date.year, date.month) == (header.year, header.month)):
                if what:
                    self.warnings.append(
                        f"the call's day is counted from the {what} {reference.isoformat()}"
                    )
                return date, "day"
        if header is None:
            if self.published:
                self.warnings.append("no date in text; date is the publication date's month")
                return self.published.replace(day=1), "month"
            raise ParseError("no date: neither a header nor a date in the text")
        if found:
            shown = self.text[found[0].start() : found[0].end()]
            self.warnings.append(
                f"the text's date '{shown}' is not in the header's month "
                f"{header.year}-{header.month:02d}; ignored"
            )
        return self._header_date(header)

    def _other_event(self, m: re.Match[str]) -> bool:
        """A date that belongs to something else: "the August 8 summit", "meeting of 6 May"."""
        cue = self.rules.other_event_date
        if cue is None:
            return False
        before = self.folded[max(0, m.start() - 40) : m.start()]
        after = self.folded[m.end() : m.end() + 30]
        return bool(cue.search(before + "\x00" + after))

    def _header_day(self) -> dt.date | None:
        header = self.header
        if header is None or header.day is None:
            return None
        try:
            return dt.date(header.year, header.month, header.day)
        except ValueError:
            return None

    def _relative(self, framing: Span, reference: dt.date) -> dt.date | None:
        """The call's day from the framing sentence's "yesterday" or "last Monday", counted
        from ``reference``; None when the framing says neither."""
        rules, folded = self.rules, self.folded
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

    def _header_date(self, header: Header) -> tuple[dt.date, str]:
        try:
            if header.day:
                return dt.date(header.year, header.month, header.day), "day"
        except ValueError:
            raise ParseError(
                f"unreadable header: {header.year}-{header.month:02d}-{header.day:02d} "
                "is not a date"
            ) from None
        self.warnings.append("no day in text; date is the header's month")
        return dt.date(header.year, header.month, 1), "month"

    def _check_weekday(self, m: re.Match[str], date: dt.date) -> None:
        weekday = m.group("weekday") if "weekday" in m.re.groupindex else None
        if weekday and self.rules.weekdays[weekday] != date.weekday():
            written = self.text[m.start("weekday") : m.end("weekday")]
            self.warnings.append(
                f"the text says {written} but {date.isoformat()} is a "
                f"{WEEKDAY_NAMES[date.weekday()]}"
            )

    def participants(self, framing: Span, day: dt.date) -> list[ParsedParticipant]:
        found: list[_Found] = []
        names = self.index.find(self.folded, framing.start, framing.end)
        for match in names:
            if match.official is None:
                self._ambiguous(match)
            elif all(f.official is not match.official for f in found):
                found.append(
                    _Found(
                        match.start,
                        match.end,
                        match.start,
                        match.end,
                        match.official,
                        match.official.name,
                        match.suffix,
                    )
                )
        for start, end in self._unknown_names(framing, names):
            found.append(_Found(start, end, start, end, None, self.text[start:end]))
        found.sort(key=lambda f: f.name_start)
        if not found:
            raise ParseError("no participant found: the framing sentence names no official")
        titles = []
        window = framing.start
        for f in found:
            title, f.start, after_end = self._title(window, f)
            window = max(f.name_end, after_end)
            titles.append(title)
        separately = self.rules.separately and self.rules.separately.search(
            self.folded, framing.start, framing.end
        )
        participants, kept = [], []
        for f, title in zip(found, titles, strict=True):
            country = f.official.country if f.official else self._country_near(f, title)
            if separately and country not in ("AZ", "US"):
                # "spoke separately with A and B": only the Azerbaijani and US officials
                # are on this call; the others had calls of their own.
                slug = f.official.slug if f.official else None
                self._extra_mentions.append(ParsedMention("person", f.name, slug))
                continue
            kept.append(f)
            participants.append(self._participant(f, title, day))
        self._found = kept
        return participants

    def _country_near(self, f: _Found, title: str) -> str:
        """An unknown official's country, from the title or "of Armenia" after the name."""
        cue = self.rules.country_after
        after = cue.match(self.folded, f.name_end) if cue else None
        return self._country_of(title) or self._country_of(after.group() if after else "")

    def _ambiguous(self, match: NameMatch) -> None:
        written = self.text[match.start : match.end]
        who = " or ".join(o.name for o in match.candidates)
        self.warnings.append(f"ambiguous name '{written}': could be {who}; not guessed")

    def _title(self, window: int, f: _Found) -> tuple[str, int, int]:
        """The title as written before the name (or right after it), its start, its end."""
        rules, folded = self.rules, self.folded
        start = window
        for cue in (rules.framing, rules.caller_after, rules.caller_before):
            for m in cue.finditer(folded, window, f.name_start):
                start = max(start, m.end())
        head = rules.title_start(self.text, folded, start, f.name_start)
        if head is not None:
            title = self.text[head : f.name_start].rstrip(" ,\u00a0")
            return title, head, -1
        after = re.compile(r"\s*,\s*").match(self.text, f.name_end)
        if after:
            head = rules.title_heads.match(folded, after.end())
            if head:
                breakers = rules.title_breakers or re.compile(r"[,.;]")
                stop = breakers.search(folded, head.end())
                end = stop.start() if stop else len(folded)
                while end > head.end() and folded[end - 1].isspace():
                    end -= 1
                return self.text[head.start() : end].strip(), f.name_start, end
        return "", f.name_start, -1

    def _unknown_names(self, framing: Span, names: list[NameMatch]) -> list[tuple[int, int]]:
        """People introduced by a title but missing from the gazetteer."""
        words = [
            m
            for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", self.text)
            if framing.start <= m.start() < framing.end
        ]
        # Runs of capitalised words separated by single spaces ("Wendy Sherman"); a title word
        # ("Secretary") does not start a name.
        runs: list[list[re.Match[str]]] = []
        for word in words:
            capital = word.group()[0].isupper() and not self.rules.title_heads.fullmatch(
                fold(word.group())
            )
            if not capital:
                runs.append([])
            elif runs and runs[-1] and self.text[runs[-1][-1].end() : word.start()] == " ":
                runs[-1].append(word)
            else:
                runs.append([word])
        result = []
        rules = self.rules
        breakers = rules.title_breakers or re.compile(r"[,.;]")
        for run in runs:
            # An acronym ("US", "OSCE") opens no name: "US Andrew Schofer" is "Andrew Schofer".
            while run and run[0].group().isupper() and len(run[0].group()) <= 5:
                run = run[1:]
            # The end of a title in capitals stays out of the name: "... of State Jane Roe",
            # "Consular Affairs Jane Roe" are "Jane Roe".
            institution = [
                i for i, word in enumerate(run) if fold(word.group()) in rules.institution_words
            ]
            if institution:
                run = run[institution[-1] + 1 :]
            if len(run) < 2:
                continue
            start, end = run[0].start(), run[-1].end()
            if any(n.start < end and start < n.end for n in names):
                continue
            if find_entities(self.text[start:end], self.folded[start:end], set()):
                continue
            if self._titled_before(framing, start, names, breakers) or self._titled_after(end):
                result.append((start, end))
        return result

    def _titled_before(self, framing: Span, start: int, names, breakers) -> bool:
        """A title ends right before the name: "Deputy Assistant Secretary Jane Roe"."""
        floor = max([framing.start, start - 100] + [n.end for n in names if n.end <= start])
        before = self.folded[floor:start].rstrip(" ,")
        heads = list(self.rules.title_heads.finditer(before))
        if not heads:
            return False
        if self.rules.spokesperson and self.rules.spokesperson.search(before):
            return False
        return not breakers.search(before, heads[-1].end())

    def _titled_after(self, end: int) -> bool:
        """A title follows after a comma: "Jane Roe, acting assistant to the Secretary"."""
        comma = re.compile(r"\s*,\s*").match(self.folded, end)
        if not comma:
            return False
        head = self.rules.title_heads.search(self.folded, comma.end(), comma.end() + 40)
        return bool(head and not re.search(r"[,.;]", self.folded[comma.end() : head.start()]))

    def _participant(self, f: _Found, title: str, day: dt.date) -> ParsedParticipant:
        if f.official is not None:
            office = f.official.office_on(day)
            if office is None:
                self.warnings.append(
                    f"{f.official.name} held no office known to the gazetteer on {day.isoformat()}"
                )
            return ParsedParticipant(
                f.official.name, f.official.slug, f.official.country, title, office
            )
        country = self._country_near(f, title)
        office = self._office_for_title(title, country)
        if office and not country:
            country = next(o.country for o in self.gazetteer.offices if o.slug == office)
        self.warnings.append(
            f"unknown official: '{f.name}' ({title}) is not in the gazetteer; needs review"
        )
        return ParsedParticipant(f.name, slugify(f.name), country, title, office, needs_review=True)

    def _country_of(self, phrase: str) -> str:
        folded = fold(phrase)
        for pattern, country in self.rules.country_markers:
            if pattern.search(folded):
                return country
        return ""

    def _office_for_title(self, title: str, country: str) -> str | None:
        folded = fold(title)
        for role in self.rules.roles:
            if role.pattern.match(folded):
                offices = [
                    o.slug
                    for o in self.gazetteer.offices
                    if office_kind(o.slug) in role.kinds and (not country or o.country == country)
                ]
                return offices[0] if len(offices) == 1 else None
        return None

    def initiator(self, framing: Span, participants: list[ParsedParticipant]) -> str | None:
        rules, folded = self.rules, self.folded
        pairs = list(zip(self._found, participants, strict=True))
        after = rules.caller_after.search(folded, framing.start, framing.end)
        if after:
            later = [p for f, p in pairs if f.name_start >= after.end()]
            if later:
                return later[0].slug
        before = rules.caller_before.search(folded, framing.start, framing.end)
        if before:
            earlier = [(f, p) for f, p in pairs if f.name_end <= before.start()]
            if rules.recipient_suffix:
                # "X Y-ə zəng edib": the one in the dative was called; the other called.
                callers = [p for f, p in earlier if not rules.recipient_suffix.search(f.suffix)]
                return callers[0].slug if len(callers) == 1 else None
            if earlier:
                return earlier[-1][1].slug
        return None

    # -- statements -------------------------------------------------------------------------

    def statements(
        self,
        sentences: list[Span],
        participants: list[ParsedParticipant],
        framing: tuple[Span, str, VerbPhrase] | None = None,
    ):
        """One statement per sentence; ``framing`` is the framing sentence when it says
        something itself, with its speaker and verb."""
        statements = []
        previous: str | None = None
        previous_topics: list[str] = []
        for order, span in enumerate(sentences, start=1):
            sentence = self.text[span.start : span.end]
            if framing and span == framing[0]:
                speaker, guessed, verb = framing[1], False, framing[2]
            else:
                group = self._group_speaker
                speaker, guessed, verb = self._speaker(span, participants, previous, order)
                if group == self._group_speaker and group != speaker:
                    self._group_speaker = None
            evidence = self.tagger.evidence(sentence)
            topics = list(evidence)
            anaphor = self.rules.anaphors
            found = anaphor.search(self.folded, span.start, span.end) if anaphor else None
            if not topics and found:
                topics = list(previous_topics)
                evidence = {slug: self.text[found.start() : found.end()] for slug in topics}
            statements.append(
                ParsedStatement(
                    order=order,
                    text=sentence,
                    speaker=speaker,
                    verb=" ".join(self.text[w.start : w.end] for w in verb.words) if verb else "",
                    verb_class=self.rules.verb_class(verb) if verb else "",
                    topics=topics,
                    speaker_guessed=guessed,
                    topic_evidence=evidence,
                )
            )
            previous, previous_topics = speaker, topics
        return statements

    def _main_verb(self, span: Span) -> VerbPhrase | None:
        words = tokens(self.text, span.start, span.end)
        verbs = self.rules.find_verbs(self.text, words)
        return self.rules.main_verb(self.folded, span, verbs)

    def _speaker(
        self, span: Span, participants: list[ParsedParticipant], previous: str | None, order: int
    ) -> tuple[str, bool, VerbPhrase | None]:
        rules = self.rules
        verb = self._main_verb(span)
        fallback = previous or participants[0].slug
        if verb is None:
            self.warnings.append(
                f"statement {order}: no reporting verb found; speaker guessed ({fallback})"
            )
            return fallback, True, None
        event = rules.impersonal_event
        event = event.search(self.folded, span.start, span.end) if event else None
        if event and not [
            c
            for c in self._candidates(span.start, event.start(), participants, previous)
            if c.speaker and c.kind in ("name", "role")
        ]:
            return BOTH, False, verb  # "un échange de vues a eu lieu": the conversation
        quotes = self._quoted(span)
        candidates = [
            c
            for c in self._candidates(span.start, verb.start, participants, previous)
            if not any(s <= c.start < e for s, e in quotes)
        ]
        if not candidates and quotes:
            # « Nous sommes prêts », a déclaré le ministre. / "...," said Secretary Blinken.
            lead = rules.quote_speaker_lead or re.compile(r"[\s,]*")
            after = [
                c
                for c in self._candidates(verb.end, span.end, participants, previous)
                if c.kind in ("name", "role")
                and c.speaker
                and lead.fullmatch(self.folded[verb.end : c.start])
            ]
            if after:
                return after[0].speaker, False, verb
        if not candidates:
            if verb.passive:
                agent = self._passive_agent(verb.end, span.end, participants, previous)
                return (agent or BOTH), False, verb
            if previous is not None:
                # No subject of its own: the sentence goes on with the previous speaker's
                # points ("... and stressed", a dropped subject in Azerbaijani).
                return previous, False, verb
            self.warnings.append(
                f"statement {order}: no subject found before '{self.text[verb.start : verb.end]}'; "
                f"speaker guessed ({fallback})"
            )
            return fallback, True, verb
        if rules.subject_first:
            chosen = min(candidates, key=lambda c: (c.start, -(c.end - c.start)))
            joined = self._joined_after(chosen, candidates)
        else:
            chosen = max(candidates, key=lambda c: (c.end, c.end - c.start))
            joined = self._joined_before(chosen, candidates)
        if joined:
            return BOTH, False, verb
        if chosen.kind == "pronoun" and chosen.speaker is None:
            if verb.passive and chosen.label in rules.impersonal:
                return BOTH, False, verb
            self.warnings.append(
                f"statement {order}: '{chosen.label}' with no previous speaker; "
                f"speaker guessed ({fallback})"
            )
            return fallback, True, verb
        if chosen.speaker is None:
            self.warnings.append(
                f"statement {order}: the subject '{chosen.label}' is not a participant; "
                f"speaker guessed ({fallback})"
            )
            return fallback, True, verb
        if chosen.kind == "pronoun" and verb.passive and chosen.label in rules.impersonal:
            return BOTH, False, verb
        if chosen.group:
            self._group_speaker = chosen.speaker
        return chosen.speaker, False, verb

    def _joined_before(self, chosen: _Candidate, candidates: list[_Candidate]) -> bool:
        """ "X et Y ont discuté": two participants together are both sides."""
        if chosen.speaker in (None, BOTH):
            return False
        others = [
            c
            for c in candidates
            if c.speaker not in (None, chosen.speaker) and c.kind in ("name", "role")
        ]
        chosen_start = chosen.start
        for c in sorted(candidates, key=lambda c: -c.end):
            # Reach back over the chosen speaker's own title: "President Aliyev".
            if c.speaker == chosen.speaker and not self.folded[c.end : chosen_start].strip():
                chosen_start = min(chosen_start, c.start)
        return any(
            self.folded[other.end : chosen_start].strip(" ,") in self.rules.conjunctions
            for other in others
        )

    def _joined_after(self, chosen: _Candidate, candidates: list[_Candidate]) -> bool:
        """The same, subject first: "X və Y ... müzakirə ediblər"."""
        if chosen.speaker in (None, BOTH):
            return False
        chosen_end = chosen.end
        for c in sorted(candidates, key=lambda c: c.start):
            # Reach over the chosen speaker's own name after the title: "dövlət katibi Con Kerri".
            if c.speaker == chosen.speaker and not self.folded[chosen_end : c.start].strip():
                chosen_end = max(chosen_end, c.end)
        return any(
            c.speaker not in (None, chosen.speaker)
            and c.kind in ("name", "role")
            and self.folded[chosen_end : c.start].strip(" ,") in self.rules.conjunctions
            for c in candidates
            if c.start >= chosen_end
        )

    def _candidates(
        self, start: int, end: int, participants: list[ParsedParticipant], previous: str | None
    ) -> list[_Candidate]:
        text, folded, rules = self.text, self.folded, self.rules
        by_slug = {p.slug: p for p in participants}
        roles = self._roles(start, end)
        titles = [
            (m.start(), m.end(), p)
            for p in participants
            if p.title_as_written
            for m in re.finditer(re.escape(fold(p.title_as_written)), folded[:end])
            if m.start() >= start
        ]
        spans = [(s, e) for s, e, _ in roles] + [(s, e) for s, e, _ in titles]
        out: list[_Candidate] = []
        for match in self.index.find(folded, start, end):
            if match.suffix or self._prepositional(start, match.start, spans):
                continue  # "Əliyevə" (to Aliyev), "au président Aliyev": not the subject
            official = match.official
            slug = official.slug if official and official.slug in by_slug else None
            out.append(
                _Candidate(match.start, match.end, slug, "name", text[match.start : match.end])
            )
        named = [(c.start, c.end) for c in out]
        for m in self._surname_matches(start, end):
            overlaps = any(s < m.end() and m.start() < e for s, e in named)
            if not overlaps and not self._prepositional(start, m.start(), spans):
                slug = self._surnames[m.group()]
                out.append(_Candidate(m.start(), m.end(), slug, "name", text[m.start() : m.end()]))
        for s, e, p in titles:
            if not self._prepositional(start, s, spans):
                out.append(_Candidate(s, e, p.slug, "role", text[s:e]))
        for s, e, role in roles:
            if self._prepositional(start, s, spans):
                continue
            holder = self._holder(role, folded[s:e], participants, previous)
            out.append(_Candidate(s, e, holder, "role", text[s:e], role.group))
        joint = rules.joint_subjects.search(folded, start, end)
        group_pronoun = joint and joint.group().strip(" ,") in rules.plural_pronouns
        if joint and not (group_pronoun and self._group_speaker):
            out.append(_Candidate(joint.start(), joint.end(), BOTH, "joint", joint.group()))
        if rules.subject_first:
            last = re.match(r"\s*([^\W\d_]+)(?![\w'-])", folded[start:end])
        else:
            last = re.search(r"([^\W\d_]+)\s*$", folded[start:end])
        if last:
            word = last.group(1)
            position = start + last.start(1)
            if word in rules.pronouns:
                out.append(_Candidate(position, position + len(word), previous, "pronoun", word))
            elif word in rules.plural_pronouns and self._group_speaker:
                # "The co-chairs expressed ... They underlined ...": the same group.
                speaker = self._group_speaker
                out.append(_Candidate(position, position + len(word), speaker, "pronoun", word))
            elif word in rules.plural_pronouns:
                out.append(_Candidate(position, position + len(word), BOTH, "joint", word))
        return out

    def _quoted(self, span: Span) -> list[tuple[int, int]]:
        """Spans inside quotation marks (« », “ ”, " ")."""
        quoted = re.compile(r'"[^"]*"')
        return [(m.start(), m.end()) for m in quoted.finditer(self.folded, span.start, span.end)]

    def _surname_matches(self, start: int, end: int) -> list[re.Match[str]]:
        """A participant's surname alone ("Mr. Sullivan") names that participant."""
        if not self._surnames:
            return []
        pattern = r"(?<![\w-])(?:" + "|".join(map(re.escape, self._surnames)) + r")(?![\w-])"
        return list(re.compile(pattern).finditer(self.folded, start, end))

    def _learn_surnames(self, participants: list[ParsedParticipant]) -> None:
        counts: dict[str, list[str]] = {}
        for p in participants:
            surname = fold(p.name.split()[-1]) if p.name.split() else ""
            if len(surname) > 2:
                counts.setdefault(surname, []).append(p.slug)
        self._surnames = {name: slugs[0] for name, slugs in counts.items() if len(slugs) == 1}

    def _passive_agent(
        self, start: int, end: int, participants: list[ParsedParticipant], previous: str | None
    ) -> str | None:
        """``a été évoquée par le chef de l'État``: the agent of a passive is the speaker."""
        marker = self.rules.passive_agent
        by = marker.match(self.folded, start, end) if marker else None
        if not by:
            return None
        found = [
            c
            for c in self._candidates(by.end(), end, participants, previous)
            if c.start == by.end() and c.kind in ("name", "role") and c.speaker
        ]
        return found[0].speaker if found else None

    def _roles(self, start: int, end: int) -> list[tuple[int, int, Role]]:
        found = []
        for role in self.rules.roles:
            for m in role.pattern.finditer(self.folded, start, end):
                found.append((m.start(), m.end(), role))
        found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        kept: list[tuple[int, int, Role]] = []
        for item in found:
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        return kept

    def _holder(
        self, role: Role, phrase: str, participants: list[ParsedParticipant], previous: str | None
    ) -> str | None:
        """The participant holding the office a role phrase names, on this call."""
        country = role.country or self._country_of(phrase)
        pool = [p for p in participants if not country or p.country == country]
        for exact in (True, False):
            holders = [
                p
                for p in pool
                if p.office
                and any(
                    office_kind(p.office) == kind
                    if exact
                    else set(kind.split("-")) <= set(office_kind(p.office).split("-"))
                    for kind in role.kinds
                )
            ]
            if len(holders) == 1:
                return holders[0].slug
            if len(holders) > 1:
                return previous if previous in {h.slug for h in holders} else None
        titled = [
            p
            for p in pool
            if p.needs_review and fold(p.title_as_written).startswith(phrase.split()[0])
        ]
        if len(titled) == 1:
            return titled[0].slug
        return None

    def _prepositional(self, floor: int, start: int, spans: list[tuple[int, int]]) -> bool:
        """Is the phrase at ``start`` governed by a preposition ("au chef de l'État")?"""
        folded, rules = self.folded, self.rules
        pos = start
        moved = True
        while moved:
            moved = False
            for s, e in spans:
                if s < pos and e <= pos and folded[e:pos].strip(" ,") == "" and s >= floor:
                    pos, moved = s, True
        for _ in range(2):
            before = folded[floor:pos]
            m = re.search(r"([^\W\d_]+)'?\s*$", before)
            if not m:
                return False
            word = m.group(1)
            if word in rules.prepositions:
                return True
            if word not in rules.determiners:
                return False
            pos = floor + m.start()
        return False

    # -- mentions ---------------------------------------------------------------------------

    def mentions(self, participants: list[ParsedParticipant]) -> list[ParsedMention]:
        on_call = {p.slug for p in participants}
        mentions: list[ParsedMention] = []
        seen: set[str] = set()
        mentions.extend(self._extra_mentions)
        seen.update(m.official_slug for m in self._extra_mentions if m.official_slug)
        for name in spokespeople(self.text):
            if all(m.name != name for m in mentions):
                mentions.append(ParsedMention("person", name))
        for match in self.index.find(self.folded, self._framing_start):
            official = match.official
            if official and official.slug not in on_call and official.slug not in seen:
                seen.add(official.slug)
                mentions.append(ParsedMention("person", official.name, official.slug))
        countries = {p.country for p in participants}
        body = self.text[self.body_start :]
        folded = self.folded[self.body_start :]
        for entity in find_entities(body, folded, countries, self.rules.name_suffix):
            mentions.append(ParsedMention(entity.kind, entity.name))
        return mentions

    def run(self) -> ParsedReadout:
        framing_index = self.framing()
        framing = self.sentences[framing_index]
        self._framing_start = framing.start
        date, precision = self.date(self.sentences[: framing_index + 1])
        participants = self.participants(framing, date)
        self._learn_surnames(participants)
        initiator = self.initiator(framing, participants)
        leads = self._lead_statements(framing_index)
        said = self._framing_content(framing, participants)
        spans = leads + ([framing] if said else []) + self.sentences[framing_index + 1 :]
        statements = self.statements(spans, participants, said)
        preamble = self.text[self.body_start : (leads[0] if leads else framing).start]
        return ParsedReadout(
            text=self.text,
            body=self.text[self.body_start :],
            language=self.language,
            date=date,
            date_precision=precision,
            participants=participants,
            initiator=initiator,
            statements=statements,
            mentions=self.mentions(participants),
            warnings=self.warnings,
            review_reasons=self._review_reasons(participants, statements, precision),
            headline=self._headline(preamble),
            publisher=detect_publisher(preamble, self.text[framing.start : framing.end], self.text),
            side=self._side(participants),
        )

    def _review_reasons(self, participants, statements, precision) -> list[str]:
        """What the rules only half understood: the readout is archived and flagged."""
        reasons = list(self.review)
        reasons += [
            f"new official: {p.name} ({p.title_as_written})" for p in participants if p.needs_review
        ]
        guessed = [s.order for s in statements if s.speaker_guessed]
        if guessed:
            reasons.append("speaker guessed in statement " + ", ".join(map(str, guessed)))
        if precision != "day":
            reasons.append("no day for the call: the date is a month")
        if not statements:
            reasons.append("no statement found after the framing")
        return reasons

    def _lead_statements(self, framing_index: int) -> list[Span]:
        """Sentences above the framing that report what was said: an agency's lead ("X was
        discussed today, the ministry says") before the sentence that names the call."""
        leads = []
        for span in self.sentences[:framing_index]:
            verb = self._main_verb(span) if self._is_sentence(span) else None
            if verb and self.rules.verb_class(verb):
                leads.append(span)
        return leads

    def _framing_content(
        self, framing: Span, participants: list[ParsedParticipant]
    ) -> tuple[Span, str, VerbPhrase] | None:
        """ "X spoke with Y to express deep concern over ...": the framing says something."""
        cue = self.rules.framing_content
        if cue is None or not self._found:
            return None
        last_name = max(f.name_end for f in self._found)
        m = cue.search(self.folded, last_name, framing.end)
        if not m:
            return None
        words = tokens(self.text, m.start("verb"), framing.end)
        verb = VerbPhrase(
            start=words[0].start,
            end=words[0].end,
            words=(words[0],),
            key=self.rules.past_form(words[0].folded),
            object_words=tuple(t.folded for t in words[1:5]),
        )
        verb_class = self.rules.verb_class(verb)
        if not verb_class:
            return None
        by_slug = {p.slug: p for p in participants}
        subject = by_slug[participants[0].slug]
        first = min(self._found, key=lambda f: f.name_start)
        for f, p in zip(self._found, participants, strict=True):
            if f is first:
                subject = p
        speaker = BOTH if verb_class == "discussion" else subject.slug
        return framing, speaker, verb

    def _headline(self, preamble: str) -> str:
        """The title lines before the body, without datelines, stamps and boilerplate."""
        lines = []
        for line in preamble.splitlines():
            line = line.strip()
            folded = fold(line)
            dated = any(p.search(folded) for p in self.rules.date_patterns)
            if not line or (dated and len(line) < 60) or re.search(BOILERPLATE, folded):
                continue
            lines.append(line)
        return " ".join(lines)

    def _side(self, participants: list[ParsedParticipant]) -> str:
        """Whose account this is, when the titles tell: a readout names the other side's
        officials with their country ("Azerbaijani President Ilham Aliyev") and its own without."""
        marked = {
            p.country: bool(self._country_near(f, p.title_as_written))
            for f, p in zip(self._found, participants, strict=True)
            if p.country in ("AZ", "US")
        }
        if len(marked) == 2 and marked["AZ"] != marked["US"]:
            return "US" if marked["AZ"] else "AZ"
        return ""


def parse_readout(
    text: str,
    gazetteer: Gazetteer,
    topics: Sequence[TopicCues] = (),
    *,
    published: dt.date | None = None,
    language: str | None = None,
) -> ParsedReadout:
    """Parse one readout (the seed file format: `` date YYYY-MM`` then the text).

    ``published`` is the publication date (from a manifest): "today" and "yesterday" count
    from it when the text has no dateline. ``language`` (from a manifest) overrides detection.
    """
    return _Parse(text, gazetteer, topics, published, language).run()
