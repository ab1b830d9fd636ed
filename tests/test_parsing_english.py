"""English rule set, one cue at a time, on short made-up readouts of both sides' styles."""

from __future__ import annotations

import datetime as dt

import pytest

from readouts.parsing import BOTH, ParseError
from readouts.parsing.engine import slugify

from .parsing_support import parse

US_FRAMING = " date 2022-10 Secretary of State Antony J. Blinken spoke today with Azerbaijani "
US_FRAMING += "President Ilham Aliyev."


def readout(*sentences: str, framing: str = US_FRAMING) -> str:
    return framing + "\n\n" + " ".join(sentences)


def speakers(text: str) -> list[str]:
    return [s.speaker for s in parse(text).statements]


# -- before the body: headlines, datelines, stamps, spokespeople ------------------------------


def test_headline_and_dateline_before_the_body():
    parsed = parse(
        " date 2022-03 Secretary Blinken’s Call with Azerbaijani President Aliyev\n"
        "March 16, 2022\n\n"
        "Secretary of State Antony J. Blinken spoke today with Azerbaijani President Ilham "
        "Aliyev. The Secretary stressed the importance of the peace process."
    )
    assert parsed.language == "en"
    assert (parsed.date, parsed.date_precision) == (dt.date(2022, 3, 16), "day")
    assert parsed.headline == "Secretary Blinken’s Call with Azerbaijani President Aliyev"
    assert [p.slug for p in parsed.participants] == ["antony-blinken", "ilham-aliyev"]
    assert [s.speaker for s in parsed.statements] == ["antony-blinken"]


def test_headline_with_phone_call_is_not_taken_for_the_framing_sentence():
    parsed = parse(
        " date 2021-04 Readout of Secretary Blinken’s Phone Call with Azerbaijani President "
        "Aliyev\n\nSecretary Antony J. Blinken spoke by phone with Azerbaijani President Ilham "
        "Aliyev on April 21. Secretary Blinken discussed regional security."
    )
    assert parsed.participants[0].title_as_written == "Secretary"
    assert parsed.date == dt.date(2021, 4, 21)
    assert len(parsed.statements) == 1


def test_state_department_stamp_spokesperson_and_office():
    parsed = parse(
        " date 2023-09 Secretary Blinken’s Call with Azerbaijani President Aliyev\n"
        "READOUT\nOFFICE OF THE SPOKESPERSON\n09/19/2023 06:45 PM EDT\n\n"
        "The following is attributable to Spokesperson Matthew Miller:\n\n"
        "Secretary of State Antony J. Blinken spoke today with Azerbaijani President Ilham "
        "Aliyev. The Secretary urged an immediate halt to military activities."
    )
    assert (parsed.date, parsed.date_precision) == (dt.date(2023, 9, 19), "day")
    assert parsed.publisher == "us-state-department"
    assert {p.slug for p in parsed.participants} == {"antony-blinken", "ilham-aliyev"}
    assert ("person", "Matthew Miller") in {(m.kind, m.name) for m in parsed.mentions}
    assert parsed.headline == "Secretary Blinken’s Call with Azerbaijani President Aliyev"
    assert [s.speaker for s in parsed.statements] == ["antony-blinken"]


def test_agency_dateline_and_azerbaijani_side():
    parsed = parse(
        " date 2023-03 BAKU, Azerbaijan, March 9. On March 8, Foreign Minister Jeyhun Bayramov "
        "received a phone call from U.S. Secretary of State Antony Blinken, AZERTAC reports."
    )
    assert parsed.date == dt.date(2023, 3, 8)
    assert parsed.initiator == "antony-blinken"
    assert parsed.publisher == "azertac"
    assert parsed.side == "AZ"


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("today", 16),
        ("yesterday", 15),
        ("overnight", 16),  # the night before the release: its own date (corpus, 2022-09-13)
        ("last Monday", 14),
        ("on Tuesday", 15),
    ],
)
def test_relative_days_count_from_the_dateline(words, day):
    # March 16, 2022 was a Wednesday.
    parsed = parse(
        " date 2022-03 Trend, Baku, March 16, 2022\n\n"
        f"President Ilham Aliyev spoke {words} with U.S. Secretary of State Antony Blinken."
    )
    assert (parsed.date, parsed.date_precision) == (dt.date(2022, 3, day), "day")
    assert parsed.publisher == "trend"


