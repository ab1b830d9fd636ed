"""Synthetic but plausible calls for measuring the site at scale (``generate_demo_archive``).

Each call has a date between 2009 and 2026, an Azerbaijani and a US official (sometimes a
second Azerbaijani one) chosen among those in office that day, one or two readouts (the
Azerbaijani side in French, the US side in English) of 5 to 12 statements composed from
templates over the topic lexicon. Rows are written with bulk inserts, a batch at a time, so
memory stays flat whatever the number of calls; everything is marked ``is_demo``. Like every
writer, it leaves the calls' topics, search rows and the cache to ``writing.derived``.

Benchmark tooling, not part of the archive: ``generate_demo_archive`` and ``bench/run.py``
use it.
"""

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction

from readouts.models import Call, Official, Participant, Readout, Statement, Tenure, Topic
from readouts.writing.derived import refresh_derived
from readouts.writing.ingest import call_slug_base

FIRST_DAY = dt.date(2009, 1, 1)
LAST_DAY = dt.date(2026, 12, 31)

# (template, verb class); {speaker} is a name, {cue} a topic phrase.
TEMPLATES = {
    "fr": [
        ("{speaker} a souligné l'importance de la question : {cue}.", "emphasis"),
        ("{speaker} a salué les progrès réalisés en matière de {cue}.", "welcome"),
        ("{speaker} a exprimé sa préoccupation au sujet de {cue}.", "concern"),
        ("{speaker} a appelé à intensifier les efforts concernant {cue}.", "urge"),
        ("{speaker} a réaffirmé le soutien de son pays dans le domaine : {cue}.", "support"),
        ("{speaker} a informé son interlocuteur des développements liés à {cue}.", "information"),
        ("{speaker} a exprimé l'espoir de nouveaux résultats sur {cue}.", "hope"),
        ("Les parties ont échangé leurs vues sur {cue}.", "discussion"),
        ("Les deux parties sont convenues de poursuivre le dialogue sur {cue}.", "agreement"),
    ],
    "en": [
        ("{speaker} stressed the importance of {cue}.", "emphasis"),
        ("{speaker} welcomed the progress made on {cue}.", "welcome"),
        ("{speaker} expressed concern about {cue}.", "concern"),
        ("{speaker} urged further efforts on {cue}.", "urge"),
        ("{speaker} reaffirmed the United States' support for {cue}.", "support"),
        ("{speaker} briefed the other side on developments related to {cue}.", "information"),
        ("{speaker} expressed hope for further results on {cue}.", "hope"),
        ("The two sides exchanged views on {cue}.", "discussion"),
        ("Both sides agreed to continue the dialogue on {cue}.", "agreement"),
    ],
}
HEADLINES = {
    "fr": "Entretien téléphonique entre {az} et {us}",
    "en": "Phone call between {us} and {az}",
}
PUBLISHER = {"fr": ("az-presidency", "AZ"), "en": ("us-state-department", "US")}


@dataclass(frozen=True)
class Person:
    official_id: int
    name: str
    country: str
    office_id: int | None
    title: str


class Lexicon:
    """Who held office when, and the phrases each topic is known by, read once from the database."""

    def __init__(self):
        names = dict(Official.objects.values_list("pk", "name"))
        countries = dict(Official.objects.values_list("pk", "country"))
        self.tenures = [
            (t.start, t.end or LAST_DAY, t)
            for t in Tenure.objects.select_related("office").filter(
                official__country__in=["AZ", "US"]
            )
        ]
        self.names, self.countries = names, countries
        self.topics = [
            (
                topic.pk,
                {
                    "fr": topic.cues_fr or [topic.name_fr or topic.name_en],
                    "en": topic.cues_en or [topic.name_en],
                },
            )
            for topic in Topic.objects.all()
        ]
        if not self.topics or not self.tenures:
            raise ValueError("No officials or topics: load the reference fixtures first.")

    def people_on(self, day: dt.date, country: str) -> list[Person]:
        people = {}
        for start, end, tenure in self.tenures:
            if start <= day <= end and self.countries[tenure.official_id] == country:
                people[tenure.official_id] = Person(
                    tenure.official_id,
                    self.names[tenure.official_id],
                    country,
                    tenure.office_id,
                    tenure.office.title_en,
                )
        return list(people.values())


