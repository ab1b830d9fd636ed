"""French rule set: call framing, titles and role phrases, reporting verbs, dates."""

from __future__ import annotations

import re

from .rules import DOTTED_DATE, NUMERIC_MONTHS, SIDE, Role, RuleSet, VerbPhrase
from .text import Token, fold_same_length

_COUNTRY = (
    r"(?:\s+(?:de la republique d'azerbaidjan|de l'azerbaidjan|d'azerbaidjan|azerbaidjanaise?"
    r"|americaine?|des etats-unis|d'armenie|de l'armenie|armenienne?|russe|de russie"
    r"|du president (?:americain|azerbaidjanais|des etats-unis|de la republique d'azerbaidjan)))?"
)


def _role(head: str, *kinds: str, country: str | None = None) -> Role:
    return Role(re.compile(r"(?<![\w-])(?:" + head + r")(?![\w-])" + _COUNTRY), kinds, country)


ROLES = (
    # « La partie américaine », « le côté azerbaïdjanais », « le diplomate américain », « son
    # homologue (américain) ».
    Role(
        re.compile(
            r"(?<![\w-])(?:(?:partie|delegation) (?:americaine|azerbaidjanaise)"
            r"|cote (?:americain|azerbaidjanais)"
            r"|(?:diplomate|responsable) (?:americaine?|azerbaidjanaise?)"
            r"|autre (?:partie|cote))(?![\w-])"
        ),
        (SIDE,),
    ),
    _role(r"homologue|interlocut(?:eur|rice)", SIDE),
    Role(
        re.compile(r"(?<![\w-])les co-presidents(?: du groupe de minsk(?: de l'osce)?)?(?![\w-])"),
        ("minsk-group-co-chair",),
        group=True,
    ),
    _role(
        r"co-president(?: americain)?(?: du groupe de minsk(?: de l'osce)?)?",
        "minsk-group-co-chair",
    ),
    _role(r"vice-ministre(?: des affaires etrangeres)?", "deputy-foreign-minister"),
    _role(r"sous-secretaire d'etat aux affaires politiques", "under-secretary-political-affairs"),
    _role(r"vice-presidente?", "vice-president"),
    _role(r"premiere? ministre", "prime-minister"),
    _role(
        r"(?:vice-secretaire|sous-secretaire) d'etat|secretaire d'etat adjointe?",
        "deputy-secretary-of-state",
    ),
    # « le secrétaire » is the Secretary of State, as "the Secretary" in English.
    _role(
        r"secretaire(?: d'etat)?(?! (?:generale?|adjointe?)(?![\w]))",
        "secretary-of-state",
        "secretary-of-defense",
    ),
    _role(r"senat(?:eur|rice)", "senator"),
    _role(r"envoyee?(?: speciale?)?", "envoy"),
    _role(r"chef de la diplomatie", "foreign-minister", "secretary-of-state"),
    _role(r"ministre des affaires etrangeres", "foreign-minister"),
    _role(
        r"ministre de la defense", "defence-minister", "defense-minister", "secretary-of-defense"
    ),
    _role(
        r"conseill(?:er|ere) (?:a|pour) la securite nationale",
        "national-security-advisor",
        "national-security-adviser",
    ),
    _role(r"secretaire du conseil de securite", "security-council-secretary"),
    _role(r"assistante? du president(?: de la republique)?", "presidential-assistant"),
    # The Azerbaijani presidency's name for its own president (« le chef de l'État »).
    _role(r"chef de l'etat", "president", country="AZ"),
    _role(r"presidente?|dirigeante?", "president"),
    _role(r"ambassad(?:eur|rice)", "ambassador"),
    _role(r"ministre", "minister"),
)

