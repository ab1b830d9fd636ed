"""Mentions by phenomenon, on made-up sentences: what the thesaurus's labels find, and how.

The thesaurus is an input of the parser (``parse_readout``'s ``concepts``), as the gazetteer and
the topic cues are; these tests read it from fixtures/thesaurus.json, except where a made-up
concept shows that a label is found only because the input brings it.
"""

from __future__ import annotations

from readouts.parsing import Concept, parse_readout

from .parsing_support import gazetteer, parse, topics

EN = " date 2022-06 Secretary of State Antony Blinken spoke by phone with President Ilham Aliyev."
FR = (
    " date 2022-06 Le président de la République Ilham Aliyev a reçu le 5 juin un coup de fil "
    "du secrétaire d'État américain Antony Blinken."
)
AZ = (
    " date 2022-06 5 iyun 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
    "Antoni Blinken arasında telefon danışığı olub."
)


def mentioned(framing: str, body: str, concepts=None) -> list[tuple[str, str]]:
    text = framing + "\n\n" + body
    parsed = (
        parse(text) if concepts is None else parse_readout(text, gazetteer(), topics(), concepts)
    )
    return [(m.kind, m.name) for m in parsed.mentions if m.kind != "person"]


def test_a_label_in_each_language_names_the_same_place():
    assert mentioned(EN, "The Secretary spoke of the meeting in Brussels.") == [
        ("place", "Brussels")
    ]
    assert mentioned(FR, "Antony Blinken a évoqué la réunion de Bruxelles.") == [
        ("place", "Brussels")
    ]
    assert mentioned(AZ, "Antoni Blinken Brüssel görüşü barədə danışıb.") == [("place", "Brussels")]


def test_azerbaijani_case_endings_on_a_label():
    found = mentioned(
        AZ,
        "İlham Əliyev Laçın yolunun vəziyyəti barədə məlumat verib. O, Qarabağda bərpa "
        "işlərindən danışıb.",
    )
    assert found == [("place", "Lachin road"), ("place", "Karabakh")]


def test_a_case_ending_after_a_hyphen_on_an_acronym():
    found = mentioned(AZ, "XİN-dən bildirilib ki, tərəflər vəziyyəti müzakirə ediblər.")
    assert found == [("organization", "Azerbaijani Foreign Ministry")]


def test_french_elision_before_a_label():
    found = mentioned(
        FR, "Antony Blinken a salué le rôle de l'OSCE et la position d’Erevan sur la question."
    )
    assert found == [("organization", "OSCE"), ("place", "Yerevan")]


def test_a_label_inside_a_longer_word_is_not_found():
    assert mentioned(EN, "The Secretary met Iranian and Ukrainian experts at UNESCO.") == []
    # French "eu" (had) is not the EU, and a positive trend is not the agency Trend.
    assert mentioned(FR, "Antony Blinken a dit qu'il y a eu des progrès.") == []
    assert mentioned(EN, "The President noted a positive trend in the talks.") == []


def test_a_hyphen_joins_words_without_hiding_a_label():
    found = mentioned(EN, "The Secretary welcomed the EU-brokered talks on Turkey-Armenia ties.")
    assert found == [("organization", "EU"), ("place", "Turkey"), ("place", "Armenia")]


def test_the_longest_label_wins():
    found = mentioned(
        FR,
        "Antony Blinken a évoqué le corridor de Latchine et le Groupe de Minsk de l'OSCE.",
    )
    assert found == [("place", "Lachin corridor"), ("organization", "OSCE Minsk Group")]


def test_the_same_concept_by_two_spellings_is_one_mention():
    found = mentioned(
        EN, "The Secretary spoke of Karabakh. The President said Garabagh is Azerbaijan."
    )
    assert found == [("place", "Karabakh")]


def test_an_english_readout_names_a_mention_by_the_label_it_uses():
    assert mentioned(EN, "The Secretary spoke of the Russian Federation.") == [
        ("place", "Russian Federation")
    ]
    # In French the English name is the concept's preferred one.
    assert mentioned(FR, "Antony Blinken a évoqué la Fédération de Russie.") == [
        ("place", "Russia")
    ]


def test_a_participants_country_and_an_officials_title_are_not_mentions():
    found = mentioned(
        EN,
        "The President spoke for Azerbaijan. Head of the Foreign Relations Department of the "
        "Presidential Administration Hikmat Hajiyev was present.",
    )
    assert found == []