def generate(calls: int, seed: int, batch_size: int = 1000) -> Iterator[int]:
    """Write ``calls`` demo calls; yields (calls composed, calls added) after each batch.

    Call ``i`` of seed ``s`` has the slug ``…-demo-s-i``, composed the same way every time: a
    run again with the same arguments (after a killed one, say) composes every call again but
    writes only those not yet in the archive, so it completes the job without duplicates.
    """
    rng = random.Random(seed)
    lexicon = Lexicon()
    added = 0
    for start in range(0, calls, batch_size):
        size = min(batch_size, calls - start)
        planned = _compose_batch(rng, lexicon, seed, start, size)
        present = set(
            Call.objects.filter(slug__in=[call.slug for call in planned]).values_list(
                "slug", flat=True
            )
        )
        missing = [call for call in planned if call.slug not in present]
        if missing:
            with transaction.atomic():
                _write_batch(missing)
            added += len(missing)
        yield start + size, added


@dataclass
class PlannedCall:
    slug: str
    day: dt.date
    people: list[Person]
    initiator_id: int
    # (language, headline, text, [(sentence, speaker id, verb class, topic id)])
    readouts: list[tuple[str, str, str, list[tuple]]]


def _compose_batch(rng, lexicon, seed, offset, size) -> list[PlannedCall]:
    """Every random choice of a batch, in a fixed order, and nothing written."""
    span = (LAST_DAY - FIRST_DAY).days
    planned = []
    for index in range(offset, offset + size):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
        az = lexicon.people_on(day, "AZ")
        us = lexicon.people_on(day, "US")
        if not az or not us:
            continue
        people = [*rng.sample(az, min(len(az), rng.choice((1, 1, 2)))), rng.choice(us)]
        slug = call_slug_base(day, "day", [p.name.split()[-1] for p in people])
        planned.append(PlannedCall(f"{slug}-demo-{seed}-{index}", day, people, 0, []))
    for call in planned:
        call.initiator_id = rng.choice(call.people).official_id
    for call in planned:
        for language in rng.choice((["fr"], ["en"], ["fr", "en"])):
            sentences = _statements(rng, lexicon, call.people, language)
            headline = HEADLINES[language].format(az=call.people[0].name, us=call.people[-1].name)
            text = " ".join(sentence for sentence, *_ in sentences)
            call.readouts.append((language, headline, text, sentences))
    return planned


def _write_batch(planned: list[PlannedCall]) -> None:
    calls = Call.objects.bulk_create(
        Call(
            slug=p.slug,
            date=p.day,
            year=p.day.year,
            initiator_id=p.initiator_id,
            is_demo=True,
        )
        for p in planned
    )
    Participant.objects.bulk_create(
        Participant(
            call=call,
            official_id=person.official_id,
            office_id=person.office_id,
            title_as_written=person.title,
            position=position,
        )
        for call, p in zip(calls, planned, strict=True)
        for position, person in enumerate(p.people)
    )
    readouts, statements = [], []
    for call, p in zip(calls, planned, strict=True):
        for language, headline, text, sentences in p.readouts:
            publisher, side = PUBLISHER[language]
            readouts.append(
                Readout(
                    call=call,
                    source=f"{call.slug}-{language}",
                    publisher=publisher,
                    side=side,
                    language=language,
                    headline=headline,
                    text=f"{headline}\n\n{text}",
                    content_hash=hashlib.sha256(
                        f"{call.slug}{language}{text}".encode()
                    ).hexdigest(),
                )
            )
            statements.append(sentences)
    readouts = Readout.objects.bulk_create(readouts)
    rows = Statement.objects.bulk_create(
        Statement(
            readout=readout, order=order, speaker_id=speaker, text=sentence, verb_class=verb_class
        )
        for readout, sentences in zip(readouts, statements, strict=True)
        for order, (sentence, speaker, verb_class, _) in enumerate(sentences, start=1)
    )
    flat = [item for sentences in statements for item in sentences]
    statement_topics = [
        Statement.topics.through(statement_id=row.pk, topic_id=topic_id)
        for row, (_, _, _, topic_id) in zip(rows, flat, strict=True)
    ]
    Statement.topics.through.objects.bulk_create(statement_topics)
    refresh_derived([call.pk for call in calls])


def _statements(rng, lexicon, people, language):
    """5 to 12 (sentence, speaker id or None, verb class, topic id) tuples."""
    sentences = []
    for _ in range(rng.randint(5, 12)):
        topic_id, cues = rng.choice(lexicon.topics)
        template, verb_class = rng.choice(TEMPLATES[language])
        person = rng.choice(people)
        speaker = None if "{speaker}" not in template else person.official_id
        sentence = template.format(speaker=person.name, cue=rng.choice(cues[language]))
        sentences.append((sentence, speaker, verb_class, topic_id))
    return sentences
