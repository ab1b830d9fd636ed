"""How sure the archive is of each readout: the flags its parse raised, and an editor's review.

A genuine readout the rules only half understand is archived, not refused, with a flag for
each field an editor should check. Ingest stores the flags with the readout (``flags_for``)
and their weight, which orders the admin's "Needs review" queue worst first. An editor who
has checked a record marks it reviewed (``mark_reviewed``): who and when are kept, the public
call page says "Reviewed by an editor on …", and ``load_readouts --update`` keeps the mark.
"""

from django.db import transaction
from django.utils import timezone

from .. import parsing
from ..models import Readout, ReviewFlag
from .derived import archive_changed

# How much each flag weighs in the queue's order: a record whose framing was not recognised
# may be wrong throughout; a missing topic tag misleads only the topic facet.
WEIGHTS = {
    ReviewFlag.FRAMING: 40,
    ReviewFlag.LANGUAGE: 30,
    ReviewFlag.NEW_OFFICIAL: 20,
    ReviewFlag.DATE: 10,
    ReviewFlag.SPEAKER: 8,
    ReviewFlag.PARSER: 5,
    ReviewFlag.TOPICS: 3,
}


def flags_for(parsed: parsing.ParsedReadout) -> list[dict]:
    """The flags of a fresh parse, as the readout stores them."""
    return [{"flag": reason.kind, "detail": reason.detail} for reason in parsed.review_reasons]


def weight(flags: list[dict]) -> int:
    return sum(WEIGHTS.get(flag["flag"], WEIGHTS[ReviewFlag.PARSER]) for flag in flags)


@transaction.atomic
def mark_reviewed(readouts, user) -> int:
    """Record that ``user`` checked these readouts now; the public pages say so at once."""
    count = Readout.objects.filter(pk__in=[r.pk for r in readouts]).update(
        reviewed_at=timezone.now(), reviewed_by=user
    )
    archive_changed()
    return count


def settled_since(moment) -> int:
    """How many readouts editors marked reviewed since ``moment``."""
    return Readout.objects.filter(reviewed_at__gte=moment).count()