def test_yesterday_may_fall_in_the_previous_month():
    parsed = parse(
        " date 2022-02 March 1, 2022\n\nSecretary Antony Blinken spoke yesterday with "
        "President Ilham Aliyev."
    )
    assert parsed.date == dt.date(2022, 2, 28)


def test_today_without_dateline_keeps_the_header_month():
    parsed = parse(readout("The Secretary discussed energy."))
    assert (parsed.date, parsed.date_precision) == (dt.date(2022, 10, 1), "month")


# -- framing and initiator --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("framing", "initiator"),
    [
        ("Secretary Blinken spoke with President Aliyev.", None),
        ("Antony Blinken and Ilham Aliyev held a phone call.", None),
        ("Secretary Blinken made a phone call to President Ilham Aliyev.", "antony-blinken"),
        ("President Ilham Aliyev received a phone call from Antony Blinken.", "antony-blinken"),
        ("President Ilham Aliyev called Secretary of State Antony Blinken.", "ilham-aliyev"),
        ("Jeyhun Bayramov received a telephone call from Jake Sullivan.", "jake-sullivan"),
        ("Jake Sullivan phoned Hikmat Hajiyev.", "jake-sullivan"),
    ],
)
def test_framing_variants_and_initiator(framing, initiator):
    parsed = parse(f" date 2022-10 On October 10, {framing}")
    assert parsed.initiator == initiator
    assert len(parsed.participants) == 2
    assert parsed.date == dt.date(2022, 10, 10)


@pytest.mark.parametrize(
    "framing",
    [
        "President Ilham Aliyev held a video conference with Secretary of State Antony Blinken.",
        "President Ilham Aliyev and Secretary Antony Blinken held a videoconference.",
        "Secretary Blinken spoke via video link with President Ilham Aliyev.",
        "President Ilham Aliyev and Secretary Antony Blinken met via video link.",
        "President Ilham Aliyev and Secretary Antony Blinken were connected by secure video link.",
        "Secretary Blinken spoke with President Ilham Aliyev through a video connection.",
        "Secretary Blinken held a virtual meeting with President Ilham Aliyev.",
        "President Ilham Aliyev took part in an online meeting with Secretary Antony Blinken.",
        "Secretary Blinken talked over the phone with President Ilham Aliyev.",
        "President Ilham Aliyev held telephone talks with Secretary Antony Blinken.",
    ],
)
def test_video_and_online_calls_are_framings(framing):
    parsed = parse(f" date 2022-10 On October 10, {framing} Blinken stressed the peace process.")
    assert {p.slug for p in parsed.participants} == {"antony-blinken", "ilham-aliyev"}
    assert not any(r.kind == "framing" for r in parsed.review_reasons)
    assert [s.speaker for s in parsed.statements] == ["antony-blinken"]


@pytest.mark.parametrize("earlier", ["their video conference", "the previous virtual meeting"])
def test_a_past_video_call_named_later_is_not_the_framing(earlier):
    known = parse(readout(f"The Secretary recalled {earlier} in May."))
    assert known.statements[0].text == f"The Secretary recalled {earlier} in May."
    assert not any(r.kind == "framing" for r in known.review_reasons)
    unknown = parse(
        " date 2022-10 President Ilham Aliyev received Secretary Antony Blinken in Baku. "
        f"Blinken recalled {earlier} in May."
    )
    assert {p.slug for p in unknown.participants} == {"antony-blinken", "ilham-aliyev"}
    assert any(r.kind == "framing" for r in unknown.review_reasons)


