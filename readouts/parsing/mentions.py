"""Organisations, places and documents a readout names, as canonical English names.

A small table: each entry lists French, English and Azerbaijani cues. Cues in capitals
(acronyms such as "EU", "UE", "ONU") and the cues of an entry marked ``case`` (a name that is
also a common word: "Trend") match case-sensitively; the others ignore case and accents. A
language that writes case endings onto names ("Ermənistanla") passes them as ``suffix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .publishers import spokespeople
from .text import fold_same_length
from .types import ParsedMention

if TYPE_CHECKING:  # participants.py imports this module
    from .context import Context
    from .framing import Framing
    from .participants import Cast


@dataclass(frozen=True)
class Entity:
    kind: str  # organization | place | document
    name: str  # canonical English name
    cues: tuple[str, ...]
    country: str | None = None  # for countries: not a mention when a participant's own country
    case: bool = False  # match the cues as written: "Trend" the agency, not "a trend"


def _e(kind: str, name: str, *cues: str, country: str | None = None, case=False) -> Entity:
    return Entity(kind, name, cues, country, case)


ENTITIES = (
    # people other than Azerbaijani and US officials (those are in the officials table) whom
    # these readouts name: the other side of the peace talks, mediators, neighbours
    _e(
        "person",
        "Nikol Pashinyan",
        "Nikol Pashinyan",
        "Pashinyan",
        "Pachinian",
        "Nikol Pachinian",
        "Nikol Paşinyan",
        "Paşinyan",
        "Никол Пашинян",
        "Пашинян",
    ),
    _e(
        "person",
        "Ararat Mirzoyan",
        "Ararat Mirzoyan",
        "Mirzoyan",
        "Ararat Mirzoïan",
        "Mirzoïan",
        "Ararat Mirzoyan",
        "Арарат Мирзоян",
    ),
    _e("person", "Armen Grigoryan", "Armen Grigoryan", "Armen Grigorian", "Армен Григорян"),
    _e(
        "person",
        "Serzh Sargsyan",
        "Serzh Sargsyan",
        "Serge Sarkissian",
        "Serj Sarkisyan",
        "Серж Саргсян",
    ),
    _e("person", "Charles Michel", "Charles Michel", "Şarl Mişel", "Шарль Мишель"),
    _e("person", "Josep Borrell", "Josep Borrell", "Жозеп Боррель"),
    _e(
        "person",
        "Vladimir Putin",
        "Vladimir Putin",
        "Vladimir Poutine",
        "Poutine",
        "Putin",
        "Владимир Путин",
    ),
    _e("person", "Sergey Lavrov", "Sergey Lavrov", "Sergueï Lavrov", "Lavrov", "Сергей Лавров"),
    _e(
        "person",
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdogan",
        "Erdoğan",
        "Erdogan",
        "Реджеп Тайип Эрдоган",
    ),
    _e("person", "Igor Popov", "Igor Popov", "Игорь Попов"),
    _e("person", "Stéphane Visconti", "Stéphane Visconti", "Stephane Visconti", "Visconti"),
    # organizations
    _e(
        "organization",
        "International Committee of the Red Cross",
        "Comité international de la Croix-Rouge",
        "International Committee of the Red Cross",
        "CICR",
        "ICRC",
    ),
    _e(
        "organization",
        "OSCE Minsk Group",
        "Groupe de Minsk de l'OSCE",
        "Groupe de Minsk",
        "OSCE Minsk Group",
        "Minsk Group",
    ),
    _e(
        "organization",
        "OSCE",
        "OSCE",
        "Organisation pour la sécurité et la coopération en Europe",
        "Organization for Security and Co-operation in Europe",
    ),
    _e("organization", "European Union", "Union européenne", "European Union", "UE", "EU"),
    _e(
        "organization",
        "United Nations",
        "Nations unies",
        "Organisation des Nations unies",
        "United Nations",
        "ONU",
        "UN",
    ),
    _e(
        "organization",
        "UN Security Council",
        "Conseil de sécurité de l'ONU",
        "Conseil de sécurité des Nations unies",
        "UN Security Council",
        "United Nations Security Council",
    ),
    _e("organization", "NATO", "OTAN", "NATO", "North Atlantic Treaty Organization"),
    _e(
        "organization",
        "Foreign Ministry",
        "Ministry of Foreign Affairs",
        "Foreign Ministry",
        "ministère des Affaires étrangères",
        "MFA",
        "XİN",
        "Xarici İşlər Nazirliyi",
    ),
    _e(
        "organization",
        "Presidential press service",
        "press service of the President",
        "President's press service",
        "presidential press service",
        "service de presse du président",
        "Prezidentinin Mətbuat Xidməti",
        "Prezidentin Mətbuat Xidməti",
    ),
    _e("organization", "Kremlin", "Kremlin"),
    _e("organization", "European Council", "Conseil européen", "European Council"),
    _e(
        "organization",
        "Russian peacekeeping contingent",
        "contingent russe de maintien de la paix",
        "Russian peacekeeping contingent",
        "Russian peacekeepers",
        "Rusiya sülhməramlı kontingenti",
        "Rusiya sülhməramlıları",
    ),
    _e(
        "organization",
        "State Border Service",
        "State Border Service",
        "Service national des frontières",
        "Dövlət Sərhəd Xidməti",
    ),
    # news agencies that relay readouts and name themselves in the text
    _e("organization", "Trend", "Trend", case=True),
    _e("organization", "APA", "APA"),
    _e("organization", "AZERTAC", "AZERTAC", "Azertac", "AzerTac", case=True),
    _e("organization", "Azernews", "Azernews", "AzerNews", case=True),
    _e("organization", "Metbuat.az", "Metbuat.az"),
    _e("organization", "xezerxeber.az", "xezerxeber.az"),
    _e("organization", "Report.az", "Report.az"),
    _e("organization", "Council of Europe", "Conseil de l'Europe", "Council of Europe"),
    _e(
        "organization",
        "Organization of Turkic States",
        "Organisation des États turciques",
        "Organization of Turkic States",
    ),
    _e("organization", "Non-Aligned Movement", "Mouvement des non-alignés", "Non-Aligned Movement"),
    # places
    _e("place", "Armenia", "Arménie", "Armenia", "Ermənistan", country="AM"),
    _e("place", "Azerbaijan", "Azerbaïdjan", "Azerbaijan", "Azərbaycan", country="AZ"),
    _e("place", "United States", "États-Unis", "United States", "ABŞ", country="US"),
    _e(
        "place",
        "Russia",
        "Russie",
        "Russia",
        "Fédération de Russie",
        "Russian Federation",
        country="RU",
    ),
    _e("place", "Turkey", "Turquie", "Türkiye", "Turkey", country="TR"),
    _e("place", "Iran", "Iran", country="IR"),
    _e("place", "Georgia", "Géorgie", country="GE"),
    _e("place", "Ukraine", "Ukraine", country="UA"),
    _e("place", "Belarus", "Biélorussie", "Bélarus", "Belarus", country="BY"),
    _e("place", "France", "France", country="FR"),
    _e("place", "Geneva", "Genève", "Geneva", "Cenevrə"),
    _e("place", "Tbilisi", "Tbilissi", "Tbilisi", "Tiflis"),
    _e("place", "Vienna", "Vienne", "Vienna", "Vyana"),
    _e(
        "place",
        "Saint Petersburg",
        "Saint-Pétersbourg",
        "St Petersburg",
        "St. Petersburg",
        "Saint Petersburg",
        "Sankt-Peterburq",
    ),
    _e("place", "Barda", "Barda", "Bərdə"),
    _e("place", "Aghdam", "Aghdam", "Agdam", "Ağdam"),
    _e("place", "Khankendi", "Khankendi", "Khankéndi", "Xankəndi", "Stepanakert"),
    _e("place", "Lachin", "Lachin", "Latchine", "Latchin", "Laçın"),
    _e("place", "Prague", "Prague"),
    _e("place", "Brussels", "Bruxelles", "Brussels"),
    _e("place", "Washington", "Washington"),
    _e("place", "Moscow", "Moscou", "Moscow"),
    _e("place", "Baku", "Bakou", "Baku"),
    _e("place", "Yerevan", "Erevan", "Yerevan"),
    _e("place", "Sochi", "Sotchi", "Sochi"),
    _e("place", "Munich", "Munich"),
    _e("place", "Almaty", "Almaty", "Alma-Ata"),
    _e("place", "Granada", "Granada"),
    _e("place", "White House", "Maison Blanche", "Maison-Blanche", "White House"),
    _e(
        "place",
        "Karabakh",
        "Karabagh",
        "Karabakh",
        "Haut-Karabagh",
        "Haut-Karabakh",
        "Nagorno-Karabakh",
        "Nagorno Karabakh",
        "Nagorny-Karabakh",
        "Qarabağ",
        "Dağlıq Qarabağ",
    ),
    _e(
        "place",
        "Lachin Corridor",
        "corridor de Latchine",
        "corridor de Lachin",
        "corridor de Latchin",
        "Lachin corridor",
        "Lachin road",
        "route de Latchine",
    ),
    _e(
        "place",
        "Zangezur Corridor",
        "corridor de Zanguezour",
        "corridor du Zanguezour",
        "Zangezur corridor",
    ),
    _e("place", "Nakhchivan", "Nakhitchevan", "Nakhchivan", "Nakhichevan"),
    _e("place", "Shusha", "Choucha", "Shusha"),
    _e("place", "South Caucasus", "Caucase du Sud", "South Caucasus"),
    _e("place", "Middle East", "Moyen-Orient", "Proche-Orient", "Middle East"),
    # documents
    _e(
        "document",
        "Trilateral statement of 10 November 2020",
        "déclaration trilatérale du 10 novembre 2020",
        "déclaration trilatérale du 10 novembre",
        "trilateral statement of 10 November 2020",
        "trilateral statement of November 10, 2020",
        "November 10, 2020 trilateral statement",
        "November 10 trilateral statement",
    ),
    _e(
        "document",
        "Prague declaration",
        "déclaration de Prague",
        "déclaration adoptée à l'issue de la réunion de Prague",
        "Prague declaration",
        "Prague statement",
        "statement adopted in Prague",
    ),
    _e(
        "document",
        "Alma-Ata Declaration",
        "déclaration d'Alma-Ata",
        "déclaration d'Almaty",
        "Alma-Ata Declaration",
        "Alma Ata declaration",
        "Almaty Declaration",
        "Alma-Ata Bəyannaməsi",
    ),
    _e(
        "document",
        "UN Charter",
        "Charte des Nations unies",
        "UN Charter",
        "Charter of the United Nations",
    ),
)


@lru_cache(maxsize=8)
def _compile(suffix: str = "") -> list[tuple[Entity, re.Pattern[str], bool]]:
    compiled = []
    for entity in ENTITIES:
        for cue in entity.cues:
            exact = cue.isupper() or entity.case
            body = re.escape(cue if exact else fold_same_length(cue))
            pattern = r"(?<![\w-])" + body + (r"(?:" + suffix + r")" if suffix else "")
            compiled.append((entity, re.compile(pattern + r"(?![\w-])"), exact))
    return compiled


def find_entities(
    text: str, folded: str, exclude_countries: set[str], suffix: str = ""
) -> list[Entity]:
    """Entities named in ``text`` (``folded == fold_same_length(text)``), in order of first
    mention."""
    spans: dict[Entity, list[tuple[int, int]]] = {}
    for entity, pattern, exact in _compile(suffix):
        if entity.country and entity.country in exclude_countries:
            continue
        for match in pattern.finditer(text if exact else folded):
            spans.setdefault(entity, []).append(match.span())
    # "Lachin" inside "the Lachin corridor" is the corridor, not a second mention.
    every = [(span, entity) for entity, found in spans.items() for span in found]
    found: dict[Entity, int] = {}
    for (start, end), entity in every:
        inside = any(
            other is not entity and s <= start and end <= e and (e - s) > (end - start)
            for (s, e), other in every
        )
        if not inside and (entity not in found or start < found[entity]):
            found[entity] = start
    return sorted(found, key=found.__getitem__)


def readout_mentions(ctx: Context, framing: Framing, cast: Cast) -> list[ParsedMention]:
    """Step 7, mentions: officials named besides the participants (and those who had calls
    of their own), spokespeople, and the table's organisations, places and documents."""
    on_call = {p.slug for p in cast.participants}
    mentions: list[ParsedMention] = list(cast.away)
    seen = {m.official_slug for m in cast.away if m.official_slug}
    for name in spokespeople(ctx.text):
        if all(m.name != name for m in mentions):
            mentions.append(ParsedMention("person", name))
    for match in ctx.index.find(ctx.folded, framing.span.start):
        official = match.official
        if official and official.slug not in on_call and official.slug not in seen:
            seen.add(official.slug)
            mentions.append(ParsedMention("person", official.name, official.slug))
    countries = {p.country for p in cast.participants}
    body, folded = ctx.text[ctx.body_start :], ctx.folded[ctx.body_start :]
    named = {fold_same_length(p.name) for p in cast.participants} | {
        fold_same_length(m.name) for m in mentions
    }
    for entity in find_entities(body, folded, countries, ctx.rules.name_suffix):
        if entity.kind != "person" or fold_same_length(entity.name) not in named:
            mentions.append(ParsedMention(entity.kind, entity.name))
    return mentions
