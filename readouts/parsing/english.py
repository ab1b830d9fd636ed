"""English rule set: call framing, titles and role phrases, reporting verbs, dates.

Written for both sides' styles: State Department and White House readouts ("Secretary Blinken
spoke today with Azerbaijani President Ilham Aliyev") and Azerbaijani ones in English
("President Ilham Aliyev received a phone call from U.S. Secretary of State Antony Blinken").
"""

from __future__ import annotations

import re

from .rules import DOTTED_DATE, NUMERIC_MONTHS, SIDE, Role, RuleSet, VerbPhrase
from .text import Token

_PREFIX = r"(?:(?:azerbaijani|u\.s\.|us|american|united states|armenian|russian)\s+)?"
_SUFFIX = (
    r"(?:\s+(?:of (?:the republic of )?azerbaijan|of the united states|of armenia"
    r"|of the russian federation))?"
)


def _role(head: str, *kinds: str, country: str | None = None) -> Role:
    return Role(
        re.compile(r"(?<![\w-])" + _PREFIX + r"(?:" + head + r")(?![\w-])" + _SUFFIX),
        kinds,
        country,
    )


_SIDE_COUNTRY = r"(?:azerbaijani|azerbaijan|u\.s\.|us|american|united states)"

ROLES = (
    # "The American side", "the U.S. official", "the American diplomat", "his Azerbaijani
    # counterpart", "his counterpart".
    Role(
        re.compile(
            r"(?<![\w-])" + _SIDE_COUNTRY + r" (?:side|party|delegation|official|diplomat)(?![\w-])"
            r"|(?<![\w-])(?:" + _SIDE_COUNTRY + r" )?(?:counterpart|interlocutor)(?![\w-])"
            r"|(?<![\w-])(?:other|opposite) (?:side|party)(?![\w-])"
        ),
        (SIDE,),
    ),
    Role(
        re.compile(r"(?<![\w-])(?:(?:the |osce )*minsk group )?co-chairs(?![\w-])"),
        ("minsk-group-co-chair",),
        group=True,
    ),
    _role(r"(?:osce )?minsk group co-chair|co-chair", "minsk-group-co-chair"),
    _role(
        r"under secretary(?: of state)?(?: for political affairs)?",
        "under-secretary-political-affairs",
    ),
    _role(r"deputy assistant secretary(?: of state)?", "deputy-assistant-secretary-eur"),
    _role(r"deputy national security advis[eo]r", "deputy-national-security-advisor"),
    _role(r"deputy (?:foreign )?minister(?: of foreign affairs)?", "deputy-foreign-minister"),
    _role(r"vice[ -]president", "vice-president"),
    _role(r"prime minister", "prime-minister"),
    _role(r"deputy secretary(?: of state)?", "deputy-secretary-of-state"),
    _role(
        r"assistant secretary(?: of state)?(?: for european and eurasian affairs)?",
        "assistant-secretary-eur",
    ),
    # Offices the gazetteer may not hold: a new official with that title on the call.
    _role(r"senator", "senator"),
    _role(r"congress(?:wo)?man", "member-of-congress"),
    _role(r"(?:special )?envoy", "envoy"),
    _role(r"secretary of defen[cs]e|defen[cs]e secretary", "secretary-of-defense"),
    _role(r"secretary(?: of state)?", "secretary-of-state", "secretary-of-defense"),
    _role(
        r"foreign minister|minister of foreign affairs|foreign affairs minister", "foreign-minister"
    ),
    # "the top U.S. diplomat", "Azerbaijan's top diplomat", "the head of Azerbaijani
    # diplomacy": either side's.
    _role(
        rf"(?:(?:azerbaijan|america)'s )?top (?:{_SIDE_COUNTRY} )?diplomat"
        rf"|head of (?:the )?(?:{_SIDE_COUNTRY} )?diplomacy",
        "foreign-minister",
        "secretary-of-state",
    ),
    _role(r"national security advis[eo]r|apnsa", "national-security-advisor"),
    _role(
        r"assistant to the president|presidential (?:assistant|aide)"
        r"|head of the foreign (?:policy affairs|relations) department",
        "presidential-assistant",
    ),
    # The Azerbaijani presidency's name for its own president; a US readout says "the President".
    _role(r"head of state", "president", country="AZ"),
    _role(r"president", "president"),
    _role(r"ambassador", "ambassador"),
    _role(r"minister", "minister"),
)

