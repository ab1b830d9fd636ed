"""Azerbaijani rule set: call framing, titles and role phrases, reporting verbs, dates, topics.

Written for the presidency's and the foreign ministry's own style ("Con Kerri İlham Əliyevə
telefonla zəng edib", "... ilə ... arasında telefon danışığı baş tutub"). What differs from
French and English and is handled here or by the flags the engine reads:

- the verb ends the clause (``-ıb``/``-ib`` evidential past, ``-dı``/``-di`` simple past;
  ``-ılıb``/``-nıb``/``-ndı`` passive, which is both sides; a bare ``-mış`` before its noun is a
  participle), and the subject opens it (``subject_first``); a clause after ``ki`` is the
  content of the verb before it;
- names and titles take case endings (``Əliyevə``, ``katibinin``): ``name_suffix`` lets a name
  match with its ending, and a name with an ending is not a subject;
- the caller of ``X Y-ə zəng edib`` is the participant not in the dative (``recipient_suffix``);
  in ``ABŞ tərəfinin təşəbbüsü ilə`` the caller is the genitive before the cue (its ``caller``
  group).

Patterns run on folded text (see text.fold_same_length): ə→e, ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u.
"""

from __future__ import annotations

import re

from .rules import DOTTED_DATE, NUMERIC_MONTHS, SIDE, Role, RuleSet, VerbPhrase
from .text import Span, Token

# Case and possessive endings a name can carry: Əliyevə, Əliyevin, Bayramovla, Kerrinin, ABŞ-ın.
NAME_SUFFIX = (
    r"(?:['-]?(?:nin|nun|in|un|ya|ye|na|ne|a|e|la|le|dan|den|da|de|nda|nde|ni|nu|i|u|ya|ye))?"
)
# The dative: the one called ("İlham Əliyevə zəng edib").
RECIPIENT_SUFFIX = re.compile(r"['-]?(?:ya|ye|na|ne|a|e)\Z")

_C = r"(?![\w])"  # the end of a word, after the ending the pattern allows


def _role(head: str, *kinds: str, country: str | None = None) -> Role:
    return Role(re.compile(r"(?<![\w-])(?:" + head + r")" + _C), kinds, country)


# Nominative forms only (a subject): "dövlət katibi", not "dövlət katibinin" (of the secretary).
ROLES = (
    # "ABŞ tərəfi", "Azərbaycan tərəfi" (the side), "amerikalı həmkarı" (his counterpart); not
    # before "ilə" ("ABŞ tərəfi ilə", with the American side).
    _role(
        r"(?:(?:abs|amerika|azerbaycan) terefi|(?:amerikali |azerbaycanli )?hemkari|qarsi teref"
        r"|hemsohbeti)"
        r"(?!\s+ile(?![\w]))",
        SIDE,
    ),
    _role(r"(?:xarici isler )?nazir(?:inin)? muavini", "deputy-foreign-minister"),
    _role(r"xarici isler naziri|nazir", "foreign-minister", country="AZ"),
    _role(
        r"(?:abs )?dovlet katibinin (?:[\w ]{0,60}? )?komekcisinin muavini",
        "deputy-assistant-secretary-eur",
        country="US",
    ),
    _role(
        r"(?:abs )?dovlet katibinin (?:[\w ]{0,60}? )?komekcisi",
        "assistant-secretary-eur",
        country="US",
    ),
    _role(r"(?:abs )?dovlet katibinin muavini", "deputy-secretary-of-state", country="US"),
    _role(r"(?:abs )?dovlet katibi", "secretary-of-state", country="US"),
    _role(r"milli tehlukesizlik uzre musavir", "national-security-advisor", country="US"),
    _role(r"prezidentin komekcisi", "presidential-assistant-foreign-policy", country="AZ"),
    _role(r"dovletimizin bascisi|dovlet bascisi|azerbaycan prezidenti", "president", country="AZ"),
    _role(r"vitse-prezident", "vice-president"),
    _role(r"prezident", "president"),
    _role(r"sefir", "ambassador"),
    _role(r"senator", "senator"),
    _role(r"hemsohbet", "interlocutor"),  # "the interlocutor": never a holder, keeps the slot
)