ATLANTIS = Concept(
    slug="atlantis",
    kind="place",
    name="Atlantis",
    labels=(("en", "Atlantis"), ("fr", "Atlantide"), ("az", "Atlantida")),
)


def test_a_concept_arrives_through_the_thesaurus_input_only():
    body = "Antony Blinken a évoqué l'Atlantide et Bruxelles."
    assert mentioned(FR, body, concepts=()) == []  # the parser knows no place of its own
    assert mentioned(FR, body, concepts=(ATLANTIS,)) == [("place", "Atlantis")]
    assert mentioned(AZ, "Antoni Blinken Atlantidada olub.", concepts=(ATLANTIS,)) == [
        ("place", "Atlantis")
    ]


def test_a_label_two_concepts_share_names_neither():
    twin = Concept("atlantis-city", "place", "Atlantis City", (("en", "Atlantis"),))
    body = "The Secretary spoke of Atlantis."
    assert mentioned(EN, body, concepts=(ATLANTIS, twin)) == []


def test_a_later_officials_title_does_not_swallow_what_comes_before_it():
    """A title is one noun phrase: a verb, a break or a preposition before its head ends what
    came before, so the summit or the city named earlier in the sentence stays a mention."""
    assert ("document", "Washington Peace Summit") in mentioned(
        EN,
        "The President recalled the agreements reached at the Washington Peace Summit in the "
        "presence of President Donald Trump.",
    )
    assert ("place", "Brussels") in mentioned(
        EN, "The Secretary praised the Brussels meeting in the presence of President Donald Trump."
    )
    assert ("document", "Washington summit declaration") in mentioned(
        FR,
        "Antony Blinken a rappelé la déclaration signée lors du sommet de Washington et a salué "
        "le rôle personnel du président Donald Trump.",
    )


def test_what_a_later_officials_title_names_is_still_the_title():
    french = "Antony Blinken a salué le nouvel ambassadeur des États-Unis à Bakou, Mark Libby."
    assert mentioned(FR, french) == []
    english = "The Secretary thanked U.S. Special Envoy for the Middle East Steve Witkoff."
    assert mentioned(EN, english) == []


def test_the_title_of_a_new_official_after_the_name_is_not_a_mention():
    framing = (
        " date 2024-12 Foreign Minister Jeyhun Bayramov had a phone call with Nora Whitcombe, "
        "the new U.S. Ambassador in Baku."
    )
    assert mentioned(framing, "The Minister wished her success.") == []


def people(framing: str, body: str) -> list[str]:
    return [m.name for m in parse(framing + "\n\n" + body).mentions if m.kind == "person"]


def test_a_person_named_by_a_title_and_the_surname_alone():
    assert people(EN, "They discussed the upcoming meeting with Council President Michel.") == [
        "Charles Michel"
    ]
    assert people(FR, "Ilham Aliyev a salué les efforts du président Michel.") == ["Charles Michel"]
    assert people(EN, "Blinken welcomed the talks hosted by Chancellor Scholz in Munich.") == [
        "Olaf Scholz"
    ]


def test_a_surname_alone_without_a_title_names_no_one():
    # "Michel" may be a first name or a word on its own; a first name after a title, too.
    assert people(EN, "The Secretary thanked Michel and the team for the arrangements.") == []
    assert people(EN, "The Secretary praised President Michel Temer's visit to Baku.") == []


def test_a_person_named_in_full_and_then_by_title_is_mentioned_once():
    found = people(
        EN,
        "The President briefed him on the talks with Charles Michel. President Michel had "
        "hosted the leaders in Brussels.",
    )
    assert found == ["Charles Michel"]


def test_a_titled_surname_in_french_and_with_an_azerbaijani_case_ending():
    assert people(
        FR, "Antony Blinken a salué la rencontre organisée par le chancelier Scholz."
    ) == ["Olaf Scholz"]
    assert people(
        AZ, "İlham Əliyev Avropa İttifaqı Şurasının Prezidenti Mişelin səylərini qiymətləndirib."
    ) == ["Charles Michel"]


