"""Who called, when a sentence after the framing says so, in every language with rules.

The framing often says only that two officials spoke; a later sentence about the conversation
itself may add who asked for it. A sentence that reports what someone said of an initiative is
not such a sentence. None of these sentences is in the corpus.
"""

from __future__ import annotations

import pytest

from readouts.parsing.context import build_context
from readouts.parsing.initiator import tells_initiator

from .parsing_support import gazetteer, parse

EN_FRAMING = (
    " date 2023-04 On April 12, Foreign Minister Jeyhun Bayramov spoke by phone with U.S. "
    "Secretary of State Antony Blinken."
)
FR_FRAMING = (
    " date 2023-04 Le 12 avril, le ministre des Affaires étrangères Jeyhoun Baïramov s'est "
    "entretenu au téléphone avec le secrétaire d'État américain Antony Blinken."
)
AZ_FRAMING = (
    " date 2023-04 12 aprel 2023-cü il tarixində xarici işlər naziri Ceyhun Bayramov ilə ABŞ "
    "dövlət katibi Antoni Blinken arasında telefon danışığı olub."
)


def _readout(framing: str, *sentences: str) -> str:
    return framing + "\n\n" + " ".join(sentences)


@pytest.mark.parametrize(
    ("framing", "sentence", "initiator"),
    [
        (EN_FRAMING, "The telephone conversation was held at the initiative of the American "
         "side.", "antony-blinken"),
        (EN_FRAMING, "The call took place at the request of the Azerbaijani side.",
         "jeyhun-bayramov"),
        (EN_FRAMING, "This conversation was held at the request of Secretary Blinken.",
         "antony-blinken"),
        (FR_FRAMING, "L'entretien a eu lieu à l'initiative de la partie azerbaïdjanaise.",
         "jeyhun-bayramov"),
        (FR_FRAMING, "La conversation téléphonique s'est tenue à la demande de la partie "
         "américaine.", "antony-blinken"),
        (AZ_FRAMING, "Telefon söhbəti Azərbaycan tərəfinin xahişi ilə baş tutub.",
         "jeyhun-bayramov"),
        (AZ_FRAMING, "Danışıq ABŞ dövlət katibinin təşəbbüsü ilə keçirilib.", "antony-blinken"),
        (EN_FRAMING, "The conversation was held on the initiative of the American side.",
         "antony-blinken"),
        (EN_FRAMING, "The call was initiated by the Azerbaijani side.", "jeyhun-bayramov"),
        (FR_FRAMING, "L'entretien s'est tenu sur l'initiative de la partie américaine.",
         "antony-blinken"),
    ],
)  # fmt: skip
def test_a_later_sentence_about_the_conversation_says_who_called(framing, sentence, initiator):
    text = _readout(framing, sentence, _said(framing))
    assert parse(text).initiator == initiator


@pytest.mark.parametrize(
    ("framing", "sentence"),
    [
        (EN_FRAMING, "Minister Bayramov welcomed the talks held in Geneva at the initiative of "
         "the American side."),
        (EN_FRAMING, "Secretary Blinken welcomed the initiative of the Azerbaijani side."),
        (EN_FRAMING, "The meeting in Brussels took place at the request of the American side."),
        (FR_FRAMING, "Le ministre a salué l'initiative de la partie américaine."),
        (AZ_FRAMING, "Ceyhun Bayramov ABŞ tərəfinin təşəbbüsü ilə keçirilən danışıqları yüksək "
         "qiymətləndirib."),
    ],
)  # fmt: skip
def test_a_statement_about_an_initiative_does_not_say_who_called(framing, sentence):
    parsed = parse(_readout(framing, sentence, _said(framing)))
    assert parsed.initiator is None


def test_the_framing_cue_is_read_before_any_later_sentence():
    text = _readout(
        " date 2023-04 Foreign Minister Jeyhun Bayramov received a phone call from U.S. "
        "Secretary of State Antony Blinken.",
        "The conversation took place at the request of the Azerbaijani side.",
    )
    assert parse(text).initiator == "antony-blinken"


def test_the_initiative_sentence_is_told_apart_from_statements():
    """The predicate the engine can use to keep such a sentence out of the statements."""
    text = _readout(
        EN_FRAMING,
        "The phone conversation was held at the initiative of the American side.",
        "Minister Bayramov welcomed the talks held at the initiative of the American side.",
    )
    ctx = build_context(text, gazetteer())
    framing, initiative, statement = ctx.sentences
    assert [tells_initiator(ctx, s) for s in (framing, initiative, statement)] == [
        False,
        True,
        False,
    ]


@pytest.mark.parametrize("framing", [EN_FRAMING, FR_FRAMING, AZ_FRAMING])
def test_a_sentence_on_who_asked_for_the_call_is_not_a_statement(framing):
    sentence = {
        EN_FRAMING: "The conversation took place at the request of the American side.",
        FR_FRAMING: "L'entretien a eu lieu à la demande de la partie américaine.",
        AZ_FRAMING: "Telefon danışığı ABŞ tərəfinin xahişi ilə baş tutub.",
    }[framing]
    parsed = parse(_readout(framing, sentence, _said(framing)))
    assert [s.text for s in parsed.statements] == [_said(framing)]


def _said(framing: str) -> str:
    """A statement after the sentence under test, in the framing's language."""
    if framing is FR_FRAMING:
        return "Le ministre a informé son interlocuteur du processus de paix."
    if framing is AZ_FRAMING:
        return "Nazir Ceyhun Bayramov sülh prosesi barədə məlumat verib."
    return "The Minister informed the Secretary about the peace process."


def test_an_azerbaijani_gerund_of_calling_says_who_called():
    parsed = parse(
        " date 2023-04 Xarici işlər naziri Ceyhun Bayramov ABŞ dövlət katibi Antoni Blinkenə "
        "zəng edərək regional vəziyyəti müzakirə edib."
    )
    assert parsed.initiator == "jeyhun-bayramov"