TITLE_HEADS = re.compile(
    r"(?<![\w'-])(?:(?:vitse-)?prezident|katib|nazir|muavin|komekci|sefir|bascis|musavir|numayende|sedr"
    r"|direktor|rehber|elci|koordinator|senator|vekil)\w*"
)

COUNTRY_MARKERS = (
    (re.compile(r"(?<![\w])(?:abs|amerika birlesmis statlari|amerika(?:nin|li)?)(?![\w])"), "US"),
    (re.compile(r"\bazerbaycan"), "AZ"),
    (re.compile(r"\bermenistan"), "AM"),
    (re.compile(r"\brusiya"), "RU"),
)

_MONTH_NAMES = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun",
    "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
]  # fmt: skip
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)} | NUMERIC_MONTHS
WEEKDAYS = {
    "bazar ertesi": 0,
    "cersenbe axsami": 1,
    "cersenbe": 2,
    "cume axsami": 3,
    "cume": 4,
    "senbe": 5,
    "bazar": 6,
}
# "Çərşənbə axşamı" (on Tuesday), "keçən cümə" (last Friday): the day before the dateline's.
# Not "bazar" alone (Sunday, and a market: "bazar iqtisadiyyatı").
RELATIVE_WEEKDAY = re.compile(
    r"(?<![\w])(?:(?P<last>kecen)\s+)?(?P<weekday>"
    + "|".join(day for day in WEEKDAYS if day != "bazar")
    + r")(?:\s+gunu)?(?![\w])"
)
_MONTH = r"(?P<month>" + "|".join(_MONTH_NAMES) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:-?(?:ci|cu|ci|cu))?(?:\s+il)?"
DATES = (
    # 14 may 2021-ci il (tarixində) / 14 may / 14 mayda (on 14 May)
    re.compile(r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r"(?:\s+" + _YEAR + r"|d[ae])?" + _C),
    # İyunun 30-da / Sentyabrın 18-də: the month in the genitive, then the day
    re.compile(r"\b" + _MONTH + r"(?:in|un)\s+(?P<day>[0-3]?\d)(?:-?(?:da|de|nda|nde))?" + _C),
    DOTTED_DATE,
)
RELATIVE_DAYS = re.compile(r"(?<![\w])(?P<word>bu gun|dunen|sragagun)(?![\w])")
RELATIVE_OFFSETS = {"bu gun": 0, "dunen": -1, "sragagun": -2}

CONVERSATION = re.compile(
    r"telefon\w*|danis\w*|sohbet\w*|\bzeng\w*|muzakir\w*|fikir mubadil\w*|video\w*"
)

FRAMING = re.compile(
    r"telefon (?:danisig|sohbet)|telefonla (?:zeng|danis|sohbet)|\bzeng (?:edib|etdi|edir|ederek)"
    r"|videokonfrans|video[ -]?(?:zeng|elaqe|baglanti)|(?:onlayn|virtual) (?:gorus|danisiq)"
    r"|telefon zengi"
)
# "ABŞ tərəfinin təşəbbüsü ilə", "Blinkenin xahişi ilə": the caller, in the genitive, comes
# before the cue (the ``caller`` group: up to four words, read from its end by initiator.py).
CALLER_AFTER = re.compile(
    r"(?<![\w'-])(?P<caller>(?:[\w'-]+ ){0,3}[\w'-]+) (?:tesebbusu|xahisi)(?: ile|yle| esasinda)"
    r"(?![\w])"
)
# "... Əliyevə zəng edərək" (calling Aliyev, he ...): the gerund says it too.
CALLER_BEFORE = re.compile(r"\b(?:telefonla )?zeng (?:edib|etdi|edir|edibler|ederek)\b")

JOINT_SUBJECTS = re.compile(
    r"(?<![\w'-])(?:terefler|her iki teref|iki teref|prezidentler|nazirler|hemsohbetler)(?![\w])"
)

STOPWORDS = frozenset(
    [
        "ve",
        "ile",
        "bu",
        "o",
        "da",
        "de",
        "ki",
        "uzre",
        "ucun",
        "kimi",
        "bir",
        "her",
        "olan",
        "olaraq",
        "zamani",
        "arasinda",
        "bagli",
        "elece",
        "hemcinin",
        "daha",
        "cox",
        "ise",
        "onun",
        "oz",
        "hem",
        "sonra",
        "evvel",
        "qarsi",
        "teref",
        "tereflerin",
        "tarixinde",
    ]
)
PRONOUNS = frozenset({"o"})

