"""Keep offices, officials, topics and the thesaurus in step with the fixtures, keeping edits.

The fixtures (``fixtures/officials.json``, ``fixtures/topics.json``, ``fixtures/thesaurus.json``)
are the starting vocabulary. Syncing creates the offices, officials, tenures, topics and concepts
that are missing and leaves existing rows alone, because staff may have corrected them in the
admin.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from ..models import Concept, Office, Official, Tenure, Topic

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


@dataclass
class SyncReport:
    offices: int = 0
    officials: int = 0
    tenures: int = 0
    topics: int = 0
    concepts: int = 0

    def __str__(self):
        return (
            f"{self.offices} offices, {self.officials} officials, {self.tenures} tenures, "
            f"{self.topics} topics and {self.concepts} concepts added"
        )


def sync_reference_data(fixtures_dir: Path = FIXTURES_DIR) -> SyncReport:
    try:
        return _sync(fixtures_dir)
    except IntegrityError:
        # Another process (a second load_readouts) added the same rows at the same moment and
        # committed first: its rows are there now, so a second pass adds only what is missing.
        return _sync(fixtures_dir)


@transaction.atomic
def _sync(fixtures_dir: Path) -> SyncReport:
    report = SyncReport()
    officials_data = json.loads((fixtures_dir / "officials.json").read_text(encoding="utf-8"))
    topics_data = json.loads((fixtures_dir / "topics.json").read_text(encoding="utf-8"))

    offices = {office.slug: office for office in Office.objects.all()}
    for item in officials_data["offices"]:
        if item["slug"] not in offices:
            offices[item["slug"]] = Office.objects.create(
                slug=item["slug"],
                country=item["country"],
                title_en=item["title_en"],
                title_fr=item.get("title_fr", ""),
            )
            report.offices += 1

    officials = {official.slug: official for official in Official.objects.all()}
    known_tenures = set(Tenure.objects.values_list("official__slug", "office__slug", "start"))
    for item in officials_data["officials"]:
        official = officials.get(item["slug"])
        if official is None:
            official = Official.objects.create(
                name=item["name"],
                slug=item["slug"],
                country=item["country"],
                name_variants=item.get("variants", []),
            )
            report.officials += 1
        for tenure in item.get("tenures", []):
            start = dt.date.fromisoformat(tenure["start"])
            if (official.slug, tenure["office"], start) in known_tenures:
                continue
            Tenure.objects.create(
                official=official,
                office=offices[tenure["office"]],
                start=start,
                end=dt.date.fromisoformat(tenure["end"]) if tenure.get("end") else None,
                acting=tenure.get("acting", False),
            )
            report.tenures += 1

    topics = set(Topic.objects.values_list("slug", flat=True))
    for item in topics_data["topics"]:
        if item["slug"] not in topics:
            Topic.objects.create(
                slug=item["slug"],
                name_en=item["en"],
                name_fr=item.get("fr", ""),
                description=item.get("description", ""),
                cues_fr=item.get("cues_fr", []),
                cues_en=item.get("cues_en", []),
                cues_az=item.get("cues_az", []),
            )
            report.topics += 1
    thesaurus = fixtures_dir / "thesaurus.json"
    if thesaurus.exists():
        report.concepts = _sync_thesaurus(json.loads(thesaurus.read_text(encoding="utf-8")))
    return report


def _sync_thesaurus(data: dict) -> int:
    """Create the missing concepts, then link each new one to its broader concept."""
    known = {concept.slug: concept for concept in Concept.objects.all()}
    added = []
    for item in data["concepts"]:
        if item["slug"] in known:
            continue
        concept = Concept.objects.create(
            slug=item["slug"],
            kind=item["kind"],
            pref_label_en=item["en"],
            pref_label_fr=item.get("fr", ""),
            pref_label_az=item.get("az", ""),
            alt_labels_en=item.get("alt_en", []),
            alt_labels_fr=item.get("alt_fr", []),
            alt_labels_az=item.get("alt_az", []),
            alt_labels_ru=item.get("alt_ru", []),
            note=item.get("note", ""),
        )
        known[concept.slug] = concept
        added.append((concept, item.get("broader")))
    for concept, broader in added:
        if broader in known:
            concept.broader = known[broader]
            concept.save(update_fields=["broader"])
    return len(added)