TITLE_HEADS = re.compile(
    r"(?<![\w'-])(?:(?:vice|deputy|assistant|under|acting|first|prime|foreign|senior|principal"
    r"|special|co)[ -])*"
    r"(?:president|secretary|minister|advis[eo]r|ambassador|envoy|representative|director"
    r"|senator|congress(?:wo)?man|head|chief|chairman|chair|coordinator|counselor|aide|leader"
    r"|apnsa|assistant|negotiator|co-chairs?|chancellor|charge d'affaires"
    r"|colonel(?: general)?|(?:lieutenant )?general|admiral)(?![\w])"  # a rank is a title
)

COUNTRY_MARKERS = (
    (
        re.compile(
            r"(?<![\w-])(?:u\.s\.|us|american|america's|united states|state department"
            r"|department of state)(?![\w])"
        ),
        "US",
    ),
    (re.compile(r"\bazerbaijan(?:i)?\b"), "AZ"),
    (re.compile(r"\barmenian?\b"), "AM"),
    (re.compile(r"\brussian?\b|\brussian federation\b"), "RU"),
)

_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS |= {name[:3]: number for name, number in list(MONTHS.items())}
MONTHS["sept"] = 9
# Numeric stamps ("03/16/2022", "16.03.2022"): the month group holds digits.
MONTHS |= NUMERIC_MONTHS
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTH = r"(?P<month>" + "|".join(sorted((m for m in MONTHS if m.isalpha()), key=len)[::-1]) + r")"
_WEEKDAY = r"(?:\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\s*,?\s+)?"
DATES = (
    # March 16, 2022 / Wednesday, March 16 / Sept. 9
    re.compile(
        _WEEKDAY + r"\b" + _MONTH + r"\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
        r"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?"
    ),
    # 16 March 2022 / the 16th of March
    re.compile(
        _WEEKDAY + r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b\.?"
        r"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?"
    ),
    # 03/16/2022 10:15 AM EDT
    re.compile(r"\b(?P<month>0?[1-9]|1[0-2])/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
    DOTTED_DATE,
)
RELATIVE_DAYS = re.compile(
    r"\b(?P<word>earlier today|today|this (?:morning|afternoon|evening)|tonight|yesterday"
    r"|last night|overnight)\b"
)
RELATIVE_OFFSETS = {
    "earlier today": 0,
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "yesterday": -1,
    "last night": -1,
    "overnight": 0,  # the night before the release's morning: its own date
}
RELATIVE_WEEKDAY = re.compile(
    r"\b(?:(?P<last>last|this past|on)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
)

CONVERSATION = re.compile(
    r"\b(?:tele)?phon\w*|\bcall(?:ed|s)?\b|\bconversation|\btalks?\b|\btalked\b|\bdiscuss\w*"
    r"|\bexchang\w* (?:of )?views|\bvideo\b|\bvirtual\b|\bspoke\b|\bconferred\b"
)

# A call by video or online, named by a noun: "held a video conference", "a virtual meeting",
# "telephone talks". Not one the text refers back to: "their video conference in May", "the
# previous virtual meeting" are other events.
_CALL_NOUN = (
    r"(?<!the )(?<!their )(?<!'s )(?<!previous )(?<!earlier )(?<!recent )(?<!last )"
    r"(?:\b(?:video|virtual|online) (?:meeting|talks|discussion)|\b(?:virtual|online) call"
    r"|\b(?:virtual|online) conversation|\b(?:phone|telephone) (?:talks?|discussion)"
    r"|\bvideo[ -]?conferenc(?:e|es|ing))\b"
)
# A call by phone or video in any of its usual wordings: "spoke", "phoned", "held a phone
# call", "met via video link", "talked over the phone". A meeting alone is not a call.
FRAMING = re.compile(
    r"\bspo(?:ke|ken)\b|\bspeaks\b|\btalked\b|\b(?:phone|telephone|video) (?:call|conversation)"
    r"|\bby (?:tele)?phone\b|\bcalled\b(?! (?:for|on|upon)\b)|\bphoned\b|\btelephoned\b"
    r"|\breceived a call\b|\bheld a call\b|\bhad a call\b|\b(?:over|on) the (?:tele)?phone\b"
    r"|\b(?:by|via|over|through) (?:a |an )?(?:secure |encrypted )?video[ -]?(?:link|connection)\b|"
    + _CALL_NOUN
)
# Words may stand between the parts: "received on Monday a phone call from".
CALLER_AFTER = re.compile(
    r"\b(?:received|answered|took|accepted) (?:[^.;]{0,60}? )?(?:a |an )?"
    r"(?:(?:phone|telephone|video) )?call from\b"
    r"|\b(?:at|on|upon) the (?:request|initiative) of\b"
    r"|\bwas (?:called|phoned|telephoned|initiated|requested|placed) by\b"
)
CALLER_BEFORE = re.compile(
    r"\b(?:made|placed|initiated) (?:[^.;]{0,60}? )?(?:a |an )?(?:(?:phone|telephone|video) )?"
    r"call to\b|(?<!so-)(?<!was )\b(?:called|phoned|telephoned|rang)\b(?! (?:for|on|upon|by)\b)"
)
# "spoke with X to express deep concern over ...": the framing sentence says something.
FRAMING_CONTENT = re.compile(
    r"(?<![\w])(?:to|and) (?P<verb>express|discuss|convey|reaffirm|reiterate|underscore|urge"
    r"|emphasi[sz]e|stress|welcome|condemn|offer|congratulate|thank|review|raise|highlight"
    r"|expressed|discussed|conveyed|reaffirmed|reiterated|underscored|urged|emphasi[sz]ed"
    r"|stressed|welcomed|condemned|offered|congratulated|thanked|reviewed|raised|highlighted)"
    r"(?![\w])"
)
INSTITUTION_WORDS = frozenset(
    [
        "department",
        "administration",
        "council",
        "ministry",
        "office",
        "committee",
        "agency",
        "affairs",
        "relations",
        "security",
        "state",
        "states",
        "republic",
        "service",
        "union",
        "nations",
        "house",
        "group",
        "organization",
        "organisation",
        "foreign",
        "national",
        "presidential",
        "general",
        "policy",
        "assembly",
        "parliament",
        "embassy",
        "government",
        "cabinet",
        "commission",
        "bureau",
        "court",
        "fund",
        "bank",
        "co-chair",
        "co-chairs",
        # a military rank between a title and a name: "Minister of Defense Colonel General Zakir
        # Hasanov"
        "colonel",
        "lieutenant",
        "admiral",
        "brigadier",
        # what an office is for, never a name: "Senior Advisor for Caucasus Negotiations"
        "negotiations",
        "talks",
        "issues",
        "operations",
        "process",
        "cooperation",
        "partnership",
        "development",
    ]
)
SEPARATELY = re.compile(r"\bseparate(?:ly)?\b|\brespectively\b")
PASSIVE_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")

JOINT_SUBJECTS = re.compile(
    r"(?<![\w'-])(?:the (?:two |three )?(?:sides|parties|leaders|officials|ministers|presidents"
    r"|heads of state|top diplomats|foreign ministers"
    r"|interlocutors|counterparts|men)|both (?:sides|parties|leaders|officials|men|ministers)"
    r"|both|all(?: (?:sides|parties|three|participants))?|each side|neither (?:side|party)"
    r"|the two|they)\s*,?\s*$"
)
ANAPHORS = re.compile(r"\b(?:this|that|the) (?:issue|matter|question|topic|problem)\b")

STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "our",
        "he",
        "she",
        "they",
        "we",
        "which",
        "who",
        "whom",
        "whose",
        "not",
        "no",
        "also",
        "all",
        "any",
        "both",
        "each",
        "into",
        "over",
        "about",
        "between",
    ]
)