# Reporting verbs by folded stem (the word before -ıb, or a light noun and its verb).
VERB_STEMS = {
    "vurgula": "emphasis", "qeyd": "emphasis", "diqqet": "emphasis", "xatirlat": "emphasis",
    "xatirlad": "emphasis", "tekid": "emphasis",  # "xatırladıb": t softened before a vowel
    "bildir": "information", "catdir": "information", "melumat": "information",
    "izah": "information", "teqdim": "information", "aciqla": "information",
    "soyle": "information", "beyan": "information", "teklif": "information",
    "tesdiqle": "emphasis",
    "muzakire": "discussion", "fikir": "discussion", "nezerden": "discussion",
    "danis": "discussion", "toxun": "discussion",
    "narahatliq": "concern", "pisle": "concern", "xeberdarliq": "concern",
    "salamla": "welcome", "tesekkur": "welcome", "mennunluq": "welcome", "yuksek": "welcome",
    "tebrik": "welcome", "deyerlendir": "welcome", "alqisla": "welcome", "teqdir": "welcome",
    "musbet": "welcome",  # "müsbət qiymətləndirib": assessed positively
    "qiymetlendir": "information", "sorus": "information", "deyib": "information",
    "deste": "support", "sadiq": "support", "emin": "support",
    "cagir": "urge", "xahis": "urge", "tovsiye": "urge", "devet": "urge",
    "razilas": "agreement", "razi": "agreement",
    "umid": "hope", "arzu": "hope",
    "bassagligi": "condolence",
}  # fmt: skip
# The evidential past ("bildirib") and the perfect ("bildirmişdir"): always a finite verb.
_PAST = re.compile(
    r"\w{2,}(?:ib|ub)(?:lar|ler)?\Z|\w{2,}(?:mis|mus)(?=\w)(?:dir|dur)?(?:lar|ler)?\Z"
)
# The simple past of the presidency's style ("bildirdi", "qeyd etdi"). The same ending closes
# nouns ("iqtisadi", "sərhədi"): a verb when light, of a reporting stem, or ending the clause.
_SIMPLE_PAST = re.compile(r"(?<=\w\w)(?:di|du)(?:lar|ler)?\Z")
# "qəbul edilmiş sənəd": a bare -mış before its noun is a participle, a verb only at the end.
_PARTICIPLE = re.compile(r"\w{2,}(?:mis|mus)\Z")
# The passive (-n- or -ıl- before the ending) is both sides: "müzakirə olunub", "vurğulandı".
_PASSIVE = re.compile(r"(?:[aeiou]n|[^aeiou][iu]l)(?:[iu]b|d[iu]|m[iu]s)(?:dir|dur)?(?:lar|ler)?\Z")
# Stems ending in -n that are not passives: "toxunub", "toxundu" (touched upon).
ACTIVE_N_STEMS = frozenset(["toxun", "qazan", "inan"])
# Light verbs: the noun before names the verb ("qeyd edib", "müzakirə olundu", "dəstək verdi").
_PAST_ENDING = r"(?:ib|ub|di|du|mis|mus)(?:dir|dur)?(?:lar|ler)?\Z"
_LIGHT = re.compile(r"(?:e[dt]|edil|olun|ver|veril|apar|aparil)" + _PAST_ENDING)
# Light only after these nouns: "razılığa gəliblər" (came to an agreement), "dəstək göstərib"
# (showed support); alone they are verbs of their own ("Bakıya gəlib", "göstərib ki", pointed out).
_LIGHT_AFTER_NOUN = re.compile(r"(?:gel|goster)" + _PAST_ENDING)
_LIGHT_NOUNS = ("raziliga", "qenaete", "neticeye", "destek")
_STEM = re.compile(_PAST_ENDING)
NOT_VERBS = frozenset(["habib", "tebib", "edib"])  # never alone the head: "edib" needs a noun
# Stems of the object that name the class when the verb is light ("narahatlıq ifadə edib").
OBJECT_CLASSES = (
    ("narahat", "concern"),
    ("mennun", "welcome"),
    ("tesekkur", "welcome"),
    ("deste", "support"),
    ("umid", "hope"),
    ("bassagl", "condolence"),
    ("minnetdar", "welcome"),
)


