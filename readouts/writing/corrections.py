"""Staff corrections: edit marks that ``load_readouts --update`` respects, and merging officials.

``load_readouts --update`` re-parses a readout but keeps every statement and participant that
carries an edit mark, and the date and initiator of a call whose own fields were edited.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from ..models import (
    Call,
    EditedByStaff,
    Mention,
    Official,
    Participant,
    Readout,
    Statement,
    Tenure,
)
from ..parsing import ParseError
from .derived import refresh_derived
from .ingest import reparse
from .vocabulary import Vocabulary


def mark_edited(instance: EditedByStaff, user) -> None:
    """Record who changed ``instance`` and when; the caller saves it."""
    instance.edited_by = user
    instance.edited_at = timezone.now()


def last_edit(call: Call) -> EditedByStaff | None:
    """The most recently edited of the call, its participants and its statements (or None)."""
    candidates = [
        call if call.edited_at else None,
        Participant.objects.filter(call=call, edited_at__isnull=False)
        .select_related("edited_by")
        .order_by("-edited_at")
        .first(),
        Statement.objects.filter(readout__call=call, edited_at__isnull=False)
        .select_related("edited_by")
        .order_by("-edited_at")
        .first(),
    ]
    edited = [row for row in candidates if row is not None]
    return max(edited, key=lambda row: row.edited_at, default=None)


@transaction.atomic
def merge_officials(duplicates, target: Official, user=None) -> None:
    """Fold each duplicate into ``target``: calls, statements, mentions, tenures and spellings.

    When both were on the same call, the target's participation stays and takes the duplicate's
    title and office where its own are empty, so no detail of the readout is lost.
    """
    variants = list(target.name_variants)
    # Calls are found by their participants' names in every spelling: re-index all of them.
    touched = set(
        Participant.objects.filter(official__in=[target, *duplicates]).values_list(
            "call_id", flat=True
        )
    )
    # And the calls where a duplicate speaks without being a participant: their statements
    # move to the target, and so does what the official's page counts of them.
    touched |= set(
        Statement.objects.filter(speaker__in=duplicates).values_list("readout__call_id", flat=True)
    )
    for duplicate in duplicates:
        if duplicate.pk == target.pk:
            continue
        for participation in Participant.objects.filter(official=duplicate):
            kept = Participant.objects.filter(
                call_id=participation.call_id, official=target
            ).first()
            if kept is None:
                participation.official = target
                if user is not None:
                    mark_edited(participation, user)
                participation.save()
                continue
            kept.title_as_written = kept.title_as_written or participation.title_as_written
            kept.office_id = kept.office_id or participation.office_id
            if user is not None:
                mark_edited(kept, user)
            kept.save()
            participation.delete()
        Statement.objects.filter(speaker=duplicate).update(speaker=target)
        Mention.objects.filter(official=duplicate).update(official=target)
        Call.objects.filter(initiator=duplicate).update(initiator=target)
        held = set(target.tenures.values_list("office_id", "start"))
        for tenure in Tenure.objects.filter(official=duplicate):
            if (tenure.office_id, tenure.start) not in held:
                tenure.official = target
                tenure.save()
        for name in [duplicate.name, *duplicate.name_variants]:
            if name != target.name and name not in variants:
                variants.append(name)
        target.country = target.country or duplicate.country
        duplicate.delete()
    target.name_variants = variants
    target.save()
    refresh_derived(touched)


@dataclass
class RetagReport:
    changed: int = 0  # statements whose topics changed
    kept_edited: int = 0  # hand-edited statements the lexicon would have changed, left alone
    unparsed: int = 0  # readouts the current parser refuses (e.g. no rules for their language)


@transaction.atomic
def retag_statements(topics, vocabulary: Vocabulary | None = None) -> RetagReport:
    """Tag statements with ``topics`` as the current cue lexicon says, sparing hand-edited ones.

    Each readout is parsed again, so a statement is tagged exactly as a fresh import would tag it
    (including topics carried over by "ce problème"); other topics are left as they are.
    """
    vocabulary = vocabulary or Vocabulary.from_database()
    selected = {topic.slug: topic for topic in topics}
    report = RetagReport()
    touched = set()
    readouts = Readout.objects.select_related("call").prefetch_related(
        Prefetch("statements", queryset=Statement.objects.prefetch_related("topics"))
    )
    for readout in readouts.iterator(chunk_size=200):
        try:
            parsed = {item.order: item for item in reparse(readout, vocabulary).statements}
        except ParseError:
            report.unparsed += 1
            continue
        for statement in readout.statements.all():
            item = parsed.get(statement.order)
            if item is None or item.text != statement.text:
                continue  # the sentence no longer lines up with the parse: leave it
            have = {topic.slug for topic in statement.topics.all()} & selected.keys()
            want = set(item.topics) & selected.keys()
            if have == want:
                continue
            if statement.is_edited:
                report.kept_edited += 1
                continue
            statement.topics.remove(*(selected[slug] for slug in have - want))
            statement.topics.add(*(selected[slug] for slug in want - have))
            report.changed += 1
            touched.add(readout.call_id)
    refresh_derived(touched)
    return report
