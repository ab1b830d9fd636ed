"""Organisations, places and documents a readout names, as canonical English names.

A small table: each entry lists French and English cues. Cues in capitals (acronyms such as
"EU", "UE", "ONU") match case-sensitively; the others ignore case and accents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold


@dataclass(frozen=True)
class Entity:
    kind: str  # organization | place | document
    name: str  # canonical English name
    cues: tuple[str, ...]
    country: str | None = None  # for countries: not a mention when a participant's own country


def _e(kind: str, name: str, *cues: str, country: str | None = None) -> Entity:
    return Entity(kind, name, cues, country)


ENTITIES = (
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
    _e("organization", "Council of Europe", "Conseil de l'Europe", "Council of Europe"),
    _e(
        "organization",
        "Organization of Turkic States",
        "Organisation des États turciques",
        "Organization of Turkic States",
    ),
    _e("organization", "Non-Aligned Movement", "Mouvement des non-alignés", "Non-Aligned Movement"),
    # places
    _e("place", "Armenia", "Arménie", "Armenia", country="AM"),
    _e("place", "Azerbaijan", "Azerbaïdjan", "Azerbaijan", country="AZ"),
    _e("place", "United States", "États-Unis", "United States", country="US"),
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
    _e("place", "Geneva", "Genève", "Geneva"),
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
        "Nagorny-Karabakh",
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
        "Almaty Declaration",
    ),
    _e(
        "document",
        "UN Charter",
        "Charte des Nations unies",
        "UN Charter",
        "Charter of the United Nations",
    ),
)


def _compile() -> list[tuple[Entity, re.Pattern[str], bool]]:
    compiled = []
    for entity in ENTITIES:
        for cue in entity.cues:
            exact = cue.isupper()
            body = re.escape(cue if exact else fold(cue))
            compiled.append((entity, re.compile(r"(?<![\w-])" + body + r"(?![\w-])"), exact))
    return compiled


_PATTERNS = _compile()


def find_entities(text: str, folded: str, exclude_countries: set[str]) -> list[Entity]:
    """Entities named in ``text`` (with ``folded == fold(text)``), in order of first mention."""
    found: dict[Entity, int] = {}
    for entity, pattern, exact in _PATTERNS:
        if entity.country and entity.country in exclude_countries:
            continue
        match = pattern.search(text if exact else folded)
        if match and (entity not in found or match.start() < found[entity]):
            found[entity] = match.start()
    return sorted(found, key=found.__getitem__)