class AzerbaijaniRules(RuleSet):
    def title_start(self, text: str, folded: str, start: int, end: int) -> int | None:
        """The title is everything between the last boundary (a date, a comma, ``ilə``,
        ``tarixində``) and the name: "ABŞ dövlət katibinin ... köməkçisinin müavini"."""
        cut = start
        for pattern in self.date_patterns:
            for m in pattern.finditer(folded, start, end):
                cut = max(cut, m.end())
        for m in re.finditer(r",|(?<![\w])(?:ile|tarixinde|ve)(?![\w])", folded[start:end]):
            # "Avropa və Avrasiya" inside a title: only a "və" with no title before it cuts.
            if m.group() == "ve" and self.title_heads.search(folded, cut, start + m.start()):
                continue
            cut = max(cut, start + m.end())
        while cut < end and not text[cut].isalnum():
            cut += 1
        if cut >= end or not self.title_heads.search(folded, cut, end):
            return None
        return cut

    def find_verbs(self, text: str, tokens: list[Token]) -> list[VerbPhrase]:
        verbs = []
        for i, token in enumerate(tokens):
            word = token.folded
            if not _finite(text, tokens, i) or (word in NOT_VERBS and i == 0):
                continue
            first = i
            if _LIGHT.match(word) or (
                _LIGHT_AFTER_NOUN.match(word) and i > 0 and tokens[i - 1].folded in _LIGHT_NOUNS
            ):
                if i == 0:
                    continue
                first = i - 1  # "qeyd edib", "müzakirə olundu"
                if first > 0 and tokens[first - 1].folded in VERB_STEMS:
                    first -= 1  # "fikir mübadiləsi aparılıb": the noun's own noun names it
            elif i > 0 and tokens[i - 1].folded in ("diqqet", "fikir", "yuksek", "musbet"):
                first = i - 1
            words = tuple(tokens[first : i + 1])
            verbs.append(
                VerbPhrase(
                    start=tokens[first].start,
                    end=token.end,
                    words=words,
                    key=" ".join(t.folded for t in words),
                    passive=_passive(word),
                    object_words=tuple(t.folded for t in tokens[max(0, first - 3) : first]),
                )
            )
        return verbs

    def main_verb(self, folded: str, span: Span, verbs: list[VerbPhrase]) -> VerbPhrase | None:
        """The verb that ends the main clause: the last one before ``ki`` (what follows is
        its content), else the last one in the sentence."""
        if not verbs:
            return None
        ki = re.search(r"(?<![\w])ki(?![\w])", folded[span.start : span.end])
        if ki:
            before = [v for v in verbs if v.end <= span.start + ki.start()]
            if before:
                return before[-1]
        return verbs[-1]

    def verb_class(self, verb: VerbPhrase) -> str:
        words = verb.key.split()
        if words[-1].startswith(("ifade", "bildir")) or words[0] in ("ifade",):
            for word in verb.object_words[::-1]:
                for stem, verb_class in OBJECT_CLASSES:
                    if word.startswith(stem):
                        return verb_class
        for word in words:
            for stem, verb_class in VERB_STEMS.items():
                if word.startswith(stem):
                    return verb_class
        return ""


def _finite(text: str, tokens: list[Token], i: int) -> bool:
    """Is the word the finite past that ends a clause, not a participle or a noun?"""
    word = tokens[i].folded
    if _PAST.search(word):
        return True
    if _PARTICIPLE.search(word):
        return _ends_clause(text, tokens, i)
    if _SIMPLE_PAST.search(word):
        stem = _SIMPLE_PAST.sub("", word)
        reporting = stem.startswith(tuple(VERB_STEMS))
        return reporting or bool(_LIGHT.match(word)) or _ends_clause(text, tokens, i)
    return False


def _ends_clause(text: str, tokens: list[Token], i: int) -> bool:
    """The word is the last of its sentence, or a stop, a comma or ``ki`` follows it."""
    if i + 1 == len(tokens):
        return True
    between = text[tokens[i].end : tokens[i + 1].start]
    return bool(re.search(r"[,.;:!?]", between)) or tokens[i + 1].folded == "ki"