# A head after an elided article is a title too: "l'ambassadeur", "l'envoyée spéciale".
TITLE_HEADS = re.compile(
    r"(?:(?<![\w'-])|(?<=(?<![\w])[ld]'))(?:vice-|sous-)?"
    r"(?:premiere? ministre|presidente?|secretaire|ministre"
    r"|conseill(?:er|ere)|chef|assistante?|ambassad(?:eur|rice)|envoyee?|representante?"
    r"|direct(?:eur|rice)|senat(?:eur|rice)|porte-parole|haute? representante?|commissaire"
    r"|coordinat(?:eur|rice)|dirigeante?|homologue|chanceli(?:er|ere)|chargee? d'affaires"
    r"|colonel(?:[- ]general)?|(?:lieutenant-)?general|amiral)(?![\w])"  # a rank is a title
)

COUNTRY_MARKERS = (
    (re.compile(r"\bamericaine?s?\b|\bdes etats-unis\b|\betats-unien"), "US"),
    (re.compile(r"\bazerbaidjanaise?s?\b|\bd'azerbaidjan\b|\bde l'azerbaidjan\b"), "AZ"),
    (re.compile(r"\barmenienn?e?s?\b|\bd'armenie\b|\bde l'armenie\b"), "AM"),
    (re.compile(r"\brusses?\b|\bde russie\b|\bde la russie\b"), "RU"),
)

_MONTH_NAMES = {
    name: number
    for number, name in enumerate(
        [
            "janvier",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "decembre",
        ],
        start=1,
    )
}
# "4 févr. 2025": the abbreviations of the press (folded), written with a period.
_MONTH_NAMES |= {"janv": 1, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11}
_MONTH_NAMES |= {"dec": 12}
MONTHS = _MONTH_NAMES | NUMERIC_MONTHS
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    )
}
DATE = re.compile(
    r"(?:\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\s+)?"
    r"\b(?P<day>1er|[0-3]?\d)\s+(?P<month>"
    + "|".join(sorted(_MONTH_NAMES, key=len)[::-1])
    + r")(?:\.(?=\s+\d)|\b)(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)

CONVERSATION = re.compile(
    r"telephon\w*|\bappel\w*|coup de fil|\bentretien\w*|\bentretenu\w*|\bconversation\w*"
    r"|\bechang\w*|\bdiscut\w*|\bvideo\w*|\bvisio\w*|\bvirtuel\w*"
)

# A call by video or online, named by a noun: "une vidéoconférence", "une réunion virtuelle".
# Not one the text refers back to: "la visioconférence du 5 mai", "leur dernière réunion
# virtuelle" are other events.
_CALL_NOUN = (
    r"(?<!la )(?<!l')(?<!leur )(?<!derniere )(?<!precedente )"
    r"(?:\b(?:visio|video)-?conference|\b(?:reunion|rencontre|entretien|conversation)s?"
    r" (?:virtuel|en ligne))"
)
# A call by phone or video: "coup de fil", "s'est entretenu au téléphone", "par liaison vidéo".
# A meeting alone ("une réunion") is not a call.
FRAMING = re.compile(
    r"coup de fil|coup de telephone|appel (?:telephonique|video)|entretien telephonique"
    r"|conversation telephonique|echange telephonique|entretien par telephone|au telephone"
    r"|par telephone|\b(?:a|ont) telephone\b|\b(?:a|ont) appele\b"
    r"|\b(?:recu|passe|eu) un appel\b|s'est entretenue? au telephone"
    r"|se sont entretenus au telephone|\b(?:par|en) (?:liaison |lien )?(?:video|visio)\b"
    r"|\b(?:a|ont) ete appelee?s? par\b|" + _CALL_NOUN
)
# "a reçu le 5 août, à Bakou, un coup de fil de": words may stand between the parts.
CALLER_AFTER = re.compile(
    r"\b(?:a|ont) recu (?:[^.;]{0,60}? )?(?:un |une )?(?:coup de fil|coup de telephone"
    r"|appel(?: telephonique| video)?)\b|\b(?:a|sur) l'initiative (?:de|du|d')"
    r"|\ba la demande (?:de|du|d')"
    # "un appel de X": X called; not "l'appel de X avec Y" (a headline's "the call of X with Y").
    r"|\b(?:un |l')appel (?:telephonique )?(?:de|du|d')(?= )(?![^.;]{0,80}?\savec\s)"
    r"|\b(?:a|ont) ete appelee?s? (?:[^.;]{0,40}? )?par\b"
)
CALLER_BEFORE = re.compile(
    r"\b(?:a|ont) (?:appele|telephone|passe (?:[^.;]{0,60}? )?(?:un |une )?(?:coup de fil"
    r"|coup de telephone|appel(?: telephonique| video)?))\b"
)

JOINT_SUBJECTS = re.compile(
    r"(?<![\w'-])(?:les (?:deux |trois )?(?:parties|interlocuteurs|dirigeants|responsables"
    r"|presidents|ministres|chefs d'etat|cotes)|les deux hommes|ils|elles|l'un et l'autre)\s*,?\s*$"
)

RELATIVE_DAYS = re.compile(r"(?P<word>aujourd'hui|avant-hier|hier|dans la nuit|cette nuit)")
RELATIVE_OFFSETS = {
    "aujourd'hui": 0,
    "hier": -1,
    "avant-hier": -2,
    "dans la nuit": -1,
    "cette nuit": -1,
}
RELATIVE_WEEKDAY = re.compile(
    r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+(?P<last>dernier))?\b"
)