ADVERBS = frozenset(
    [
        "also",
        "further",
        "again",
        "then",
        "later",
        "additionally",
        "separately",
        "jointly",
        "both",
        "once",
        "too",
        "repeatedly",
    ]
)
AUX_PASSIVE = frozenset(["was", "were", "is", "are", "been"])
AUX_PERFECT = frozenset(["has", "have", "had"])
IRREGULAR_PARTICIPLES = frozenset(
    [
        "made",
        "held",
        "given",
        "taken",
        "said",
        "told",
        "brought",
        "set",
        "put",
        "sent",
        "shown",
        "drawn",
        "undertaken",
        "known",
        "seen",
        "done",
        "paid",
        "laid",
        "sought",
        "led",
        "kept",
        "left",
        "won",
        "struck",
        "thought",
        "met",
        "felt",
        "spent",
        "built",
    ]
)
# Reporting verbs as written in the past tense; multiword ones ("called for") first.
VERB_CLASSES = {
    # concern
    "expressed concern": "concern", "cautioned": "concern", "warned": "concern",
    "condemned": "concern", "deplored": "concern", "regretted": "concern",
    "raised concern": "concern", "raised concerns": "concern",
    # emphasis
    "emphasized": "emphasis", "emphasised": "emphasis", "stressed": "emphasis",
    "underscored": "emphasis", "underlined": "emphasis", "highlighted": "emphasis",
    "reinforced": "emphasis", "noted": "emphasis", "pointed out": "emphasis",
    "insisted": "emphasis", "recalled": "emphasis", "reminded": "emphasis",
    "took note": "emphasis", "made clear": "emphasis", "made it clear": "emphasis",
    "acknowledged": "emphasis", "recognized": "emphasis", "recognised": "emphasis",
    "confirmed": "emphasis", "affirmed": "emphasis", "drew attention": "emphasis",
    # urge
    "urged": "urge", "called for": "urge", "called on": "urge", "called upon": "urge",
    "encouraged": "urge", "pressed": "urge", "asked": "urge", "requested": "urge",
    "invited": "urge", "appealed": "urge",
    # welcome
    "welcomed": "welcome", "praised": "welcome", "commended": "welcome", "thanked": "welcome",
    "applauded": "welcome", "lauded": "welcome", "appreciated": "welcome",
    "congratulated": "welcome", "hailed": "welcome", "saluted": "welcome",
    # agreement
    "agreed": "agreement", "accepted": "agreement", "concurred": "agreement",
    "endorsed": "agreement",
    # support
    "reaffirmed": "support", "reiterated": "support", "supported": "support",
    "pledged": "support", "committed": "support", "offered": "support", "assured": "support",
    "promised": "support", "vowed": "support",
    # information
    "said": "information", "told": "information", "stated": "information",
    "informed": "information", "briefed": "information", "explained": "information",
    "announced": "information", "added": "information", "described": "information",
    "shared": "information", "updated": "information", "assessed": "information",
    "considered": "information", "outlined": "information", "presented": "information",
    "proposed": "information", "suggested": "information", "reported": "information",
    "replied": "information", "responded": "information", "declared": "information",
    "conveyed": "information", "expressed": "information", "voiced": "information",
    "extended": "information", "characterized": "information", "described as": "information",
    "mentioned": "information", "indicated": "information", "set out": "information",
    "laid out": "information", "put forward": "information", "gave information": "information",
    "gave an update": "information", "gave an overview": "information",
    "gave a briefing": "information",
    # hope
    "hoped": "hope", "expressed hope": "hope", "wished": "hope", "expected": "hope",
    "looked forward": "hope",
    # condolence
    "offered condolences": "condolence", "expressed condolences": "condolence",
    # discussion
    "discussed": "discussion", "reviewed": "discussion", "exchanged": "discussion",
    "addressed": "discussion", "touched on": "discussion", "touched upon": "discussion",
    "took stock": "discussion", "talked": "discussion", "covered": "discussion",
    "focused": "discussion", "explored": "discussion", "examined": "discussion",
    "consulted": "discussion", "raised": "discussion", "spoke": "discussion",
    "brought up": "discussion",
}  # fmt: skip
_MULTIWORD = tuple(sorted((k.split() for k in VERB_CLASSES if " " in k), key=len, reverse=True))
_SINGLE = frozenset(k for k in VERB_CLASSES if " " not in k)
LIGHT_VERBS = frozenset(
    ["expressed", "conveyed", "offered", "extended", "reiterated", "reaffirmed", "noted",
     "voiced", "shared", "affirmed", "raised", "underscored"]
)  # fmt: skip
OBJECT_CLASSES = (
    ("condolence", "condolence"),
    ("sympathy", "condolence"),
    ("concern", "concern"),
    ("worry", "concern"),
    ("alarm", "concern"),
    ("support", "support"),
    ("commitment", "support"),
    ("solidarity", "support"),
    ("gratitude", "welcome"),
    ("appreciation", "welcome"),
    ("thanks", "welcome"),
    ("congratulation", "welcome"),
    ("satisfaction", "welcome"),
    ("hope", "hope"),
    ("wish", "hope"),
    ("agreement", "agreement"),
)
SUBORDINATORS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "while",
        "if",
        "because",
        "since",
        "after",
        "before",
        "where",
        "although",
        "though",
        "whether",
        "once",
        "until",
    ]
)
PRONOUNS = frozenset({"he", "she", "it"})
NOT_VERB_AFTER = frozenset(["the", "a", "an", "his", "her", "their", "its", "our"])


