"""The archive's JSON shape, shared by ``export_calls`` and the site's ``format=json`` pages."""

from ..models import Call, Statement


def call_to_dict(call: Call, absolute_url) -> dict:
    """``call`` must come from ``Call.objects.with_related()`` so this issues no query."""
    return {
        "url": absolute_url(call.get_absolute_url()),
        "slug": call.slug,
        "date": call.date.isoformat(),
        "date_precision": call.date_precision,
        "initiator": call.initiator.name if call.initiator else None,
        "participants": [
            {
                "name": p.official.name,
                "slug": p.official.slug,
                "country": p.official.country,
                "title": p.title_as_written,
                "office": p.office.slug if p.office else None,
            }
            for p in call.participants.all()
        ],
        "topics": [topic.slug for topic in call.topics.all()],
        "readouts": [
            {
                # The page the publisher put it on when known, else the file it came from.
                "source": readout.cited_source,
                "file": readout.source,
                "published": readout.published.isoformat() if readout.published else None,
                "publisher": readout.publisher,
                "relays": readout.relays,
                "publisher_name": readout.publisher_name,
                "side": readout.side,
                "language": readout.language,
                "text": readout.text,
                "statements": [statement_to_dict(s) for s in readout.statements.all()],
                "mentions": [{"kind": m.kind, "name": m.name} for m in readout.mentions.all()],
                "reviewed": readout.reviewed_at.date().isoformat() if readout.reviewed_at else None,
            }
            for readout in call.readouts.all()
        ],
    }


def statement_to_dict(statement: Statement) -> dict:
    return {
        "speaker": statement.speaker.name if statement.speaker else "both",
        "text": statement.text,
        "verb": statement.verb,
        "verb_class": statement.verb_class,
        "topics": [topic.slug for topic in statement.topics.all()],
    }