ANAPHORS = re.compile(
    r"\b(?:ce|cet) (?:probleme|sujet|dossier)\b|\bcette (?:question|affaire|problematique)\b"
    r"|\bces (?:questions|problemes|sujets)\b"
)

STOPWORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "d",
        "et",
        "ou",
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "que",
        "qu",
        "qui",
        "se",
        "s",
        "y",
        "il",
        "elle",
        "ils",
        "elles",
        "est",
        "sont",
        "ont",
        "a",
        "ete",
        "n",
        "ne",
        "pas",
        "plus",
        "tout",
        "tous",
        "toute",
        "toutes",
        "dont",
        "ou",
        "lors",
    ]
)

AUXILIARIES = frozenset(
    [
        "a",
        "ont",
        "avait",
        "avaient",
        "aurait",
        "auraient",
        "s'est",
        "s'était",
        "est",
        "sont",
        "n'a",
        "n'ont",
        "n'avait",
    ]
)
# Object pronouns before the auxiliary: "Il les a informés", "lui en a parlé", "s'en est
# félicité" (a reflexive one). An elided "l'" is one word with its auxiliary: "l'a remercié".
OBJECT_CLITICS = frozenset(["les", "lui", "leur", "en", "y", "l'en", "l'y", "s'en", "s'y"])
ELIDED_CLITICS = frozenset(["l"])
# The subject pronoun after its auxiliary, after a quotation: "a-t-il dit", "ont-elles ajouté".
_INVERTED_SUBJECT = re.compile(r"(a|ont|avait|avaient)-(?:t-)?(?:il|elle|ils|elles)")
ADVERBS = frozenset(
    [
        "également",
        "aussi",
        "notamment",
        "ensuite",
        "encore",
        "enfin",
        "particulièrement",
        "vivement",
        "beaucoup",
        "pleinement",
        "fermement",
        "déjà",
        "toujours",
        "clairement",
        "fortement",
        "chaleureusement",
        "sincèrement",
        "profondément",
        "bien",
        "longuement",
        "brièvement",
        "pas",
        "jamais",
        "ainsi",
        "alors",
        "toutefois",
        "cependant",
        "néanmoins",
        "d'ailleurs",
        "récemment",
        "aujourd'hui",
        "hier",
        "notamment",
    ]
)
MULTI_ADVERBS = (
    ("par", "ailleurs"),
    ("en", "outre"),
    ("de", "nouveau"),
    ("à", "nouveau"),
    ("une", "nouvelle", "fois"),
    ("en", "particulier"),
    ("pour", "sa", "part"),
    ("en", "effet"),
    ("quant", "à", "lui"),  # « Blinken a quant à lui évoqué »
    ("quant", "à", "elle"),
    ("de", "son", "côté"),
)
PARTICIPLE_ENDINGS = (
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "it", "ite", "its", "u", "ue", "us", "ues",
    "ert", "erte", "int", "inte", "eint",
)  # fmt: skip
NOT_PARTICIPLES = frozenset(
    [
        "lui",
        "qui",
        "ici",
        "ainsi",
        "aussi",
        "parmi",
        "tout",
        "du",
        "plus",
        "sous",
        "puis",
        "depuis",
        "nous",
        "vous",
        "un",
        "jusqu",
        "celui",
        "lieu",
        "peu",
        "ceux",
        "eux",
        "été",
        "midi",
        "aujourd'hui",
    ]
)
# Words after the participle that belong to the verb, where the whole is a verb of VERB_CLASSES:
# "mis en valeur", "a fait le point" ("a souligné le point essentiel" is "souligné").
TAILS = (
    ("en", "valeur"),
    ("en", "avant"),
    ("l'accent",),
    ("en", "garde"),
    ("part",),
    ("en", "revue"),
    ("note",),
    ("savoir",),
    ("hommage",),
    ("positivement",),
    ("favorablement",),
    ("espérer",),
    ("souhaiter",),
    ("le", "point"),
    ("des", "informations"),
    ("des", "précisions"),
)
SAYING = frozenset(
    ["dit", "dite", "dits", "déclaré", "déclarée", "déclarés", "montré", "montrée", "affirmé"]
)
NOT_COMPLEMENTS = frozenset(
    [
        "que",
        "qu",
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "à",
        "au",
        "aux",
        "un",
        "une",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cette",
        "ces",
    ]
)