def test_a_meeting_in_person_is_not_a_call():
    with pytest.raises(ParseError, match="no call framing"):
        parse(" date 2022-10 President Ilham Aliyev held a meeting with Antony Blinken in Baku.")


def test_spoke_separately_keeps_only_azerbaijani_and_us_officials():
    parsed = parse(
        " date 2022-12 December 22, 2022\n\nNational Security Advisor Jake Sullivan spoke "
        "separately today with National Security Council Secretary Armen Grigoryan of Armenia "
        "and Head of the Foreign Relations Department of the Presidential Administration of "
        "Azerbaijan Hikmat Hajiyev. All affirmed their commitment to a peace agreement."
    )
    assert [p.slug for p in parsed.participants] == ["jake-sullivan", "hikmat-hajiyev"]
    assert parsed.participants[0].title_as_written == "National Security Advisor"
    assert ("person", "Armen Grigoryan") in {(m.kind, m.name) for m in parsed.mentions}
    assert not any("Grigoryan" in w for w in parsed.warnings)
    assert [s.speaker for s in parsed.statements] == [BOTH]


def test_titles_as_written_and_offices():
    parsed = parse(readout("The Secretary discussed energy."))
    titles = {p.slug: (p.title_as_written, p.office) for p in parsed.participants}
    assert titles == {
        "antony-blinken": ("Secretary of State", "us-secretary-of-state"),
        "ilham-aliyev": ("Azerbaijani President", "az-president"),
    }


@pytest.mark.parametrize(
    ("framing", "title"),
    [
        (
            "Secretary Blinken spoke with Azerbaijani Deputy Minister of Economy and Trade "
            "Elnur Mammadov.",
            "Azerbaijani Deputy Minister of Economy and Trade",
        ),
        (
            "Foreign Minister Jeyhun Bayramov spoke with Assistant Secretary of State for "
            "European and Eurasian Affairs Karen Donfried.",
            "Assistant Secretary of State for European and Eurasian Affairs",
        ),
        (
            "President Aliyev held a phone call with Under Secretary of State for Political and "
            "Economic Affairs Wendy Sherman.",
            "Under Secretary of State for Political and Economic Affairs",
        ),
        (
            "Secretary Blinken spoke with Azerbaijani Minister of Labour, Employment and Social "
            "Protection Hikmat Hajiyev.",
            "Azerbaijani Minister of Labour, Employment and Social Protection",
        ),
    ],
)
def test_and_inside_a_title_does_not_cut_it(framing, title):
    parsed = parse(f" date 2022-10 On October 10, {framing}")
    assert parsed.participants[-1].title_as_written == title


@pytest.mark.parametrize(
    ("framing", "titles"),
    [
        ("President Aliyev and Secretary Blinken spoke by phone.", ["President", "Secretary"]),
        (
            "Secretary Blinken spoke with President Aliyev and Foreign Minister Bayramov.",
            ["Secretary", "President", "Foreign Minister"],
        ),
        (
            "Secretary Blinken spoke with Jeyhun Bayramov and Hikmat Hajiyev.",
            ["Secretary", "", ""],
        ),
    ],
)
def test_and_between_two_people_still_cuts_the_title(framing, titles):
    parsed = parse(f" date 2022-10 On October 10, {framing}")
    assert [p.title_as_written for p in parsed.participants] == titles


def test_and_between_two_titled_people_is_both_speakers():
    text = readout("President Aliyev and Secretary Blinken agreed to stay in touch.")
    assert speakers(text) == [BOTH]


