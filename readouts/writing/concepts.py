"""A mention's concept: the thesaurus concept one of whose labels is the name the parser found.

The parser names what a readout mentions by a canonical English name ("Karabakh", "OSCE Minsk
Group"); the thesaurus gives each concept its labels in every language. A mention links to the
concept of its kind with that label (folded: case, accents and punctuation aside), so a readout
that says "Karabagh" and one that says "Qarabağ" mention the same place. A name two concepts
share is left unlinked rather than guessed.

Derived data: ``writing.derived.refresh_derived`` calls ``link_mentions`` for the calls a write
touched, and ``relink_all_mentions`` runs when the thesaurus itself changes (the admin).
"""

from collections import defaultdict
from collections.abc import Iterable

from ..models import Concept, Mention, MentionKind
from ..search.folding import words


def _concepts_by_label(using: str) -> dict[tuple[str, tuple[str, ...]], int | None]:
    """(kind, folded label) -> concept id, or None when two concepts share the label."""
    table: dict[tuple[str, tuple[str, ...]], int | None] = {}
    for concept in Concept.objects.using(using).all():
        for _, label in concept.labels():
            key = (concept.kind, tuple(words(label)))
            table[key] = concept.pk if table.get(key, concept.pk) == concept.pk else None
    return table


def link_mentions(call_ids: Iterable[int], using: str = "default") -> None:
    """Set the concept of every place, organisation and document mentioned in these calls."""
    mentions = Mention.objects.using(using).filter(readout__call_id__in=list(call_ids))
    _link(mentions.exclude(kind=MentionKind.PERSON), using)


def relink_all_mentions(using: str = "default") -> set[int]:
    """After a thesaurus edit: every mention resolved again; returns the calls whose mentions
    changed concept (what is derived from them must follow)."""
    return _link(Mention.objects.using(using).exclude(kind=MentionKind.PERSON), using)


def _link(mentions, using: str) -> set[int]:
    table = _concepts_by_label(using)
    by_concept: dict[int | None, list[int]] = defaultdict(list)
    calls = set()
    for pk, call_id, kind, name, current in mentions.values_list(
        "pk", "readout__call_id", "kind", "name", "concept_id"
    ):
        concept = table.get((kind, tuple(words(name))))
        if concept != current:
            by_concept[concept].append(pk)
            calls.add(call_id)
    for concept, pks in by_concept.items():
        Mention.objects.using(using).filter(pk__in=pks).update(concept_id=concept)
    return calls