VERB_CLASSES = {
    # concern
    "dit preoccupe": "concern", "dit inquiet": "concern", "deplore": "concern",
    "regrette": "concern", "condamne": "concern", "mis en garde": "concern",
    "dit alarme": "concern", "denonce": "concern",
    # emphasis
    "souligne": "emphasis", "insiste": "emphasis", "mis en valeur": "emphasis",
    "mis en avant": "emphasis", "mis l'accent": "emphasis", "note": "emphasis",
    "affirme": "emphasis", "qualifie": "emphasis", "rappele": "emphasis",
    "attire": "emphasis", "pris note": "emphasis", "precise": "emphasis",
    # urge
    "appele": "urge", "exhorte": "urge", "demande": "urge", "invite": "urge",
    "encourage": "urge", "incite": "urge", "prie": "urge", "presse": "urge",
    # welcome
    "salue": "welcome", "felicite": "welcome", "apprecie": "welcome",
    "evalue positivement": "welcome", "evalue favorablement": "welcome",
    "accueilli favorablement": "welcome", "dit satisfait": "welcome", "rendu hommage": "welcome",
    "remercie": "welcome",
    # agreement
    "convenu": "agreement", "accepte": "agreement", "approuve": "agreement",
    "partage": "agreement", "dit d'accord": "agreement",
    # support
    "soutenu": "support", "appuye": "support", "reitere": "support", "reaffirme": "support",
    "dit pret": "support", "engage": "support", "assure": "support", "promis": "support",
    # information
    "declare": "information", "dit": "information", "indique": "information",
    "explique": "information", "fait savoir": "information", "fait part": "information",
    "informe": "information", "annonce": "information", "presente": "information",
    "evalue": "information", "ajoute": "information", "estime": "information",
    "considere": "information", "repondu": "information", "fait le point": "information",
    "donne des informations": "information", "donne des precisions": "information",
    # a light verb whose object names no class: « a transmis les salutations », « a exprimé
    # l'intérêt » (as "conveyed", "expressed")
    "transmis": "information", "exprime": "information", "adresse": "information",
    # hope
    "espere": "hope", "dit esperer": "hope", "souhaite": "hope", "dit souhaiter": "hope",
    "dit convaincu": "hope", "dit confiant": "hope", "dit optimiste": "hope",
    # condolence
    "presente ses condoleances": "condolence",
    # discussion
    "discute": "discussion", "aborde": "discussion", "evoque": "discussion",
    "echange": "discussion", "examine": "discussion", "passe en revue": "discussion",
    "entretenu": "discussion", "debattu": "discussion", "parle": "discussion",
}  # fmt: skip
LIGHT_VERBS = frozenset(
    ["exprime", "presente", "reitere", "reaffirme", "transmis", "adresse", "affirme"]
)
OBJECT_CLASSES = (
    ("condoleance", "condolence"),
    ("sympathie", "condolence"),
    ("accord", "agreement"),
    ("preoccupation", "concern"),
    ("inquietude", "concern"),
    ("satisfaction", "welcome"),
    ("gratitude", "welcome"),
    ("reconnaissance", "welcome"),
    ("felicitation", "welcome"),
    ("soutien", "support"),
    ("appui", "support"),
    ("engagement", "support"),
    ("attachement", "support"),
    ("espoir", "hope"),
    ("souhait", "hope"),
    ("voeu", "hope"),
)
SUBORDINATORS = frozenset(
    ["que", "qu", "qui", "lorsque", "lorsqu", "quand", "si", "dont", "où", "puisque", "après"]
)


