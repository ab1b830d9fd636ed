"""Build the parser's inputs (gazetteer, topic cues) from the database, so admin edits count."""

from dataclasses import dataclass

from .. import parsing
from ..models import Office, Official, Topic


@dataclass(frozen=True)
class Vocabulary:
    gazetteer: parsing.Gazetteer
    topics: tuple[parsing.TopicCues, ...]

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
        return cls(gazetteer=parsing.Gazetteer(officials=officials, offices=offices), topics=topics)

    def parse(self, text: str, **kwargs) -> parsing.ParsedReadout:
        """``kwargs``: ``published`` and ``language`` from a manifest (see parse_readout)."""
        return parsing.parse_readout(text, self.gazetteer, self.topics, **kwargs)