def _passive(word: str) -> bool:
    return bool(_PASSIVE.search(word)) and _STEM.sub("", word) not in ACTIVE_N_STEMS


AZERBAIJANI = AzerbaijaniRules(
    language="az",
    stopwords=STOPWORDS,
    stemmer="",  # no Snowball stemmer for Azerbaijani: cue words match as word prefixes
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
    prepositions=frozenset(),  # postpositions and case endings: see name_suffix
    determiners=frozenset({"cenab"}),
    pronouns=PRONOUNS,
    plural_pronouns=frozenset({"onlar"}),
    joint_subjects=JOINT_SUBJECTS,
    impersonal=frozenset(),
    verb_classes={},
    subordinators=frozenset({"ki"}),
    framing_search=3,
    relative_days=RELATIVE_DAYS,
    relative_offsets=RELATIVE_OFFSETS,
    relative_weekday=RELATIVE_WEEKDAY,
    this_week=re.compile(r"(?<![\w])bu hefte(?![\w])"),
    last_words=frozenset({"kecen"}),
    conjunctions=frozenset({"ve", "ile"}),
    subject_first=True,
    name_suffix=NAME_SUFFIX,
    recipient_suffix=RECIPIENT_SUFFIX,
    # "Bu barədə XİN-in Mətbuat xidməti idarəsindən məlumat verilib." (reported from): the
    # source in the ablative; "Bu barədə Prezidentə məlumat verilib" (he was told) is no note.
    # "Bu barədə XİN-dən məlumat verilib", and an agency's "Report xəbər verir ki, bu barədə XİN
    # məlumat yayıb" (Report says the ministry gave out the news).
    source_note=re.compile(
        r"(?:[^,]{0,60}?xeber verir ki,?\s+)?bu (?:barede|haqda)\b[^.]{0,160}?"
        r"(?:\w(?:dan|den)\s+(?:[^\W\d_]+\s+)?(?:melumat veril|bildiril)|melumat yay)"
    ),
    framing_circumstance=re.compile(
        r"(?<![\w])(?:telefon|video) (?:danisig|sohbet|zeng)\w* (?:zamani|erzinde|vaxti)(?![\w])"
        r"|(?<![\w])(?:telefon|video) (?:danisiginda|sohbetinde)(?![\w])"
        # "X Y-ə zəng edərək başsağlığı verib": calling, X offered condolences.
        r"|(?<![\w])zeng ed(?:erek|ib ve)(?![\w])"
    ),
    # "Nazirin sözlərinə görə, ...", "Prezidentin fikrincə, ...": after the one named.
    attribution=re.compile(
        r"(?<![\w])(?:(?:sozlerine|dediyine|bildirdiyine) gore|fikrince)(?![\w])"
    ),
    boilerplate=re.compile(r"^(?:metbuat aciqlamasi|xeberler|xeber lenti)$"),
    other_event_date=re.compile(
        r"\x00\s*(?:tarixli|tarixinde kecirilen|tarixinde imzalanmis)|\x00[\w\s-]{0,20}"
        r"(?:gorus|sammit|beyanat|danisiqlar)"
    ),
    title_breakers=re.compile(r"[,.;]|(?<![\w])(?:edib|olub|tutub)(?![\w])"),
    institution_words=frozenset(
        [
            "xidmeti",
            "xidmetinin",
            "nazirliyi",
            "nazirliyinin",
            "administrasiyasi",
            "administrasiyasinin",  # "Prezident Administrasiyasının Xarici siyasət şöbəsi"
            "idaresi",
            "idaresinin",
            "sobesi",
            "sobesinin",
            "qrupu",
            "birliyi",
            "teskilati",
            # a military rank between a title and a name: "general-polkovnik Zakir Həsənov"
            "general",
            "general-polkovnik",
            "general-leytenant",
            "general-mayor",
            "polkovnik",
        ]
    ),
    detection_letters="əƏ",
    detection_words=frozenset(
        [
            "ve",
            "ile",
            "bu",
            "uzre",
            "zamani",
            "olub",
            "edib",
            "ki",
            "arasinda",
            "terefinden",
            "haqqinda",
            "baglı",
            "bagli",
            "ucun",
            "olunub",
            "edilib",
            "telefon",
            "danisigi",
        ]
    ),
)