def _is_participle(word: str) -> bool:
    return word not in NOT_PARTICIPLES and len(word) > 1 and word.endswith(PARTICIPLE_ENDINGS)


def _auxiliary(token: Token) -> Token:
    """The auxiliary in a word, an elided object pronoun or an inverted subject left out:
    "l'a" -> "a", "l’ont" -> "ont", "a-t-il" (« ... », a-t-il dit) -> "a" (the same slice of the
    text, shorter)."""
    clitic, mark, rest = token.text.partition("'")
    if mark and clitic in ELIDED_CLITICS and rest in AUXILIARIES:
        return Token(rest, token.end - len(rest), token.end)
    inverted = _INVERTED_SUBJECT.fullmatch(token.text)
    if inverted:
        return Token(inverted.group(1), token.start, token.start + len(inverted.group(1)))
    return token


def _clitics_before(tokens: list[Token], i: int) -> int:
    """Where the object pronouns right before the auxiliary at ``i`` begin: they belong to
    the verb, so the subject is read before them ("Il les a informés": "Il")."""
    while i > 0 and tokens[i - 1].text in OBJECT_CLITICS:
        i -= 1
    return i


def _base(word: str) -> str:
    """Folded masculine singular of a participle: évoquée -> evoque, mises -> mis; an -is
    participle keeps its s (pris, transmis, promis)."""
    if word.endswith("s") and not word.endswith("is") and len(word) > 3:
        word = word[:-1]
    if word.endswith(("ée", "ue", "ite", "ise", "erte", "inte")):
        word = word[:-1]
    return fold_same_length(word)