# -- speakers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Secretary Blinken emphasized the partnership.", "antony-blinken"),
        ("Blinken emphasized the partnership.", "antony-blinken"),
        ("The Secretary highlighted energy cooperation.", "antony-blinken"),
        ("President Aliyev welcomed the talks.", "ilham-aliyev"),
        ("Aliyev welcomed the talks.", "ilham-aliyev"),
        ("The head of state noted the progress made.", "ilham-aliyev"),
        ("The Azerbaijani President thanked the Secretary.", "ilham-aliyev"),
        ("Noting recent escalation, the Secretary called for restraint.", "antony-blinken"),
        ("In response, President Aliyev stressed that peace was near.", "ilham-aliyev"),
    ],
)
def test_speaker_by_name_surname_and_role(sentence, speaker):
    assert speakers(readout(sentence)) == [speaker]


NEW_AMBASSADOR = (
    " date 2025-01 On January 15, Foreign Minister Jeyhun Bayramov had a phone call with {}."
)


@pytest.mark.parametrize(
    ("introduced", "subject"),
    [
        ("the new U.S. Ambassador Daniel Whitmore", "The Ambassador"),
        ("the new U.S. Ambassador Daniel Whitmore", "The U.S. Ambassador"),
        ("Daniel Whitmore, the incoming U.S. Ambassador to the country", "The Ambassador"),
        ("U.S. Deputy Ambassador Daniel Whitmore", "The Deputy Ambassador"),
    ],
)
def test_a_new_official_is_named_by_the_head_of_the_title(introduced, subject):
    text = readout(
        f"{subject} reaffirmed the commitment to peace.",
        "The Minister welcomed the Ambassador.",
        framing=NEW_AMBASSADOR.format(introduced),
    )
    parsed = parse(text)
    assert [s.speaker for s in parsed.statements] == ["daniel-whitmore", "jeyhun-bayramov"]
    assert not any(s.speaker_guessed for s in parsed.statements)


@pytest.mark.parametrize(
    ("introduced", "subject"),
    [
        ("U.S. Deputy Ambassador Daniel Whitmore", "The Ambassador"),
        ("the new U.S. Ambassador Daniel Whitmore", "The Secretary"),
    ],
)
def test_a_role_the_new_officials_title_does_not_hold_is_not_them(introduced, subject):
    text = readout(
        "The Minister welcomed the Ambassador.",
        f"{subject} stressed the commitment to peace.",
        framing=NEW_AMBASSADOR.format(introduced),
    )
    last = parse(text).statements[-1]
    assert last.speaker_guessed


def test_mister_and_surname_alone():
    text = readout(
        "Mr. Sullivan urged restraint. Mr. Hajiyev described the situation.",
        framing=" date 2022-12 On December 22, Jake Sullivan spoke with Hikmat Hajiyev.",
    )
    assert speakers(text) == ["jake-sullivan", "hikmat-hajiyev"]


@pytest.mark.parametrize("pronoun", ["He", "She"])
def test_pronoun_is_the_previous_speaker(pronoun):
    text = readout("President Aliyev welcomed the talks.", f"{pronoun} also stressed peace.")
    assert speakers(text) == ["ilham-aliyev", "ilham-aliyev"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Secretary Blinken and President Aliyev discussed the peace process.",
        "Blinken and Aliyev discussed the peace process.",
        "The sides discussed the peace process.",
        "The parties agreed to stay in touch.",
        "Both leaders welcomed the progress.",
        "All affirmed their commitment to negotiations.",
        "In these calls, they took stock of the progress made.",
        "The importance of the peace process was highlighted.",
        "It was agreed to continue the dialogue.",
    ],
)
def test_joint_subjects_and_passives_are_both(sentence):
    assert speakers(readout(sentence)) == [BOTH]


def test_passive_with_an_agent_is_the_agent():
    text = readout("The importance of energy was highlighted by the Secretary.")
    assert speakers(text) == ["antony-blinken"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("President Aliyev thanked Secretary Blinken for the call.", "ilham-aliyev"),
        ("The Secretary urged President Aliyev to release detainees.", "antony-blinken"),
    ],
)
def test_object_is_not_the_speaker(sentence, speaker):
    assert speakers(readout(sentence)) == [speaker]


