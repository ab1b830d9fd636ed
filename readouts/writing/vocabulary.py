"""Build the parser's inputs (gazetteer, topic cues, thesaurus) from the database, so admin edits
count."""

from dataclasses import dataclass

from .. import parsing
from ..models import Concept, Office, Official, Topic


@dataclass(frozen=True)
class Vocabulary:
    gazetteer: parsing.Gazetteer
    topics: tuple[parsing.TopicCues, ...]
    concepts: tuple[parsing.Concept, ...] = ()

    @classmethod
    def from_database(cls) -> "Vocabulary":
        offices = tuple(
            parsing.Office(
                slug=office.slug,
                country=office.country,
                title_en=office.title_en,
                title_fr=office.title_fr,
            )
            for office in Office.objects.all()
        )
        officials = tuple(
            parsing.Official(
                name=official.name,
                slug=official.slug,
                country=official.country,
                variants=tuple(official.name_variants),
                tenures=tuple(
                    parsing.Tenure(office=t.office.slug, start=t.start, end=t.end)
                    for t in official.tenures.all()
                ),
            )
            for official in Official.objects.prefetch_related("tenures__office")
        )
        topics = tuple(
            parsing.TopicCues(
                slug=topic.slug,
                cues_fr=tuple(topic.cues_fr),
                cues_en=tuple(topic.cues_en),
                cues_az=tuple(topic.cues_az),
            )
            for topic in Topic.objects.all()
        )
        concepts = tuple(
            parsing.Concept(
                slug=concept.slug,
                kind=concept.kind,
                name=concept.pref_label_en,
                labels=tuple(concept.labels()),
            )
            for concept in Concept.objects.order_by("slug")
        )
        return cls(
            gazetteer=parsing.Gazetteer(officials=officials, offices=offices),
            topics=topics,
            concepts=concepts,
        )

    def parse(self, text: str, **kwargs) -> parsing.ParsedReadout:
        """``kwargs``: ``published`` and ``language`` from a manifest (see parse_readout)."""
        return parsing.parse_readout(text, self.gazetteer, self.topics, self.concepts, **kwargs)