class FrenchRules(RuleSet):
    def main_verb(self, folded, span, verbs):
        """As the base rule, but "ainsi que" (as well as) opens no subordinate clause."""
        for verb in verbs:
            clause = folded[span.start : verb.start].rsplit(",", 1)[-1]
            words = re.findall(r"[^\W\d_]+", clause.replace("ainsi que", ""))
            if not any(w in self.subordinators for w in words):
                return verb
        return verbs[0] if verbs else None

    def _skip_adverbs(self, words: list[Token], i: int) -> int:
        while i < len(words):
            if words[i].text in ADVERBS:
                i += 1
                continue
            for phrase in MULTI_ADVERBS:
                if tuple(w.text for w in words[i : i + len(phrase)]) == phrase:
                    i += len(phrase)
                    break
            else:
                return i
        return i

    def find_verbs(self, text: str, tokens: list[Token]) -> list[VerbPhrase]:
        verbs = []
        i = 0
        while i < len(tokens):
            aux_start = i
            following = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if tokens[i].text == "se" and following in ("sont", "étaient"):
                i += 1
            auxiliary = _auxiliary(tokens[i])
            word = auxiliary.text if i == aux_start else "se " + auxiliary.text
            if word not in AUXILIARIES and not word.startswith("se "):
                i += 1
                continue
            phrase_start = _clitics_before(tokens, aux_start)
            reflexive = word.startswith(("s'", "se ")) or any(
                t.text.startswith("s'") for t in tokens[phrase_start:aux_start]
            )
            j = self._skip_adverbs(tokens, i + 1)
            passive = False
            if j < len(tokens) and tokens[j].text == "été":
                k = self._skip_adverbs(tokens, j + 1)
                if k < len(tokens) and _is_participle(tokens[k].text):
                    passive = True
                    kept = [*tokens[aux_start:i], auxiliary, tokens[j], tokens[k]]
                    j = k
                else:
                    i += 1
                    continue
            elif j < len(tokens) and _is_participle(tokens[j].text):
                kept = [*tokens[aux_start:i], auxiliary, tokens[j]]
                passive = word in ("est", "sont") and not reflexive
            else:
                i += 1
                continue
            participle = tokens[j]
            key = [_base(participle.text)]
            end = j + 1
            for tail in TAILS:
                if tuple(t.text for t in tokens[end : end + len(tail)]) == tail and (
                    " ".join(key + [fold_same_length(t) for t in tail]) in VERB_CLASSES
                ):
                    kept += tokens[end : end + len(tail)]
                    key += [fold_same_length(t) for t in tail]
                    end += len(tail)
                    break
            else:
                if (
                    participle.text in SAYING
                    and end < len(tokens)
                    and tokens[end].text not in NOT_COMPLEMENTS
                    and (reflexive or tokens[end].text.endswith(("er", "ir", "re")))
                ):
                    kept.append(tokens[end])
                    key = ["dit", _base(tokens[end].text)] if participle.text != "affirmé" else key
                    end += 1
            object_words = tuple(t.folded for t in tokens[end : end + 4])
            verbs.append(
                VerbPhrase(
                    start=tokens[phrase_start].start,
                    end=tokens[end - 1].end,
                    words=tuple(kept),
                    key=" ".join(key),
                    passive=passive,
                    object_words=object_words,
                )
            )
            i = end
        return verbs


