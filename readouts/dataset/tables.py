"""The dataset's tables: what each column holds, its Frictionless type, and where its rows come
from. One row per record, keyed by the archive's ids, so the tables join as the database does;
``statements`` also carries its call, date, speaker slug and topic slugs, so the commonest
question (who said what, on which topic, when) needs no join.

Lists (spellings, cues, topic slugs) are JSON arrays: native in JSON Lines, JSON text in CSV
and SQLite (Frictionless type ``array``). Booleans are ``true``/``false`` in CSV, 1/0 in SQLite.
Every query is one pass ordered by id: the number of queries does not grow with the archive.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import TruncDate

from ..models import (
    Call,
    Mention,
    Office,
    Official,
    Participant,
    Readout,
    Statement,
    Tenure,
    Topic,
)
from ..parsing.publishers import PUBLISHERS


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: integer, string, date, boolean, array
    description: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterable[dict]]
    primary_key: list[str] = field(default_factory=lambda: ["id"])
    foreign_keys: dict[str, str] = field(default_factory=dict)  # column -> table (its id)

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def _id(what):
    return Column("id", "integer", f"The {what}'s identifier in the archive (stable).", True)


def _values(queryset, names, **expressions):
    return queryset.order_by("pk").values(*names, **expressions).iterator(chunk_size=2000)


def _real(queryset, call_path):
    return queryset.filter(**{f"{call_path}is_demo": False})


def _publishers():
    return (
        {"key": p.key, "name": p.name, "side": p.side, "kind": p.kind} for p in PUBLISHERS.values()
    )


def _statements():
    rows = _values(
        _real(Statement.objects, "readout__call__"),
        ["id", "readout_id", "order", "speaker_id", "text", "verb", "verb_class",
         "speaker_guessed"],
        call_id=F("readout__call_id"),
        date=F("readout__call__date"),
        speaker_slug=F("speaker__slug"),
    )  # fmt: skip
    topics = {}
    links = (
        _real(Statement.topics.through.objects, "statement__readout__call__")
        .order_by("statement_id", "topic__slug")
        .values_list("statement_id", "topic__slug")
    )
    for statement_id, slug in links.iterator(chunk_size=5000):
        topics.setdefault(statement_id, []).append(slug)
    for row in rows:
        yield {**row, "topics": topics.get(row["id"], [])}


def _links(through, own, other, call_path):
    return (
        _real(through.objects, call_path)
        .order_by(own, other)
        .values(own, other)
        .iterator(chunk_size=5000)
    )


TABLES = [
    Table(
        "offices",
        "Offices",
        "Canonical posts (a presidency, a ministry) that officials hold.",
        [
            _id("office"),
            Column("slug", "string", "Stable text identifier of the office.", True),
            Column("country", "string", "ISO 3166 alpha-2 code of the office's country.", True),
            Column("title_en", "string", "The office's title in English.", True),
            Column("title_fr", "string", "The office's title in French; may be empty."),
        ],
        lambda: _values(Office.objects, ["id", "slug", "country", "title_en", "title_fr"]),
    ),
    Table(
        "officials",
        "Officials",
        "People who take part in calls or are named in readouts.",
        [
            _id("official"),
            Column("slug", "string", "Stable text identifier of the official.", True),
            Column("name", "string", "Canonical English spelling of the name.", True),
            Column(
                "country",
                "string",
                "ISO 3166 alpha-2 code of the official's country; empty when not recorded.",
            ),
            Column(
                "name_variants",
                "array",
                "Other spellings and scripts the readouts use (a JSON array of strings).",
            ),
            Column(
                "needs_review",
                "boolean",
                "Created by the parser from a readout; staff have not checked it yet.",
                True,
            ),
        ],
        lambda: _values(
            Official.objects, ["id", "slug", "name", "country", "name_variants", "needs_review"]
        ),
    ),
    Table(
        "tenures",
        "Tenures",
        "An official holding an office between two dates.",
        [
            _id("tenure"),
            Column("official_id", "integer", "The official (officials.id).", True),
            Column("office_id", "integer", "The office (offices.id).", True),
            Column("start", "date", "First day in office.", True),
            Column("end", "date", "Last day in office; empty while still in office."),
            Column("acting", "boolean", "Held in an acting capacity.", True),
        ],
        lambda: _values(
            Tenure.objects, ["id", "official_id", "office_id", "start", "end", "acting"]
        ),
        foreign_keys={"official_id": "officials", "office_id": "offices"},
    ),
    Table(
        "topics",
        "Topics",
        "The controlled vocabulary statements are tagged with, and the cue words that tag them.",
        [
            _id("topic"),
            Column("slug", "string", "Stable text identifier of the topic.", True),
            Column("name_en", "string", "The topic's name in English.", True),
            Column("name_fr", "string", "The topic's name in French; may be empty."),
            Column("description", "string", "What the topic covers; may be empty."),
            Column(
                "cues_en",
                "array",
                "English words and phrases that tag a statement with the topic (a JSON array).",
            ),
            Column(
                "cues_fr",
                "array",
                "French words and phrases that tag a statement with the topic (a JSON array).",
            ),
            Column(
                "cues_az",
                "array",
                "Azerbaijani words and word starts that tag a statement with the topic (a JSON "
                "array).",
            ),
        ],
        lambda: _values(
            Topic.objects,
            ["id", "slug", "name_en", "name_fr", "description", "cues_en", "cues_fr", "cues_az"],
        ),
    ),
    Table(
        "publishers",
        "Publishers",
        "Who publishes readouts, and whose account each one gives.",
        [
            Column("key", "string", "The publisher's key, as in readouts.publisher.", True),
            Column("name", "string", "The publisher's full name.", True),
            Column(
                "side",
                "string",
                "Whose government's account it publishes, or relays (AZ or US).",
                True,
            ),
            Column(
                "kind",
                "string",
                "`government` (publishes its own account) or `agency` (a "
                "news agency relaying a government's).",
                True,
            ),
        ],
        _publishers,
        primary_key=["key"],
    ),
    Table(
        "calls",
        "Calls",
        "One phone call, however many readouts describe it (demo calls are left out).",
        [
            _id("call"),
            Column(
                "slug", "string", "Stable text identifier; the call's page is /calls/SLUG/.", True
            ),
            Column(
                "date",
                "date",
                "The day of the call; the first of the month when only the month is known.",
                True,
            ),
            Column("date_precision", "string", "`day` or `month`: how exact `date` is.", True),
            Column("year", "integer", "The year of `date`.", True),
            Column(
                "initiator_id",
                "integer",
                "Who placed the call (officials.id); empty when no readout says.",
            ),
        ],
        lambda: _values(
            Call.objects.real(),
            ["id", "slug", "date", "date_precision", "year", "initiator_id"],
        ),
        foreign_keys={"initiator_id": "officials"},
    ),
    Table(
        "call_topics",
        "Topics of calls",
        "A call's topics: the union of its statements' topics.",
        [
            Column("call_id", "integer", "The call (calls.id).", True),
            Column("topic_id", "integer", "The topic (topics.id).", True),
        ],
        lambda: _links(Call.topics.through, "call_id", "topic_id", "call__"),
        primary_key=["call_id", "topic_id"],
        foreign_keys={"call_id": "calls", "topic_id": "topics"},
    ),
    Table(
        "participants",
        "Participants",
        "An official on a call, with the title exactly as a readout wrote it.",
        [
            _id("participation"),
            Column("call_id", "integer", "The call (calls.id).", True),
            Column("official_id", "integer", "The official (officials.id).", True),
            Column(
                "office_id",
                "integer",
                "The office held on the call's date (offices.id); empty when unknown.",
            ),
            Column(
                "title_as_written", "string", "The title as the readout wrote it; may be empty."
            ),
            Column(
                "position",
                "integer",
                "Order in which the readouts name the participants, from 0.",
                True,
            ),
        ],
        lambda: _values(
            _real(Participant.objects, "call__"),
            ["id", "call_id", "official_id", "office_id", "title_as_written", "position"],
        ),
        foreign_keys={"call_id": "calls", "official_id": "officials", "office_id": "offices"},
    ),
    Table(
        "readouts",
        "Readouts",
        "One published account of a call, kept verbatim.",
        [
            _id("readout"),
            Column("call_id", "integer", "The call it describes (calls.id).", True),
            Column("source", "string", "The file name or URL the text came from."),
            Column(
                "source_url", "string", "Where the publisher put the text online; may be empty."
            ),
            Column("published", "date", "The publication date of that page, when known."),
            Column("publisher", "string", "Who published it (publishers.key); may be empty."),
            Column(
                "relays",
                "string",
                "The publisher whose readout this one relays (an "
                "agency's source, publishers.key); may be empty.",
            ),
            Column("side", "string", "Whose account it is: AZ or US; empty when unknown."),
            Column("language", "string", "The language of the text (ISO 639-1).", True),
            Column("headline", "string", "The headline as published; may be empty."),
            Column("text", "string", "The readout exactly as published.", True),
            Column(
                "reviewed",
                "date",
                "The day an editor reviewed what the parser was unsure "
                "of; empty when not reviewed.",
            ),
        ],
        lambda: _values(
            _real(Readout.objects, "call__"),
            [
                "id",
                "call_id",
                "source",
                "source_url",
                "published",
                "publisher",
                "relays",
                "side",
                "language",
                "headline",
                "text",
            ],
            reviewed=TruncDate("reviewed_at", tzinfo=dt.UTC),
        ),
        foreign_keys={"call_id": "calls"},
    ),
    Table(
        "statements",
        "Statements",
        "A sentence of a readout attributed to one official, or to both sides.",
        [
            _id("statement"),
            Column("readout_id", "integer", "The readout it is in (readouts.id).", True),
            Column("call_id", "integer", "The call (calls.id), for convenience.", True),
            Column("date", "date", "The call's date, for convenience.", True),
            Column("order", "integer", "Position in the readout, from 1.", True),
            Column(
                "speaker_id",
                "integer",
                "Who said it (officials.id); empty when the readout gives it to both sides.",
            ),
            Column(
                "speaker_slug",
                "string",
                "The speaker's slug, for convenience; empty for both sides.",
            ),
            Column("text", "string", "The sentence exactly as in the readout.", True),
            Column("verb", "string", "The reporting verb as written; may be empty."),
            Column(
                "verb_class",
                "string",
                "The kind of statement (concern, emphasis, urge, "
                "welcome, agreement, support, information, hope, condolence, discussion); "
                "empty when unclassified.",
            ),
            Column(
                "speaker_guessed", "boolean", "The parser inferred the speaker from context.", True
            ),
            Column(
                "topics",
                "array",
                "Slugs of its topics (a JSON array; the same as statement_topics).",
            ),
        ],
        _statements,
        foreign_keys={"readout_id": "readouts", "call_id": "calls", "speaker_id": "officials"},
    ),
    Table(
        "statement_topics",
        "Topics of statements",
        "Which topics each statement is tagged with.",
        [
            Column("statement_id", "integer", "The statement (statements.id).", True),
            Column("topic_id", "integer", "The topic (topics.id).", True),
        ],
        lambda: _links(
            Statement.topics.through, "statement_id", "topic_id", "statement__readout__call__"
        ),
        primary_key=["statement_id", "topic_id"],
        foreign_keys={"statement_id": "statements", "topic_id": "topics"},
    ),
    Table(
        "mentions",
        "Mentions",
        "A person, organisation, place or document a readout names without it being on the call.",
        [
            _id("mention"),
            Column("readout_id", "integer", "The readout (readouts.id).", True),
            Column("kind", "string", "person, organization, place or document.", True),
            Column("name", "string", "The name as the readout wrote it.", True),
            Column(
                "official_id", "integer", "The official it names (officials.id), when it names one."
            ),
        ],
        lambda: _values(
            _real(Mention.objects, "readout__call__"),
            ["id", "readout_id", "kind", "name", "official_id"],
        ),
        foreign_keys={"readout_id": "readouts", "official_id": "officials"},
    ),
]

TABLES_BY_NAME = {table.name: table for table in TABLES}