_TITLE_CUTS = re.compile(r"\bwith\b|\band\b|[,;:]")


def _is_participle(token: Token) -> bool:
    word = token.text
    return (len(word) > 3 and word.endswith("ed")) or word in IRREGULAR_PARTICIPLES


def _is_adverb(token: Token) -> bool:
    return token.text in ADVERBS or (len(token.text) > 4 and token.text.endswith("ly"))


class EnglishRules(RuleSet):
    def title_start(self, text: str, folded: str, start: int, end: int) -> int | None:
        """The title is the run of words right before the name, after "with", "and" or a comma:
        "spoke with Azerbaijani President Ilham Aliyev" -> "Azerbaijani President"."""
        cut = start
        for m in _TITLE_CUTS.finditer(folded, start, end):
            if not self._inside_title(folded, m, end):
                cut = m.end()
        position = cut
        while position < end and not text[position].isupper():
            position += 1
        if position >= end or not self.title_heads.search(folded, position, end):
            return None
        return position

    def _inside_title(self, folded: str, cut: re.Match[str], end: int) -> bool:
        """An "and" (or a comma before one) that joins parts of one title: "Minister of Economy
        and Trade", "for European and Eurasian Affairs". What follows it up to the name holds
        no title head, where "President Aliyev and Secretary Blinken" starts a new title."""
        if cut.group() not in ("and", ","):
            return False
        rest = folded[cut.end() : end]
        enumeration = cut.group() == "and" or re.search(r"\band\b", rest)
        return bool(enumeration) and not self.title_heads.search(rest)

    def find_verbs(self, text: str, tokens: list[Token]) -> list[VerbPhrase]:
        verbs = []
        i = 0
        while i < len(tokens):
            found = self._verb_at(text, tokens, i)
            if found is None:
                i += 1
                continue
            first, last, key, passive = found
            start = first
            while start > 0 and _is_adverb(tokens[start - 1]):
                start -= 1
            if start == 0 and "both" in (t.text for t in tokens[:first]):
                # "Both agreed", "Also, both noted": opening the sentence, "both" is its subject.
                start = next(i for i, t in enumerate(tokens) if t.text == "both") + 1
            kept = tuple(t for t in tokens[first : last + 1] if not _is_adverb(t))
            verbs.append(
                VerbPhrase(
                    start=tokens[start].start,
                    end=tokens[last].end,
                    words=kept,
                    key=key,
                    passive=passive,
                    object_words=tuple(t.folded for t in tokens[last + 1 : last + 5]),
                )
            )
            i = last + 1
        return verbs

    def _verb_at(self, text: str, tokens: list[Token], i: int):
        """(first index, last index, key, passive) of a verb phrase starting at ``i``, or None."""
        word = tokens[i].text
        if word in AUX_PASSIVE or word in AUX_PERFECT:
            j = i + 1
            while j < len(tokens) and _is_adverb(tokens[j]):
                j += 1
            passive = word in AUX_PASSIVE
            if word in AUX_PERFECT and j < len(tokens) and tokens[j].text == "been":
                passive, j = True, j + 1
                while j < len(tokens) and _is_adverb(tokens[j]):
                    j += 1
            if j < len(tokens) and _is_participle(tokens[j]):
                key, last = self._key(tokens, j)
                return i, last, key, passive
            return None
        if word in _SINGLE or self._starts_multiword(tokens, i) or self._bare_past(text, tokens, i):
            key, last = self._key(tokens, i)
            return i, last, key, False
        return None

    def _starts_multiword(self, tokens: list[Token], i: int) -> bool:
        return any([t.text for t in tokens[i : i + len(w)]] == w for w in _MULTIWORD)

    def _key(self, tokens: list[Token], i: int) -> tuple[str, int]:
        for words in _MULTIWORD:
            if [t.text for t in tokens[i : i + len(words)]] == words:
                return " ".join(words), i + len(words) - 1
        return tokens[i].folded, i

    def _bare_past(self, text: str, tokens: list[Token], i: int) -> bool:
        """A past tense not in the lexicon, right after a subject: "The Secretary lauded"."""
        token = tokens[i]
        if not _is_participle(token) or i == 0 or "-" in token.text:
            return False
        if text[token.start].isupper():
            return False  # a name: "Karen Donfried", "Reed"
        if not text[token.start - 1].isspace():
            return False  # "U.S.-facilitated"
        before = i - 1
        while before > 0 and _is_adverb(tokens[before]):
            before -= 1
        previous = tokens[before]
        if previous.text in PRONOUNS or previous.text in (
            "they", "both", "sides", "parties", "side", "party"
        ):  # fmt: skip
            return True
        written = text[previous.start : previous.end]
        return written[0].isupper() and not written.endswith(("'s", "’s"))


