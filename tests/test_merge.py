"""Both sides' accounts of one call: merging on date ±1 and participants, publisher and side,
and splitting a wrong merge apart."""

import pytest

from readouts.models import Call, Mention, Readout
from readouts.writing import ingest

from .conftest import SEEDS

# The French seed 003 is the Azerbaijani account of the 10 October 2022 Aliyev–Blinken call.
FRENCH_AZ = next(path for path in SEEDS if "Blinken" in path.read_text("utf-8"))


def english_us(dateline="October 10, 2022", azerbaijani="Azerbaijani President Ilham Aliyev"):
    """A made-up State Department readout of the same call (test data, not a real text)."""
    return (
        " date 2022-10 Secretary Blinken’s Call with Azerbaijani President Aliyev\n"
        f"{dateline}\n\n"
        f"Secretary of State Antony J. Blinken spoke today with {azerbaijani}. "
        "The Secretary welcomed the meeting of the foreign ministers in Geneva. "
        "He stressed the importance of respect for human rights and fundamental freedoms."
    )


@pytest.fixture
def merged(load):
    return load(FRENCH_AZ), load(english_us(), source="state.txt")


def test_french_az_and_english_us_readouts_become_one_call(merged):
    french, english = merged
    assert (french.status, english.status) == ("created", "merged")
    call = Call.objects.get()
    assert english.call == french.call == call
    readouts = {r.language: r for r in call.readouts.all()}
    assert (readouts["fr"].side, readouts["en"].side) == ("AZ", "US")
    assert call.date.isoformat() == "2022-10-10"
    assert call.initiator.slug == "antony-blinken"  # only the French readout says who called
    assert sorted(call.participants.values_list("official__slug", flat=True)) == [
        "antony-blinken",
        "ilham-aliyev",
    ]
    # Each readout keeps its own statements; the call's topics are the union.
    assert readouts["en"].statements.count() == 2
    topics = set(call.topics.values_list("slug", flat=True))
    assert {"human-rights", "missing-persons"} <= topics
    french_topics = set(
        readouts["fr"].statements.values_list("topics__slug", flat=True).exclude(topics=None)
    )
    assert "human-rights" not in french_topics
    assert set(Mention.objects.filter(kind="place").values_list("name", flat=True)) >= {
        "Geneva",
        "Karabakh",
    }


def test_one_day_apart_merges_two_days_apart_does_not(load):
    load(FRENCH_AZ)
    assert load(english_us("October 11, 2022")).status == "merged"
    assert load(english_us("October 12, 2022") + " ").status == "created"
    assert Call.objects.count() == 2


def test_different_participants_do_not_merge(load):
    load(FRENCH_AZ)
    other = english_us(azerbaijani="Azerbaijani Foreign Minister Jeyhun Bayramov")
    assert load(other).status == "created"
    assert Call.objects.count() == 2


def test_split_readout_undoes_a_merge(merged):
    french, english = merged
    new_call = ingest.split_readout(english.readout)
    assert Call.objects.count() == 2
    assert english.readout.call_id != french.readout.call_id
    new_call.refresh_from_db()
    old_call = Call.objects.get(pk=french.call.pk)
    assert [r.pk for r in new_call.readouts.all()] == [english.readout.pk]
    assert new_call.initiator is None  # the English readout does not say who called
    assert old_call.initiator.slug == "antony-blinken"
    assert "human-rights" in set(new_call.topics.values_list("slug", flat=True))
    assert "human-rights" not in set(old_call.topics.values_list("slug", flat=True))
    assert sorted(new_call.participants.values_list("official__slug", flat=True)) == [
        "antony-blinken",
        "ilham-aliyev",
    ]


def test_split_of_a_lone_readout_changes_nothing(load):
    result = load(FRENCH_AZ)
    assert ingest.split_readout(result.readout) == result.call
    assert Call.objects.count() == 1


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [("", ("us-state-department", "US")), ("us-embassy-baku", ("us-embassy-baku", "US"))],
)
def test_publisher_given_wins_over_the_detected_one(load, publisher, expected):
    text = english_us().replace("October 10, 2022", "OFFICE OF THE SPOKESPERSON\nOctober 10, 2022")
    result = load(text, publisher=publisher)
    assert (result.readout.publisher, result.readout.side) == expected


def test_side_from_titles_when_no_publisher_is_named(load):
    result = load(
        " date 2022-10 October 10, 2022\n\nPresident Ilham Aliyev received a phone call from "
        "U.S. Secretary of State Antony Blinken. The head of state thanked the Secretary."
    )
    assert (result.readout.publisher, result.readout.side) == ("", "AZ")
    assert result.call.initiator.slug == "antony-blinken"


def test_french_readout_without_publisher_is_azerbaijani(load):
    assert load(FRENCH_AZ).readout.side == "AZ"
    assert Readout.objects.get().publisher == ""
