"""The thesaurus's labels (and ``PEOPLE``'s names) as one index the parser finds them with.

Built once per vocabulary and language (``label_index``), kept in the parser's ``Context``; the
mentions step (``mentions.py``) says which of the labels found are mentions. How a label is
matched is told in ``mentions.py``'s docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .text import fold_same_length, longest_first
from .types import Concept

MENTIONED_KINDS = ("organization", "place", "document")  # of a thesaurus concept


def _e(kind: str, name: str, *cues: str) -> Concept:
    """A person of ``PEOPLE``: a concept of kind person, its cues as labels."""
    return Concept(name, kind, name, tuple(("", cue) for cue in cues))


PEOPLE = (
    # people other than Azerbaijani and US officials (those are in the officials table) whom
    # these readouts name: the other side of the peace talks, mediators, neighbours, and people
    # whose cases a call raises
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
    # Armenia's deputy prime minister who leads its border commission
    _e("person", "Mher Grigoryan", "Mher Grigoryan", "Mger Grigoryan", "Мгер Григорян"),
    # President of Armenia 2018-2022 (not Serzh Sargsyan)
    _e("person", "Armen Sarkissian", "Armen Sarkissian", "Armen Sarkisyan", "Армен Саркисян"),
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
    _e("person", "Toivo Klaar", "Toivo Klaar", "Toyvo Klaar", "Тойво Клаар"),
    _e("person", "António Costa", "António Costa", "Antonio Costa", "Antoniu Kosta"),
    _e("person", "Kaja Kallas", "Kaja Kallas", "Kaya Kallas", "Kallas", "Кая Каллас"),
    _e(
        "person",
        "Emmanuel Macron",
        "Emmanuel Macron",
        "Macron",
        "Emmanuel Makron",
        "Makron",
        "Эмманюэль Макрон",
    ),
    _e("person", "Olaf Scholz", "Olaf Scholz", "Scholz", "Olaf Şolts", "Şolts", "Олаф Шольц"),
    _e(
        "person",
        "Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy",
        "Volodymyr Zelensky",
        "Zelenskyy",
        "Zelensky",
        "Volodimir Zelenski",
        "Zelenski",
        "Владимир Зеленский",
    ),
    _e(
        "person",
        "António Guterres",
        "António Guterres",
        "Antonio Guterres",
        "Guterres",
        "Antonio Quterreş",
        "Quterreş",
        "Антониу Гутерриш",
    ),
    _e(
        "person",
        "Gubad Ibadoglu",
        "Gubad Ibadoglu",
        "Qubad İbadoğlu",
        "Ibadoglu",
        "İbadoğlu",
        "Губад Ибадоглу",
    ),
)


@dataclass(frozen=True)
class Found:
    concept: Concept
    name: str  # the mention's name (see the module's docstring)
    start: int
    end: int


@dataclass(frozen=True)
class _Label:
    concept: Concept
    english: str  # the concept's English label with this fold, else ""
    capitals: bool  # an acronym: only found written in capitals
    initial: bool  # one word with a capital: only found where the text writes one


class LabelIndex:
    """Every label of ``concepts`` (and of ``PEOPLE``), folded, in one pattern, longest first."""

    def __init__(self, concepts: Sequence[Concept], suffix: str = ""):
        entries: dict[str, dict[str, _Label]] = {}
        for concept in (*PEOPLE, *(c for c in concepts if c.kind in MENTIONED_KINDS)):
            for language, label in concept.labels:
                key = fold_same_length(label).strip()
                if not key:
                    continue
                known = entries.setdefault(key, {}).get(concept.slug)
                english = label if language == "en" else ""
                entries[key][concept.slug] = _Label(
                    concept,
                    (known.english if known else "") or english,
                    label.isupper() and (known.capitals if known else True),
                    " " not in key and label[0].isupper() and (known.initial if known else True),
                )
        # A label two concepts share names neither.
        self._labels = {key: next(iter(c.values())) for key, c in entries.items() if len(c) == 1}
        self._pattern = longest_first(
            self._labels, "label", suffix, before=r"(?<![\w])", after=r"(?![\w])"
        )

    def find(self, text: str, folded: str, english: bool = False) -> list[Found]:
        """Labels named in ``text`` (``folded == fold_same_length(text)``), in reading order."""
        found: list[Found] = []
        position = 0
        while self._pattern and (m := self._pattern.search(folded, position)):
            label = self._labels[m.group("label")]
            written = text[m.start("label") : m.end("label")]
            if (label.capitals and not written.isupper()) or (
                label.initial and not written[0].isupper()
            ):
                position = m.start() + 1
                continue
            name = (english and label.english) or label.concept.name
            found.append(Found(label.concept, name, m.start(), m.end()))
            position = m.end()
        return found


@lru_cache(maxsize=8)
def label_index(concepts: tuple[Concept, ...], suffix: str = "") -> LabelIndex:
    return LabelIndex(concepts, suffix)