ENGLISH = EnglishRules(
    language="en",
    stopwords=STOPWORDS,
    stemmer="english",
    months=MONTHS,
    weekdays=WEEKDAYS,
    date_patterns=DATES,
    framing=FRAMING,
    conversation=CONVERSATION,
    caller_after=CALLER_AFTER,
    caller_before=CALLER_BEFORE,
    title_heads=TITLE_HEADS,
    country_markers=COUNTRY_MARKERS,
    roles=ROLES,
    prepositions=frozenset(
        [
            "with",
            "to",
            "of",
            "for",
            "by",
            "from",
            "on",
            "at",
            "about",
            "between",
            "against",
            "toward",
            "towards",
            "including",
            "regarding",
            "among",
            "into",
            "over",
            "under",
            "without",
            "alongside",
        ]
    ),
    # with the honorifics: "Mr. Sullivan and Mr. Hajiyev", "to Mr. Bayramov"
    determiners=frozenset(
        ["the", "his", "her", "their", "its", "a", "an", "our", "mr", "mrs", "ms"]
    ),
    pronouns=PRONOUNS,
    plural_pronouns=frozenset({"they"}),
    joint_subjects=JOINT_SUBJECTS,
    impersonal=frozenset({"it"}),
    verb_classes=VERB_CLASSES,
    light_verbs=LIGHT_VERBS,
    object_classes=OBJECT_CLASSES,
    subordinators=SUBORDINATORS,
    anaphors=ANAPHORS,
    framing_search=4,
    relative_days=RELATIVE_DAYS,
    relative_offsets=RELATIVE_OFFSETS,
    relative_weekday=RELATIVE_WEEKDAY,
    this_week=re.compile(r"\b(?:earlier |later )?this week\b"),
    serves=re.compile(r"\b(?:advis[eo]r|assistant|aide|counselor) to (?:the )?president\s*$"),
    separately=SEPARATELY,
    passive_agent=PASSIVE_AGENT,
    conjunctions=frozenset({"and"}),
    title_breakers=re.compile(r"[,.;]|\b(?:has|had|have|spoke|called|held|phoned|talked)\b"),
    country_after=re.compile(r"\s+(?:of|from)\s*[^,;.]*?(?=\s+and\s|[,;.]|$)"),
    quote_speaker_lead=re.compile(r"[\s,]*(?:the\s*)?"),
    spokesperson=re.compile(r"spokes(?:person|man|woman)\s*$"),
    last_words=frozenset({"last"}),
    framing_content=FRAMING_CONTENT,
    recipient_verbs=frozenset(
        ["informed", "briefed", "updated", "apprised", "told", "thanked", "congratulated"]
    ),
    source_note=re.compile(
        r"(?:this|that|it) (?:was|has been|is) (?:reported|announced|stated) by\b"
        r"|(?:the )?(?:information|news|report) (?:was|has been) (?:provided|released|shared) by\b"
        # an agency's: "Report was informed by the press service of the Foreign Ministry."
        r"|[\w.-]+ (?:was|has been) (?:informed|told) (?:about (?:this|it) )?by (?:the )?"
        r"(?:press|information) (?:service|office|department)\b"
    ),
    framing_circumstance=re.compile(
        r"(?:during|in the course of|in) (?:a|an|the|their|his|her|today's|yesterday's) "
        r"(?:[\w.'-]+ ){0,2}?(?:(?:tele)?phone |video )?(?:call|conversation|talks?)\b"
        r"[^,;]{0,160},"
    ),
    first_day=frozenset({"1st"}),
    boilerplate=re.compile(
        r"^(?:readout|media note|press release|office of the spokesperson|for immediate release"
        r"|statements and releases|briefing room)$|attributable to|^the (?:following|below) is"
    ),
    attribution=re.compile(r"(?<![\w])(?:according to|in the words of|in the view of)(?![\w])"),
    impersonal_event=re.compile(
        r"\b(?:an? |the )?(?:exchange of (?:views|opinions)|discussions?|talks|conversation)"
        r"\s+(?:[^,.;]{0,60}\s)?(?:took place|was held|were held|ensued)\b"
    ),
    other_event_date=re.compile(
        r"(?:summit|meeting|talks|statement|announcement|agreement|declaration|elections?"
        r"|conference|visit|attack|explosion)\s+(?:of|on|held on|from|in)\s*(?:the\s+)?\x00"
        r"|\x00(?:\s*,?\s*(?:19|20)\d\d)?\s*,?\s*(?:summit|meeting|talks|statement"
        r"|declaration|agreement|trilateral|ceasefire|elections?|announcement|conference)"
    ),
    institution_words=INSTITUTION_WORDS,
    detection_words=frozenset(
        [
            "the",
            "of",
            "and",
            "was",
            "with",
            "to",
            "has",
            "his",
            "her",
            "that",
            "for",
            "on",
            "is",
            "were",
            "from",
            "in",
            "by",
            "at",
            "an",
            "its",
            "their",
            "spoke",
            "received",
            "made",
            "held",
            "phone",
            "call",
            "phoned",
            "called",
            "discussed",
            "said",
        ]
    ),
)
