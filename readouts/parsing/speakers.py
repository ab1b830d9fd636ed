"""Step 5, speakers: who each statement attributes its words to.

For each sentence the main reporting verb is found (the rule set's ``find_verbs``/``main_verb``)
and the speaker is its subject: a participant's name, a role phrase whose holder is on the call
("the Secretary", "le chef de l'État"), a participant's title as written, a pronoun for the
previous speaker, or the speaker given after a quotation; an opening "according to X" ("selon
X", "X-in sözlərinə görə") gives the sentence to X whatever its verb. Two participants joined by a
conjunction, joint subjects ("the sides"), impersonal passives and sentences whose subject is
the conversation itself ("an exchange of views took place") are both sides. One who "was
informed" or "thanked" was spoken to: the speaker is the passive's agent, or the other side. A
sentence with no subject of its own goes on with the previous speaker. Content in the framing
sentence ("spoke with X to express concern", "During a phone call with X, Y stressed ...") is a
statement of its subject.

The reader keeps, while it goes through one readout, the previous speaker, a group role's
holder ("the co-chairs", then "they") and the participants' surnames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Context, office_kind
from .framing import Framing
from .participants import Cast
from .rules import Role, VerbPhrase
from .text import Span, fold_same_length, tokens, within
from .types import BOTH, ParsedParticipant

# Between the one named and an attribution's cue in Azerbaijani: a case ending at most.
_CASE_ENDING_ONLY = re.compile(r"(?:['-]?[^\W\d_]{1,4})?\s*")
# The words before a sentence's subject, counted: "In turn," "Also," at most three.
_OPENING_WORDS = re.compile(r"[^\W\d_]+")
# Before an opening cue: quotes or a dash at most.
_OPENING_PUNCTUATION = re.compile(r"[\s\"'«“(—-]*")


@dataclass(frozen=True)
class Attribution:
    span: Span
    speaker: str  # official slug or BOTH
    guessed: bool
    verb: VerbPhrase | None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    speaker: str | None  # slug, BOTH, or None when the words name no participant
    kind: str  # name | role | pronoun | joint
    label: str
    group: bool = False  # a role naming several people ("the co-chairs")
    side: bool = False  # a side of the call or a counterpart ("his counterpart")


def framing_statement(ctx: Context, framing: Framing, cast: Cast) -> Attribution | None:
    """The framing says something: "X spoke with Y to express deep concern over ...", or
    "During a phone call with Y, X stressed that ..." (see ``_said_in_the_call``)."""
    return _content_after_names(ctx, framing, cast) or _said_in_the_call(ctx, framing, cast)


def _said_in_the_call(ctx: Context, framing: Framing, cast: Cast) -> Attribution | None:
    """ "During a phone conversation with Y, X stressed that ...", "Y ilə telefon danışığı
    zamanı X ... vurğulayıb": the call is the sentence's circumstance, and the reporting verb
    after it (not a verb of the call itself: "spoke") has the subject the sentence gives it
    (after the circumstance, or before it where the subject comes first). A subject the
    reader can only guess makes no statement."""
    cue, rules = ctx.rules.framing_circumstance, ctx.rules
    span = framing.span
    found = cue.search(ctx.folded, span.start, span.end) if cue else None
    if found is None or not cast.found:
        return None
    if not rules.subject_first and not _OPENING_PUNCTUATION.fullmatch(
        ctx.folded, span.start, found.start()
    ):
        return None
    verb = ctx.main_verb(span)
    if verb is None or verb.start < found.end() or not rules.verb_class(verb):
        return None
    if rules.framing.search(ctx.folded, verb.start, verb.end):
        return None  # "During a call on May 4, X spoke with Y": the verb is the call's own
    # After the circumstance; where the subject comes first, it may stand before it.
    parts = [Span(found.end(), span.end)] + ([span] if rules.subject_first else [])
    for part in parts:
        speaker = _Reader(ctx, cast).named_speaker(part)
        if speaker:
            return Attribution(span, speaker, False, verb)
    return None


def _content_after_names(ctx: Context, framing: Framing, cast: Cast) -> Attribution | None:
    """ "X spoke with Y to express deep concern over ...": content after the last name."""
    cue = ctx.rules.framing_content
    if cue is None or not cast.found:
        return None
    last_name = max(f.name_end for f in cast.found)
    m = cue.search(ctx.folded, last_name, framing.span.end)
    if not m:
        return None
    words = tokens(ctx.text, m.start("verb"), framing.span.end)
    verb = VerbPhrase(
        start=words[0].start,
        end=words[0].end,
        words=(words[0],),
        key=ctx.rules.past_form(words[0].folded),
        object_words=tuple(t.folded for t in words[1:5]),
    )
    verb_class = ctx.rules.verb_class(verb)
    if not verb_class:
        return None
    subject = min(cast.pairs(), key=lambda pair: pair[0].name_start)[1]
    speaker = BOTH if verb_class == "discussion" else subject.slug
    return Attribution(framing.span, speaker, False, verb)


def attribute(
    ctx: Context, spans: tuple[Span, ...], cast: Cast, said: Attribution | None = None
) -> tuple[tuple[Attribution, ...], tuple[str, ...]]:
    """The speaker of each sentence in ``spans`` (``said``: the framing's own statement)."""
    reader = _Reader(ctx, cast)
    out = []
    for order, span in enumerate(spans, start=1):
        if said and span == said.span:
            out.append(said)
            reader.previous = said.speaker
            continue
        out.append(reader.read(span, order))
    return tuple(out), tuple(reader.warnings)


class _Reader:
    def __init__(self, ctx: Context, cast: Cast):
        self.ctx = ctx
        self.participants = participants = list(cast.participants)
        self.previous: str | None = None
        self.single: str | None = None  # the last speaker who was one participant, for "he"
        self.group: str | None = None  # the last subject, when a group role
        self.warnings: list[str] = []
        # A surname as the gazetteer writes it, and as the framing did where it differs
        # ("Blincken", "O’Brayen" read as Blinken, O'Brien): the text goes on writing it so.
        counts: dict[str, set[str]] = {}
        names = [(p.name, p.slug) for p in participants]
        names += [
            (ctx.text[f.name_start : f.name_end - len(f.suffix)], p.slug)  # "Blinkinlə": Blinkin
            for f, p in cast.pairs()
        ]
        for name, slug in names:
            surname = fold_same_length(name.split()[-1]) if name.split() else ""
            if len(surname) > 2:
                counts.setdefault(surname, set()).add(slug)
        self.surnames = {
            name: next(iter(slugs)) for name, slugs in counts.items() if len(slugs) == 1
        }

    def named_speaker(self, span: Span) -> str | None:
        """The speaker the words of ``span`` name, or None where it would be a guess."""
        speaker, guessed, _ = self._speaker(span, 0)
        return None if guessed or self.warnings else speaker

    def read(self, span: Span, order: int) -> Attribution:
        group = self.group
        speaker, guessed, verb = self._speaker(span, order)
        if group == self.group and group != speaker:
            self.group = None
        self.previous = speaker
        if speaker != BOTH:
            self.single = speaker
        return Attribution(span, speaker, guessed, verb)

    def _speaker(self, span: Span, order: int) -> tuple[str, bool, VerbPhrase | None]:
        ctx, rules, previous = self.ctx, self.ctx.rules, self.previous
        verb = self._verb(span)
        attributed, opening_end = self._attributed(span)
        if attributed is not None:
            if verb and verb.start > opening_end:
                after = self._candidates(opening_end, verb.start)
                if any(c.kind == "joint" for c in after):
                    return BOTH, False, verb  # "According to X, the sides discussed ...": they did
            return attributed, False, verb
        if opening_end > span.start:  # "Xidmətin bildirdiyinə görə, Blinken ...": after it
            span = Span(opening_end, span.end)
        fallback = previous or self.participants[0].slug
        if verb is None:
            fallback = self._opening_subject(span) or fallback
            self.warnings.append(
                f"statement {order}: no reporting verb found; speaker guessed ({fallback})"
            )
            return fallback, True, None
        event = rules.impersonal_event
        event = event.search(ctx.folded, span.start, span.end) if event else None
        if event and not [
            c
            for c in self._candidates(span.start, event.start())
            if c.speaker and c.kind in ("name", "role")
        ]:
            return BOTH, False, verb  # "un échange de vues a eu lieu": the conversation
        quotes = ctx.quoted(span)
        candidates = [
            c for c in self._candidates(span.start, verb.start) if not within(c.start, quotes)
        ]
        if not candidates and quotes:
            # « Nous sommes prêts », a déclaré le ministre. / "...," said Secretary Blinken.
            lead = rules.quote_speaker_lead or re.compile(r"[\s,]*")
            after = [
                c
                for c in self._candidates(verb.end, span.end)
                if c.kind in ("name", "role")
                and c.speaker
                and lead.fullmatch(ctx.folded[verb.end : c.start])
            ]
            if after:
                return after[0].speaker, False, verb
        if not candidates:
            if verb.passive:
                return (self._passive_agent(verb.end, span.end) or BOTH), False, verb
            if previous is not None:
                # No subject of its own: the sentence goes on with the previous speaker's
                # points ("... and stressed", a dropped subject in Azerbaijani).
                return previous, False, verb
            self.warnings.append(
                f"statement {order}: no subject found before '{ctx.text[verb.start : verb.end]}'; "
                f"speaker guessed ({fallback})"
            )
            return fallback, True, verb
        if rules.subject_first:
            chosen = self._name_after_title(
                min(candidates, key=lambda c: (c.start, -(c.end - c.start))), candidates
            )
            joined = self._joined_after(chosen, candidates)
        else:
            chosen = max(candidates, key=lambda c: (c.end, c.end - c.start))
            joined = self._joined_before(chosen, candidates)
            if chosen.side and not joined:
                chosen = self._before_aside(chosen, candidates)
        if joined:
            return BOTH, False, verb
        if chosen.kind == "pronoun" and chosen.speaker is None:
            if verb.passive and chosen.label in rules.impersonal:
                return BOTH, False, verb
            if fallback == BOTH:
                fallback = self.participants[0].slug  # "he" is not both sides
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
            self.group = chosen.speaker
        if verb.passive and chosen.kind != "joint":
            if verb.key in rules.recipient_verbs:
                told = self._teller(chosen.speaker, verb, span)
                if told:
                    return told, False, verb
            # "Aliyev was urged by the Secretary", "Kerry's call was welcomed by the Minister":
            # the agent on the call speaks.
            agent = self._passive_agent(verb.end, span.end)
            if agent and agent != chosen.speaker:
                return agent, False, verb
        return chosen.speaker, False, verb

    def _verb(self, span: Span) -> VerbPhrase | None:
        """The verb outside a quotation when a participant is its subject ("“…,” Aliyev said",
        "“…,” he added"); the quotation's own when one not on the call reports it ("“The sides
        agreed to meet,” the ministry reported")."""
        verb, quotes = self.ctx.main_verb(span), self.ctx.quoted(span)
        if verb is None or not quotes or within(verb.start, quotes):
            return verb
        around = self._candidates(span.start, verb.start) + self._candidates(verb.end, span.end)
        if any(c.speaker and not within(c.start, quotes) for c in around):
            return verb
        return self.ctx.main_verb(span, outside_quotes=False)

    def _opening_subject(self, span: Span) -> str | None:
        """With no verb known, the participant who opens the sentence is the better guess than
        the previous speaker: "Minister Bayramov gave his assessment of ...", "Nazir ..." (at
        most a few words before, as "In turn," or "Also,"; the subject position in every
        language here)."""
        named = [
            c
            for c in self._candidates(span.start, span.end)
            if c.speaker and c.kind in ("name", "role", "joint")
        ]
        if not named:
            return None
        first = min(named, key=lambda c: (c.start, -(c.end - c.start)))
        if len(_OPENING_WORDS.findall(self.ctx.folded, span.start, first.start)) > 3:
            return None
        return first.speaker

    def _teller(self, told: str, verb: VerbPhrase, span: Span) -> str | None:
        """Who informed (thanked, briefed) the participant a passive's subject names: the
        agent ("was thanked by X"), else the one participant of the other side; None for an
        agent not on the call ("was briefed by Ambassador Lu"): the subject keeps the words."""
        marker = self.ctx.rules.passive_agent
        if marker and marker.match(self.ctx.folded, verb.end, span.end):
            agent = self._passive_agent(verb.end, span.end)
            return agent if agent != told else None
        country = next((p.country for p in self.participants if p.slug == told), None)
        others = [p.slug for p in self.participants if p.country != country]
        return others[0] if len(others) == 1 else None

    def _attributed(self, span: Span) -> tuple[str | None, int]:
        """The participant an opening phrase gives the sentence's words to, whatever its verb,
        and where the phrase ends: "According to the President, the talks ...", "Selon le
        ministre, ..." (the cue opens the sentence, the one named follows it up to the comma),
        "Prezidentin sözlərinə görə, ..." (subject first: the one named is the noun right
        before the cue, case ending and all). A phrase that names no participant ("Prezidentin
        mətbuat xidmətinin bildirdiyinə görə," the press service's) leaves the sentence to the
        subject after it."""
        ctx, cue = self.ctx, self.ctx.rules.attribution
        comma = ctx.text.find(",", span.start, span.end)
        found = cue.search(ctx.folded, span.start, comma) if cue and comma != -1 else None
        if found is None:
            return None, span.start
        if ctx.rules.subject_first:
            named = {
                c.speaker
                for c in self._candidates(span.start, found.start(), endings=True)
                if c.speaker
                and c.kind in ("name", "role")
                and _CASE_ENDING_ONLY.fullmatch(ctx.folded, c.end, found.start())
            }
        elif _OPENING_PUNCTUATION.fullmatch(ctx.folded, span.start, found.start()):
            named = {
                c.speaker
                for c in self._candidates(found.end(), comma)
                if c.speaker and c.kind != "pronoun"
            }
        else:
            return None, span.start  # "l'accord selon lequel le président ...": inside it
        return (next(iter(named)) if len(named) == 1 else None), comma + 1

    def _name_after_title(self, chosen: _Candidate, candidates: list[_Candidate]) -> _Candidate:
        """ "Prezident İlham Əliyev ...": the name right after a role says who holds it, where
        the role alone could be either president."""
        if chosen.kind != "role":
            return chosen
        folded = self.ctx.folded
        for c in candidates:
            right_after = c.start >= chosen.end and not folded[chosen.end : c.start].strip()
            if c.kind == "name" and c.speaker and right_after:
                return c
        return chosen

    def _before_aside(self, side: _Candidate, candidates: list[_Candidate]) -> _Candidate:
        """ "The Secretary, thanking his counterpart, stressed ...": a counterpart nearest the
        verb is in an aside when a participant is named before it; that one is the subject."""
        named = [
            c
            for c in candidates
            if c.end <= side.start and c.speaker and c.kind in ("name", "role") and not c.side
        ]
        return max(named, key=lambda c: c.end) if named else side

    def _joined_before(self, chosen: _Candidate, candidates: list[_Candidate]) -> bool:
        """ "X et Y ont discuté": two participants together are both sides."""
        if chosen.speaker in (None, BOTH):
            return False
        folded = self.ctx.folded
        others = [
            c
            for c in candidates
            if c.speaker not in (None, chosen.speaker) and c.kind in ("name", "role")
        ]
        chosen_start = chosen.start
        for c in sorted(candidates, key=lambda c: -c.end):
            # Reach back over the chosen speaker's own title: "President Aliyev".
            if c.speaker == chosen.speaker and not folded[c.end : chosen_start].strip():
                chosen_start = min(chosen_start, c.start)
        return any(self._conjoined(folded[other.end : chosen_start]) for other in others)

    def _conjoined(self, gap: str) -> bool:
        """Only a conjunction (and its determiners) between two subjects: "X and the Y"."""
        rules = self.ctx.rules
        words = [w for w in re.findall(r"[^\W\d_]+", gap) if w not in rules.determiners]
        return len(words) == 1 and words[0] in rules.conjunctions and not gap.strip(" ,").count(",")

    def _joined_after(self, chosen: _Candidate, candidates: list[_Candidate]) -> bool:
        """The same, subject first: "X və Y ... müzakirə ediblər"."""
        if chosen.speaker in (None, BOTH):
            return False
        folded = self.ctx.folded
        chosen_end = chosen.end
        for c in sorted(candidates, key=lambda c: c.start):
            # Reach over the chosen speaker's own name after the title: "dövlət katibi Con Kerri".
            if c.speaker == chosen.speaker and not folded[chosen_end : c.start].strip():
                chosen_end = max(chosen_end, c.end)
        return any(
            c.speaker not in (None, chosen.speaker)
            and c.kind in ("name", "role")
            and self._conjoined(folded[chosen_end : c.start])
            for c in candidates
            if c.start >= chosen_end
        )

    def _candidates(self, start: int, end: int, endings: bool = False) -> list[_Candidate]:
        """Who the words between ``start`` and ``end`` name. A name with a case ending is not
        a subject ("Əliyevə", to Aliyev) unless ``endings`` (a genitive before a postposition:
        "Əliyevin sözlərinə görə")."""
        ctx, participants, previous = self.ctx, self.participants, self.previous
        text, folded, rules = ctx.text, ctx.folded, ctx.rules
        by_slug = {p.slug: p for p in participants}
        roles = self._roles(start, end)
        titles = [
            (m.start(), m.end(), p)
            for p in participants
            if p.title_as_written
            for m in re.finditer(re.escape(fold_same_length(p.title_as_written)), folded[:end])
            if m.start() >= start
        ]
        spans = [(s, e) for s, e, _ in roles] + [(s, e) for s, e, _ in titles]
        out: list[_Candidate] = []
        for match in ctx.index.find(folded, start, end):
            if (match.suffix and not endings) or self._prepositional(start, match.start, spans):
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
                slug = self.surnames[m.group()]
                out.append(_Candidate(m.start(), m.end(), slug, "name", text[m.start() : m.end()]))
        for s, e, p in titles:
            if not self._prepositional(start, s, spans):
                out.append(_Candidate(s, e, p.slug, "role", text[s:e]))
        people = [
            start + f.start for f in ctx.labels.find(text[start:end], folded[start:end])
            if f.concept.kind == "person"
        ] if roles else []  # fmt: skip
        for s, e, role in roles:
            if self._prepositional(start, s, spans):
                continue
            holder = self._holder(role, self._role_as_written(s, e))
            if any(not folded[e:at].strip() for at in people if at >= e):
                holder = None  # "Foreign Minister Mirzoyan": the title of one not on the call
            out.append(_Candidate(s, e, holder, "role", text[s:e], role.group, role.is_side))
        joint = rules.joint_subjects.search(folded, start, end)
        group_pronoun = joint and joint.group().strip(" ,") in rules.plural_pronouns
        if joint and not (group_pronoun and self.group):
            out.append(_Candidate(joint.start(), joint.end(), BOTH, "joint", joint.group()))
        if rules.subject_first:
            last = re.match(r"\s*([^\W\d_]+)(?![\w'-])", folded[start:end])
        else:
            last = re.search(r"([^\W\d_]+)\s*$", folded[start:end])
        if last:
            word = last.group(1)
            position = start + last.start(1)
            if word in rules.pronouns:
                # "The sides discussed ... He stressed ...": "he" is one participant, the last
                # one who spoke alone.
                referent = self.single if previous == BOTH else previous
                out.append(_Candidate(position, position + len(word), referent, "pronoun", word))
            elif word in rules.plural_pronouns and self.group:
                # "The co-chairs expressed ... They underlined ...": the same group.
                out.append(_Candidate(position, position + len(word), self.group, "pronoun", word))
            elif word in rules.plural_pronouns:
                out.append(_Candidate(position, position + len(word), BOTH, "joint", word))
        return out

    def _surname_matches(self, start: int, end: int) -> list[re.Match[str]]:
        """A participant's surname alone ("Mr. Sullivan") names that participant."""
        if not self.surnames:
            return []
        pattern = r"(?<![\w-])(?:" + "|".join(map(re.escape, self.surnames)) + r")(?![\w-])"
        return list(re.compile(pattern).finditer(self.ctx.folded, start, end))

    def _passive_agent(self, start: int, end: int) -> str | None:
        """``a été évoquée par le chef de l'État``: the agent of a passive is the speaker."""
        marker = self.ctx.rules.passive_agent
        by = marker.match(self.ctx.folded, start, end) if marker else None
        if not by:
            return None
        found = [
            c
            for c in self._candidates(by.end(), end)
            if c.start == by.end() and c.kind in ("name", "role") and c.speaker
        ]
        return found[0].speaker if found else None

    def _roles(self, start: int, end: int) -> list[tuple[int, int, Role]]:
        found = []
        for role in self.ctx.rules.roles:
            for m in role.pattern.finditer(self.ctx.folded, start, end):
                found.append((m.start(), m.end(), role))
        found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
        kept: list[tuple[int, int, Role]] = []
        for item in found:
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        return kept

    def _role_as_written(self, start: int, end: int) -> str:
        """A role phrase with the title words written right before it: "the Deputy Ambassador"
        is "deputy ambassador", not the "ambassador" the role names."""
        folded = self.ctx.folded
        for m in self.ctx.rules.title_heads.finditer(folded, max(0, start - 40), end):
            if m.start() < start < m.end():
                return folded[m.start() : end]
        return folded[start:end]

    def _holder(self, role: Role, phrase: str) -> str | None:
        """The participant holding the office a role phrase names, on this call."""
        country = self.ctx.country_of(phrase) or role.country  # as written, else the role's
        if role.is_side:
            return self._side(country)
        pool = [p for p in self.participants if not country or p.country == country]
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
                return self.previous if self.previous in {h.slug for h in holders} else None
        titled = [p for p in pool if p.needs_review and self._names_title(phrase, p)]
        return titled[0].slug if len(titled) == 1 else None

    def _side(self, country: str) -> str | None:
        """Who a side of the call is: the one participant of ``country``; with no country
        named, the one participant who did not speak last ("his counterpart")."""
        if country:
            pool = [p.slug for p in self.participants if p.country == country]
        else:
            pool = [p.slug for p in self.participants if self.previous not in (None, p.slug)]
        if len(pool) == 1:
            return pool[0]
        return self.previous if self.previous in pool else None

    def _names_title(self, phrase: str, participant: ParsedParticipant) -> bool:
        """Does a role phrase name a new official (no office known) by the title as written?
        "the Ambassador" names the "U.S. Ambassador to Azerbaijan": the title's head (its first
        title word) has the same noun, wherever it stands, and the phrase's modifiers are among
        the head's ("the Deputy Minister" is the "Deputy Foreign Minister"); a bare noun names
        no deputy ("the Minister" is not a "Deputy Minister")."""
        heads = self.ctx.rules.title_heads
        title = fold_same_length(participant.title_as_written)
        said, written = heads.search(phrase), heads.search(title)
        if not said or not written:
            return False
        if title.startswith(said.group()):
            return True  # the title opens with the phrase's word, in any case ("nazir", "naziri")
        *said_modifiers, noun = re.split(r"[ -]", said.group())
        *modifiers, head_noun = re.split(r"[ -]", written.group())
        # The noun as said, or with its possessive ending ("senator", "ABŞ senatoru"); not
        # another case of it ("katibinin", of the secretary).
        possessive = re.fullmatch(re.escape(noun) + "[iu]?", head_noun)
        if not possessive or not set(said_modifiers) <= set(modifiers):
            return False
        return bool(said_modifiers) or not modifiers

    def _prepositional(self, floor: int, start: int, spans: list[tuple[int, int]]) -> bool:
        """Is the phrase at ``start`` governed by a preposition ("au chef de l'État")?"""
        folded, rules = self.ctx.folded, self.ctx.rules
        pos = start
        moved = True
        while moved:
            moved = False
            for s, e in spans:
                if s < pos and e <= pos and folded[e:pos].strip(" ,") == "" and s >= floor:
                    pos, moved = s, True
        for _ in range(2):
            m = re.search(r"([^\W\d_]+)'?\s*$", folded[floor:pos])
            if not m:
                return False
            word = m.group(1)
            if word in rules.prepositions:
                return True
            if word not in rules.determiners:
                return False
            pos = floor + m.start()
        return False
