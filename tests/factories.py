"""Small factories that build archive rows directly, for view and filter tests."""

import datetime as dt
import hashlib
import itertools

from readouts.models import (
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
from readouts.writing.derived import refresh_derived
from readouts.writing.ingest import call_slug_base

_counter = itertools.count(1)


def make_office(slug="us-secretary-of-state", country="US", title_en="Secretary of State"):
    office, _ = Office.objects.get_or_create(
        slug=slug, defaults={"country": country, "title_en": title_en}
    )
    return office


def make_official(name, country="US", office=None, start=dt.date(2000, 1, 1), end=None, **extra):
    slug = extra.pop("slug", None) or name.lower().replace(" ", "-")
    official, _ = Official.objects.get_or_create(
        slug=slug, defaults={"name": name, "country": country, **extra}
    )
    if office:
        Tenure.objects.get_or_create(
            official=official, office=office, start=start, defaults={"end": end}
        )
    return official


def make_topic(slug, name_en=None):
    topic, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name_en": name_en or slug.replace("-", " ").capitalize()}
    )
    return topic


def make_call(
    date,
    officials,
    *,
    initiator=None,
    statements=(),
    language="fr",
    side="AZ",
    publisher="az-presidency",
    text=None,
    mentions=(),
    precision="day",
):
    """A call with one readout.

    ``statements`` holds tuples (speaker or None, text, [topic slugs], verb_class).
    """
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    surnames = [o.name.split()[-1] for o in officials]
    base = call_slug_base(date, precision, surnames)
    slug = base if not Call.objects.filter(slug=base).exists() else f"{base}-{next(_counter)}"
    call = Call.objects.create(slug=slug, date=date, date_precision=precision, initiator=initiator)
    for position, official in enumerate(officials):
        tenure = official.tenures.filter(start__lte=date).order_by("-start").first()
        Participant.objects.create(
            call=call,
            official=official,
            office=tenure.office if tenure else None,
            title_as_written=tenure.office.title_en if tenure else "",
            position=position,
        )
    body = text or " ".join(s[1] for s in statements) or f"Call {slug}."
    readout = Readout.objects.create(
        call=call,
        source=f"{slug}.txt",
        publisher=publisher,
        side=side,
        language=language,
        text=body,
        content_hash=hashlib.sha256(f"{slug}{body}{next(_counter)}".encode()).hexdigest(),
    )
    for order, item in enumerate(statements, start=1):
        speaker, sentence, *rest = item
        topic_slugs = rest[0] if rest else ()
        verb_class = rest[1] if len(rest) > 1 else ""
        statement = Statement.objects.create(
            readout=readout, order=order, speaker=speaker, text=sentence, verb_class=verb_class
        )
        statement.topics.set([make_topic(slug) for slug in topic_slugs])
    for kind, name in mentions:
        Mention.objects.create(readout=readout, kind=kind, name=name)
    refresh_derived([call.pk])
    return call


def make_statements_on_topics(aliyev, blinken):
    """One call whose four statements share words and topics, for searches within topics."""
    return make_call(
        "2024-02-01",
        [aliyev, blinken],
        language="en",
        statements=[
            (aliyev, "Border talks go on.", ["border-delimitation"]),
            (blinken, "Border talks and trade.", ["border-delimitation", "trade"]),
            (blinken, "Trade, not borders.", ["trade"]),
            (aliyev, "The talks went well.", ["trade"]),
        ],
    )