def test_a_datelines_place_is_where_the_readout_was_published_not_a_mention():
    framing = "Secretary Antony Blinken spoke by phone with President Ilham Aliyev on June 5."
    assert mentioned(f" date 2022-06 BAKU, Azerbaijan, June 6.\n\n{framing}", "They spoke.") == []
    assert mentioned(f" date 2022-06 Trend, Baku, June 6\n\n{framing}", "They spoke.") == [
        ("organization", "Trend")
    ]
    assert mentioned(
        f" date 2022-06 WASHINGTON, June 6\n\n{framing}", "Blinken invited him to Baku."
    ) == [("place", "Baku")]
    french = (
        " date 2022-06 Bakou, 6 juin, AZERTAC\n\nLe président Ilham Aliyev a reçu le 5 juin un "
        "coup de fil du secrétaire d'État américain Antony Blinken."
    )
    assert mentioned(french, "Les parties ont évoqué la réunion de Bruxelles.") == [
        ("organization", "AZERTAC"),
        ("place", "Brussels"),
    ]
    azerbaijani = (
        " date 2022-06 Bakı, 6 iyun, AZƏRTAC\n\n5 iyun 2022-ci il tarixində Prezident İlham "
        "Əliyev ilə ABŞ dövlət katibi Antoni Blinken arasında telefon danışığı olub."
    )
    assert ("place", "Baku") not in mentioned(
        azerbaijani, "Tərəflər sülh prosesini müzakirə ediblər."
    )


def test_the_dateline_place_named_again_in_the_text_is_a_mention():
    text = (
        " date 2022-06 BAKU, Azerbaijan, June 6.\n\nSecretary Antony Blinken spoke by phone with "
        "President Ilham Aliyev on June 5."
    )
    assert mentioned(text, "Baku, the President said, is ready for talks.") == [("place", "Baku")]


def test_a_line_of_the_text_that_opens_with_a_place_and_a_date_is_no_dateline():
    found = mentioned(
        EN, "They recalled the statement.\n\nMoscow, 10 November 2020: it was signed."
    )
    assert found == [("place", "Moscow")]


def test_a_surname_with_a_case_ending_is_no_first_name():
    assert people(AZ, "Tərəflər Prezident Mişelin Brüssel görüşünü müzakirə ediblər.") == [
        "Charles Michel"
    ]


def test_a_surname_two_people_share_names_neither():
    # Armen Sarkissian and Serzh Sargsyan, Armen and Mher Grigoryan
    assert people(EN, "They discussed the meeting with Armenian President Sarkissian.") == []
    assert people(EN, "The commission chaired by Deputy Prime Minister Grigoryan met.") == []


def test_an_officials_name_inside_the_label_of_something_else_mentions_no_one():
    body = (
        "The Secretary welcomed progress on the Trump Route for International Peace and Prosperity."
    )
    parsed = parse(EN + "\n\n" + body)
    assert [(m.kind, m.name) for m in parsed.mentions] == [
        ("place", "Trump Route for International Peace and Prosperity")
    ]
    parsed = parse(EN + "\n\nThe Secretary conveyed the greetings of President Trump.")
    assert [m.official_slug for m in parsed.mentions] == ["donald-trump"]


def test_a_press_statement_signed_above_its_dateline():
    """The State Department's press statements of 2017-2021: the spokesperson's name on a line
    of its own, the title below, then the place and, on the next line, the date."""
    parsed = parse(
        " date 2018-05 Secretary Pompeo's Call with Azerbaijani President Aliyev\n\n"
        "Press Statement\n\nHeather Nauert\nDepartment Spokesperson\n\nWashington, DC\n"
        "May 5, 2018\n\nSecretary of State Michael R. Pompeo spoke by phone with President "
        "Ilham Aliyev of Azerbaijan on May 4. The Secretary thanked him for his support."
    )
    assert [(m.kind, m.name) for m in parsed.mentions] == [("person", "Heather Nauert")]
    assert {p.slug for p in parsed.participants} == {"mike-pompeo", "ilham-aliyev"}


def test_a_place_on_a_line_of_its_own_in_the_text_is_still_a_mention():
    parsed = parse(EN + "\n\nThe Secretary spoke of the talks held in\nBrussels\nlast week.")
    assert ("place", "Brussels") in [(m.kind, m.name) for m in parsed.mentions]


def test_a_heading_above_department_spokesperson_is_no_spokesperson():
    parsed = parse(
        " date 2018-05 Readout Of The Call\nDepartment Spokesperson\n\nSecretary of State "
        "Michael R. Pompeo spoke by phone with President Ilham Aliyev of Azerbaijan."
    )
    assert [m.name for m in parsed.mentions if m.kind == "person"] == []
