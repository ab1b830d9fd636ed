"""The two sides' accounts of one call, topic by topic: what each said, and what one left out.

Works on a call loaded with ``Call.objects.with_related()`` (a statement's topics read out of the
call's, ``Statement.topics_among``), so it issues no queries of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from ..models import Call, Statement, Topic

SIDES = ("AZ", "US")


@dataclass
class Column:
    side: str
    label: str  # "Azerbaijani readout"
    statements: list[Statement] = field(default_factory=list)


@dataclass
class TopicRow:
    topic: Topic
    columns: list[Column]  # one per side, in SIDES order

    @property
    def only_side(self) -> str | None:
        """The side whose readout alone speaks of this topic, or None when both do."""
        speaking = [c.side for c in self.columns if c.statements]
        return speaking[0] if len(speaking) == 1 else None

    @property
    def only_label(self) -> str:
        return readout_label(self.only_side) if self.only_side else ""


@dataclass
class OnlyIn:
    label: str  # "Only in the US readout"
    topics: list[Topic]


@dataclass
class Comparison:
    labels: list[str]  # column headings, in SIDES order
    rows: list[TopicRow]  # topics both sides mention first, then one side's

    @property
    def only_in(self) -> list[OnlyIn]:
        found = []
        for side in SIDES:
            topics = [row.topic for row in self.rows if row.only_side == side]
            if topics:
                found.append(OnlyIn(ONLY_IN[side], topics))
        return found


READOUT_LABELS = {"AZ": gettext_lazy("Azerbaijani readout"), "US": gettext_lazy("US readout")}
ONLY_IN = {
    "AZ": gettext_lazy("Only in the Azerbaijani readout"),
    "US": gettext_lazy("Only in the US readout"),
}


def readout_label(side: str) -> str:
    return READOUT_LABELS[side]


def compare(call: Call) -> Comparison | None:
    """Topic by topic comparison of the call's readouts, or None unless both sides published."""
    by_side: dict[str, list[Statement]] = {side: [] for side in SIDES}
    for readout in call.readouts.all():
        if readout.side in by_side:
            by_side[readout.side].extend(readout.statements.all())
    if not all(by_side.values()):
        return None
    rows: dict[int, TopicRow] = {}
    topics = call.topics.all()
    for side in SIDES:
        for statement in by_side[side]:
            for topic in statement.topics_among(topics):
                row = rows.get(topic.pk)
                if row is None:
                    row = rows[topic.pk] = TopicRow(
                        topic, [Column(s, readout_label(s)) for s in SIDES]
                    )
                row.columns[SIDES.index(side)].statements.append(statement)
    ordered = sorted(rows.values(), key=lambda row: row.only_side is not None)
    return Comparison([readout_label(side) for side in SIDES], ordered)