FRENCH = FrenchRules(
    language="fr",
    stopwords=STOPWORDS,
    stemmer="french",
    months=MONTHS,
    weekdays=WEEKDAYS,
    date_patterns=(DATE, DOTTED_DATE),
    framing=FRAMING,
    conversation=CONVERSATION,
    caller_after=CALLER_AFTER,
    caller_before=CALLER_BEFORE,
    title_heads=TITLE_HEADS,
    country_markers=COUNTRY_MARKERS,
    roles=ROLES,
    prepositions=frozenset(
        [
            "à",
            "a",
            "au",
            "aux",
            "de",
            "d",
            "du",
            "des",
            "avec",
            "par",
            "pour",
            "sur",
            "envers",
            "chez",
            "contre",
            "entre",
            "selon",
            "vers",
            "sans",
            "auprès",
            "quant",
        ]
    ),
    determiners=frozenset(["le", "la", "l", "les", "son", "sa", "ses", "leur", "m", "mme"]),
    pronouns=frozenset({"il", "elle"}),
    plural_pronouns=frozenset({"ils", "elles"}),
    joint_subjects=JOINT_SUBJECTS,
    impersonal=frozenset({"il"}),
    verb_classes=VERB_CLASSES,
    light_verbs=LIGHT_VERBS,
    object_classes=OBJECT_CLASSES,
    subordinators=SUBORDINATORS,
    anaphors=ANAPHORS,
    framing_search=3,
    relative_days=RELATIVE_DAYS,
    relative_offsets=RELATIVE_OFFSETS,
    relative_weekday=RELATIVE_WEEKDAY,
    this_week=re.compile(r"\bcette semaine\b|\ben debut de semaine\b"),
    serves=re.compile(r"\b(?:conseill(?:er|ere)|assistante?) (?:du|de la) presidente?\s*$"),
    separately=re.compile(r"\bseparement\b|\brespectivement\b"),
    passive_agent=re.compile(r"\s+par\s+(?:(?:le|la|les|l')\s*)?"),
    conjunctions=frozenset({"et"}),
    title_breakers=re.compile(r"[,.;]|\b(?:a|ont|avait|s'est|se sont)\b"),
    country_after=re.compile(r"\s+(?:d'|de)\s*[^,;.]*?(?=\s+et\s|[,;.]|$)"),
    quote_speaker_lead=re.compile(r"[\s,]*(?:(?:le|la|l')\s*)?"),
    spokesperson=re.compile(r"porte-parole\s*$"),
    last_words=frozenset({"dernier"}),
    attribution=re.compile(r"(?<![\w'])(?:selon|d'apres|aux dires d[eu]|de l'avis d[eu])(?![\w])"),
    impersonal_event=re.compile(
        r"\b(?:un |des |l')\s*(?:echanges? de vues|discussions?|entretiens?|consultations?)\s+"
        r"(?:[^,.;]{0,60}\s)?(?:a|ont) eu lieu\b|\bil a ete (?:convenu|decide|souligne|note)\b"
    ),
    first_day=frozenset({"1er"}),
    boilerplate=re.compile(r"^(?:communique(?: de presse)?|compte rendu|actualites)$"),
    recipient_verbs=frozenset(["informe", "remercie", "felicite", "tenu informe"]),
    source_note=re.compile(
        r"c'est ce qu'(?:a|ont) (?:annonce|indique|rapporte|fait savoir)\b"
        r"|(?:cela|ceci|l'information) a ete (?:annoncee?|rapportee?|communiquee?) par\b"
    ),
    framing_circumstance=re.compile(
        r"(?:au cours|lors|pendant|durant)(?: d'| de | du )?(?:un |une |l'|leur |son |sa |cet "
        r"|cette )?(?:entretien|conversation|echange|appel)s?(?: telephonique| video)?\b"
        r"[^,;]{0,160},"
    ),
    framing_content=re.compile(
        r"(?<![\w])(?:pour|afin d') (?P<verb>exprimer|discuter|evoquer|souligner|reaffirmer"
        r"|saluer|condamner|presenter|feliciter|remercier|aborder|examiner)(?![\w])"
    ),
    other_event_date=re.compile(
        r"(?:sommet|reunion|rencontre|declaration|negociations|entretiens|accord|visite"
        r"|conference|attaque|provocation|explosion)s?\s+(?:trilaterale?\s+)?(?:du|de|des"
        r"|le|tenue? le|signee? le|intervenue? le)\s*\x00"
    ),
    institution_words=frozenset(
        [
            "ministere",
            "conseil",
            "affaires",
            "etats",
            "departement",
            "service",
            "administration",
            "groupe",
            "union",
            "nations",
            "commission",
            "ambassade",
            "gouvernement",
            "republique",
            "etat",
            "co-president",
            "co-presidents",
            # a military rank between a title and a name: « le Colonel-Général Zakir Hasanov »
            "general",
            "colonel",
            "colonel-general",
            "lieutenant-general",
            "amiral",
        ]
    ),
    detection_words=frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "a",
            "ete",
            "est",
            "une",
            "pour",
            "dans",
            "sur",
            "au",
            "aux",
            "avec",
            "entretien",
            "telephonique",
            "coup",
            "fil",
            "entretenu",
            "entretenus",
        ]
    ),
)
