"""The one writer: a readout text becomes rows, in one transaction, or nothing changes.

``load_readouts``, the admin's import page and the tests all come through ``ingest_text``.
A text already in the archive (same content hash) is ``unchanged``; a changed text from a
source already loaded is a ``conflict`` unless ``update=True``; a readout of a call the archive
already holds (same day ±1, same Azerbaijani and US officials) joins that call as another
readout instead of creating a second call. An update keeps what staff corrected in the admin
(statements, participants, the call's date) and lists it in ``IngestResult.kept``.
"""

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from .. import parsing
from ..models import Call, Mention, Office, Official, Participant, Readout, Statement, Topic
from ..parsing.publishers import PUBLISHERS
from . import review
from .derived import refresh_derived
from .vocabulary import Vocabulary

# Readouts in French come from the Azerbaijani side: no US government office publishes in French.
SIDE_BY_LANGUAGE = {"fr": "AZ", "az": "AZ", "ru": "AZ"}


class Status:
    CREATED = "created"
    MERGED = "merged"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    CONFLICT = "conflict"


@dataclass
class IngestResult:
    status: str
    readout: Readout
    parsed: parsing.ParsedReadout | None = None
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # staff corrections an update left alone

    @property
    def call(self) -> Call:
        return self.readout.call


# What does not make a readout a different text: our file header, a byte-order mark, control
# characters, line endings and runs of white space (a paste in the admin differs in all of them).
_NOT_TEXT = re.compile(r"[\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The identity of a published text, the same for the file, a paste and a near-copy."""
    try:
        header = parsing.parse_header(text)
    except parsing.ParseError:
        header = None
    body = text[header.end :] if header else text
    canonical = _SPACES.sub(" ", _NOT_TEXT.sub("", unicodedata.normalize("NFC", body))).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_text(
    text: str,
    vocabulary: Vocabulary | None = None,
    *,
    published: dt.date | None = None,
    language: str = "",
) -> parsing.ParsedReadout:
    """What ``ingest_text`` would write, without writing: the admin's preview shows this.

    ``published`` is what "today" counts from when the text has no dateline; ``language``,
    when given, chooses the rule set instead of detection.
    """
    vocabulary = vocabulary or Vocabulary.from_database()
    return vocabulary.parse(text, published=published, language=language or None)


def stored_copy(text: str) -> Readout | None:
    """The readout already holding exactly this text, if any."""
    return Readout.objects.select_related("call").filter(content_hash=content_hash(text)).first()


def ingest_bytes(raw: bytes, **options) -> IngestResult:
    """Decode a file's bytes (refusing binary, non-UTF-8 or oversized input) and ingest it."""
    return ingest_text(parsing.decode_readout(raw), **options)


def ingest_text(
    text: str,
    *,
    source: str = "",
    publisher: str = "",
    language: str = "",
    source_url: str = "",
    published: dt.date | None = None,
    relays: str = "",
    update: bool = False,
    vocabulary: Vocabulary | None = None,
) -> IngestResult:
    """Parse ``text`` and write it; raises ``parsing.ParseError`` with the reason if it cannot.

    What the caller knows of the text's origin (a manifest row, a command-line option, the
    admin form) wins over what the parser detects: ``publisher`` (and ``relays``, the body
    an agency relays), ``language``. ``source_url`` and ``published`` are recorded with it.
    """
    digest = content_hash(text)
    existing = stored_copy(text)
    if existing:
        return IngestResult(Status.UNCHANGED, existing)
    parsed = parse_text(text, vocabulary, published=published, language=language)
    try:
        with transaction.atomic():
            origin = {
                "source": source,
                "source_url": source_url,
                "published": published,
                "publisher": publisher,
                "relays": relays,
                "language": language,
            }
            return _write(parsed, digest, origin, update=update)
    except IntegrityError:
        # Another process stored the same text between our check and our write.
        existing = Readout.objects.select_related("call").filter(content_hash=digest).first()
        if existing is None:
            raise
        return IngestResult(Status.UNCHANGED, existing)


def _write(parsed, digest, origin, *, update) -> IngestResult:
    source = origin["source"]
    previous = None
    if source:
        previous = (
            Readout.objects.select_for_update().select_related("call").filter(source=source).first()
        )
    if previous and previous.content_hash == digest:
        # Another process stored this very text between our first look and this lock.
        return IngestResult(Status.UNCHANGED, previous)
    if previous and not update:
        return IngestResult(Status.CONFLICT, previous, parsed, list(parsed.warnings))

    officials = _officials_for(parsed)
    flags = review.flags_for(parsed)
    fields = {
        **origin,
        "publisher": origin["publisher"] or parsed.publisher,
        "side": _side(parsed, origin["relays"] or origin["publisher"]),
        "language": origin["language"] or parsed.language,
        "headline": parsed.headline,
        "text": parsed.body,
        "content_hash": digest,
        "warnings": list(parsed.warnings),
        "review_flags": flags,
        "review_weight": review.weight(flags),
    }
    kept = []
    if previous:
        readout = previous
        for name, value in fields.items():
            setattr(readout, name, value)
        readout.save()
        kept = _keep_edits(readout, parsed)
        if readout.reviewed_at:
            kept.append(f"the review ({_edit_mark(readout, 'reviewed')})")
        call = readout.call
        status = Status.UPDATED
    else:
        call = _same_call(parsed, officials)
        status = Status.MERGED if call else Status.CREATED
        if call is None:
            call = Call(date=parsed.date, date_precision=parsed.date_precision)
            call.slug = _unique_call_slug(parsed, officials)
        readout = None

    _merge_call_fields(call, parsed, officials)
    call.save()
    _add_participants(call, parsed, officials)
    if readout is None:
        readout = Readout.objects.create(call=call, **fields)
    _write_statements(readout, parsed, officials)
    _write_mentions(readout, parsed, officials)
    refresh_derived([call.pk])
    return IngestResult(status, readout, parsed, list(parsed.warnings), kept)


def _keep_edits(readout: Readout, parsed) -> list[str]:
    """Clear what the parser wrote for this readout, except rows staff edited; describe those.

    A kept statement holds its place: the freshly parsed statement with the same order is not
    written (see ``_write_statements``).
    """
    kept = [
        f"statement {s.order} ({_edit_mark(s)})"
        for s in readout.statements.filter(edited_at__isnull=False).select_related("edited_by")
    ]
    readout.statements.filter(edited_at__isnull=True).delete()
    readout.mentions.all().delete()
    call = readout.call
    if call.readouts.count() == 1:
        kept += [
            f"participant {p.official.name} ({_edit_mark(p)})"
            for p in call.participants.filter(edited_at__isnull=False).select_related(
                "official", "edited_by"
            )
        ]
        call.participants.filter(edited_at__isnull=True).delete()
        if call.edited_at is None:
            call.date, call.date_precision = parsed.date, parsed.date_precision
        else:
            kept.append(f"the call's date {call.date.isoformat()} ({_edit_mark(call)})")
    return kept


def _edit_mark(row, done="edited") -> str:
    by, at = getattr(row, f"{done}_by"), getattr(row, f"{done}_at")
    who = by.get_username() if by else "staff"
    return f"{done} by {who} on {at:%Y-%m-%d}"


def _officials_for(parsed) -> dict[str, Official]:
    """Every official the readout refers to, by slug; unknown participants become new officials."""
    slugs = {p.slug for p in parsed.participants}
    slugs |= {s.speaker for s in parsed.statements if s.speaker != parsing.BOTH}
    slugs |= {m.official_slug for m in parsed.mentions if m.official_slug}
    officials = {o.slug: o for o in Official.objects.filter(slug__in=slugs)}
    for participant in parsed.participants:
        if participant.slug not in officials:
            officials[participant.slug] = Official.objects.create(
                name=participant.name,
                slug=participant.slug,
                country=participant.country,
                needs_review=True,
            )
    return officials


def _side(parsed, publisher: str) -> str:
    """The side of the publisher given (or of the body an agency relays), else of the one the
    text names, else the side the titles show (a readout marks only the other side's
    officials with their country), else the language's usual side."""
    known = PUBLISHERS.get(publisher or parsed.publisher)
    if known:
        return known.side
    return parsed.side or SIDE_BY_LANGUAGE.get(parsed.language, "")


def _same_call(parsed, officials) -> Call | None:
    """The call this readout describes, if the archive already holds it."""
    wanted = {p.slug for p in parsed.participants if p.country in ("AZ", "US")}
    if not wanted:
        return None
    if parsed.date_precision == "day":
        window = {
            "date__range": (parsed.date - dt.timedelta(days=1), parsed.date + dt.timedelta(days=1))
        }
    else:
        window = {"date__year": parsed.date.year, "date__month": parsed.date.month}
    candidates = [
        call
        for call in Call.objects.filter(**window).prefetch_related("participants__official")
        if {p.official.slug for p in call.participants.all() if p.official.country in ("AZ", "US")}
        == wanted
    ]
    return candidates[0] if len(candidates) == 1 else None


def split_readout(readout: Readout, vocabulary: Vocabulary | None = None) -> Call:
    """Undo a wrong merge: move ``readout`` to a call of its own and rebuild both calls'
    date, initiator, participants and topics from the readouts each keeps."""
    vocabulary = vocabulary or Vocabulary.from_database()
    with transaction.atomic():
        old = readout.call
        if old.readouts.count() == 1:
            return old
        parsed = reparse(readout, vocabulary)
        officials = _officials_for(parsed)
        new = Call(date=parsed.date, date_precision=parsed.date_precision)
        new.slug = _unique_call_slug(parsed, officials)
        new.save()
        readout.call = new
        readout.save(update_fields=["call"])
        for call in (new, old):
            _rebuild_call(call, vocabulary)
        refresh_derived([new.pk, old.pk])
        return new


def reparse(readout: Readout, vocabulary: Vocabulary) -> parsing.ParsedReadout:
    """Parse a stored readout again, as it was first read: with a `` date YYYY-MM`` header
    (the text is stored without our file header), its publication date and its language."""
    return vocabulary.parse(
        f" date {readout.call.date:%Y-%m} {readout.text}",
        published=readout.published,
        language=readout.language or None,
    )


def _rebuild_call(call: Call, vocabulary: Vocabulary) -> None:
    call.participants.all().delete()
    call.initiator = None
    call.date_precision = "month"
    for readout in call.readouts.order_by("pk"):
        parsed = reparse(readout, vocabulary)
        officials = _officials_for(parsed)
        _merge_call_fields(call, parsed, officials)
        call.save()
        _add_participants(call, parsed, officials)


def _merge_call_fields(call: Call, parsed, officials) -> None:
    if parsed.date_precision == "day" and call.date_precision != "day":
        call.date, call.date_precision = parsed.date, parsed.date_precision
    if parsed.initiator and call.initiator_id is None:
        call.initiator = officials[parsed.initiator]


def _add_participants(call: Call, parsed, officials) -> None:
    present = set(call.participants.values_list("official__slug", flat=True))
    start = len(present)
    Participant.objects.bulk_create(
        Participant(
            call=call,
            official=officials[participant.slug],
            office_id=_office_id(participant.office),
            title_as_written=participant.title_as_written,
            position=start + index,
        )
        for index, participant in enumerate(parsed.participants)
        if participant.slug not in present
    )


def _office_id(slug: str | None) -> int | None:
    if not slug:
        return None
    return Office.objects.filter(slug=slug).values_list("pk", flat=True).first()


def _write_statements(readout: Readout, parsed, officials) -> None:
    taken = set(readout.statements.values_list("order", flat=True))  # kept staff corrections
    items = [item for item in parsed.statements if item.order not in taken]
    statements = Statement.objects.bulk_create(
        Statement(
            readout=readout,
            order=item.order,
            speaker=None if item.speaker == parsing.BOTH else officials.get(item.speaker),
            text=item.text,
            verb=item.verb,
            verb_class=item.verb_class,
            speaker_guessed=item.speaker_guessed,
            topic_evidence=dict(item.topic_evidence),
        )
        for item in items
    )
    topic_ids = dict(Topic.objects.values_list("slug", "pk"))
    Statement.topics.through.objects.bulk_create(
        Statement.topics.through(statement_id=statement.pk, topic_id=topic_ids[slug])
        for statement, item in zip(statements, items, strict=True)
        for slug in item.topics
        if slug in topic_ids
    )


def _write_mentions(readout: Readout, parsed, officials) -> None:
    unique = {(m.kind, m.name): m for m in parsed.mentions}
    Mention.objects.bulk_create(
        Mention(
            readout=readout,
            kind=kind,
            name=name,
            official=officials.get(mention.official_slug) if mention.official_slug else None,
        )
        for (kind, name), mention in unique.items()
    )


def call_slug_base(date: dt.date, precision: str, surnames: list[str]) -> str:
    stamp = date.isoformat() if precision == "day" else date.strftime("%Y-%m")
    return slugify("-".join([stamp, *surnames]))[:190]


def _unique_call_slug(parsed, officials) -> str:
    order = {"AZ": 0, "US": 1}
    people = sorted(parsed.participants, key=lambda p: order.get(p.country, 2))
    surnames = [officials[p.slug].name.split()[-1] for p in people]
    base = call_slug_base(parsed.date, parsed.date_precision, surnames)
    slug, n = base, 2
    while Call.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