def test_quotation_is_attributed_to_its_speaker():
    text = readout(
        "President Aliyev welcomed the talks.",
        "“We are ready to work with Armenia,” said Secretary Blinken.",
    )
    assert speakers(text) == ["ilham-aliyev", "antony-blinken"]


@pytest.mark.parametrize(
    ("sentence", "verb", "verb_class"),
    [
        ("The Secretary expressed concern over the escalation.", "expressed concern", "concern"),
        ("The Secretary called for restraint.", "called for", "urge"),
        ("President Aliyev welcomed the talks.", "welcomed", "welcome"),
        ("The Secretary reiterated U.S. support for peace.", "reiterated", "support"),
        ("The sides discussed energy.", "discussed", "discussion"),
        ("President Aliyev expressed his condolences.", "expressed", "condolence"),
    ],
)
def test_reporting_verb_and_class(sentence, verb, verb_class):
    statement = parse(readout(sentence)).statements[0]
    assert (statement.verb, statement.verb_class) == (verb, verb_class)


def test_topics_from_english_cues():
    parsed = parse(
        readout(
            "The Secretary stressed respect for human rights.",
            "President Aliyev discussed the delimitation of the border.",
        )
    )
    assert [s.topics for s in parsed.statements] == [["human-rights"], ["border-delimitation"]]


def test_white_house_publisher_and_us_side():
    parsed = parse(
        " date 2021-05 THE WHITE HOUSE\nMay 17, 2021\n\nNational Security Advisor Jake Sullivan "
        "spoke today with President Ilham Aliyev of Azerbaijan. Mr. Sullivan welcomed the talks."
    )
    assert parsed.publisher == "white-house"
    assert parsed.side == "US"
    assert parsed.date == dt.date(2021, 5, 17)


# -- officials the gazetteer does not know -----------------------------------------------------


def test_unknown_officials_with_non_latin_names_get_distinct_transliterated_slugs():
    parsed = parse(
        " date 2023-11 Secretary of State Antony J. Blinken spoke today with Armenian Foreign "
        "Minister Вардан Оганесян and Greek Foreign Minister Νίκος Σταθόπουλος. The Secretary "
        "welcomed the ministers’ commitment to continue direct dialogue."
    )
    unknown = [(p.name, p.slug) for p in parsed.participants if p.needs_review]
    assert unknown == [
        ("Вардан Оганесян", "vardan-oganesyan"),
        ("Νίκος Σταθόπουλος", "nikos-stathopoylos"),
    ]


def test_a_name_with_nothing_to_transliterate_still_gets_a_slug_of_its_own():
    first, second = slugify("‽"), slugify("⁂")
    assert first.startswith("official-") and second.startswith("official-")
    assert first != second
    assert slugify("‽") == first  # the same name always gets the same slug


def test_latin_slugs_stay_as_they_were():
    assert slugify("İlham Əliyev") == "ilham-eliyev"
    assert slugify("Jean-Yves Le Drian") == "jean-yves-le-drian"


@pytest.mark.parametrize("written", ["On the 5th of June", "On 5 June", "On June 5th"])
def test_a_day_and_month_in_their_english_orders(written):
    parsed = parse(
        f" date 2024-06 {written}, Secretary Antony Blinken spoke with President Ilham Aliyev."
        "\n\nThey discussed the peace process."
    )
    assert (parsed.date, parsed.date_precision) == (dt.date(2024, 6, 5), "day")


@pytest.mark.parametrize("verb", ["received", "answered", "took", "accepted"])
def test_the_one_a_call_came_from_is_the_initiator(verb):
    parsed = parse(
        f" date 2024-06 On June 5, Foreign Minister Jeyhun Bayramov {verb} a phone call from "
        "Secretary of State Antony Blinken.\n\nThey discussed the peace process."
    )
    assert parsed.initiator == "antony-blinken"
