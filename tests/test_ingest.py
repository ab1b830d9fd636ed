"""The one writer: rows it makes, idempotence, conflicts, merges, and all-or-nothing writes."""

import pytest

from readouts.models import Call, Mention, Official, Participant, Readout, Statement
from readouts.parsing import ParseError
from readouts.writing import ingest

from .conftest import SEEDS

FRAMING = (
    " date 2023-02 Le 3 février, le Président de la République d'Azerbaïdjan, Ilham Aliyev, "
    "a reçu un coup de téléphone du Secrétaire d'État américain, Antony Blinken.\n\n"
)


def test_seeds_become_two_calls_with_their_readouts(seeds):
    assert [r.status for r in seeds] == ["created", "created"]
    assert Call.objects.count() == 2
    call = Call.objects.get(slug="2021-05-17-aliyev-sullivan")
    assert call.date.isoformat() == "2021-05-17"
    assert call.year == 2021
    assert call.initiator.slug == "jake-sullivan"
    assert [p.official.slug for p in call.participants.order_by("position")] == [
        "ilham-aliyev",
        "jake-sullivan",
    ]
    readout = call.readouts.get()
    assert readout.source == SEEDS[0].name
    assert readout.language == "fr"
    assert readout.side == "AZ"
    # The file's ` date YYYY-MM` header is ours, not the publisher's: the text starts after it.
    assert readout.text == SEEDS[0].read_text(encoding="utf-8").removeprefix(" date 2021-05 ")
    assert readout.statements.count() == 9
    assert set(call.topics.values_list("slug", flat=True)) >= {"border-delimitation"}


def test_participant_links_to_the_office_held_on_the_call_date(seeds):
    blinken = Participant.objects.get(official__slug="antony-blinken")
    assert blinken.office.slug == "us-secretary-of-state"
    assert blinken.title_as_written == "Secrétaire d'État américain"


def test_loading_the_same_text_again_changes_nothing(seeds, load):
    again = load(SEEDS[0])
    assert again.status == "unchanged"
    assert again.readout == seeds[0].readout
    assert (Call.objects.count(), Readout.objects.count()) == (2, 2)


def test_changed_text_from_a_known_source_is_a_conflict_until_update(load):
    first = load(FRAMING + "Les parties ont discuté des relations bilatérales.", source="x.txt")
    changed = FRAMING + "Les parties ont discuté de la paix dans la région."
    conflict = load(changed, source="x.txt")
    assert conflict.status == "conflict"
    assert Readout.objects.get().text == first.readout.text

    updated = load(changed, source="x.txt", update=True)
    assert updated.status == "updated"
    assert updated.readout.pk == first.readout.pk
    assert Readout.objects.get().text == changed.removeprefix(" date 2023-02 ")
    assert list(Statement.objects.values_list("text", flat=True)) == [
        "Les parties ont discuté de la paix dans la région."
    ]


def test_a_text_that_cannot_be_parsed_writes_nothing(load):
    with pytest.raises(ParseError):
        load("Bonjour tout le monde.", source="bad.txt")
    assert not Readout.objects.exists()
    assert not Call.objects.exists()


def test_bad_bytes_are_refused_before_parsing(vocabulary):
    with pytest.raises(ParseError, match="offset 3"):
        ingest.ingest_bytes(b"abc\xff\xfe", source="latin.txt")
    assert not Readout.objects.exists()


def test_unknown_titled_participant_becomes_an_official_to_review(load):
    text = (
        " date 2023-03 Le 2 mars, le ministre des Affaires étrangères de l'Azerbaïdjan, "
        "Jeyhun Bayramov, a reçu un coup de téléphone du vice-secrétaire d'État américain, "
        "Paul Marchetti.\n\nLes parties ont discuté des relations bilatérales."
    )
    result = load(text)
    newcomer = Official.objects.get(needs_review=True)
    assert newcomer.name == "Paul Marchetti"
    assert result.call.participants.filter(official=newcomer).exists()
    assert any("Paul Marchetti" in warning for warning in result.warnings)


def test_mentions_are_stored_per_readout(seeds):
    names = set(Mention.objects.filter(readout=seeds[1].readout).values_list("kind", "name"))
    assert ("person", "Jake Sullivan") in names
    assert ("place", "Geneva") in names
    assert Mention.objects.get(readout=seeds[1].readout, name="Jake Sullivan").official.slug == (
        "jake-sullivan"
    )


def test_the_same_text_pasted_or_slightly_reencoded_is_not_stored_twice(seeds, load):
    published = SEEDS[0].read_text(encoding="utf-8").removeprefix(" date 2021-05 ")
    near_copies = [
        published,  # pasted in the admin, without our file header
        "\ufeff" + published.replace("\n", "\r\n"),  # a byte-order mark and Windows line ends
        published.replace(". ", ".  ") + "\n\n",  # spacing
    ]
    for text in near_copies:
        again = load(text)
        assert again.status == "unchanged"
        assert again.readout == seeds[0].readout
    assert Readout.objects.count() == 2
