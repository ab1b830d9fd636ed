"""French rule set, one cue at a time, on short made-up readouts (not only the seeds)."""

from __future__ import annotations

import datetime as dt

import pytest

from readouts.parsing import BOTH, ParseError, decode_readout
from readouts.parsing.text import fold_same_length

from .parsing_support import parse

ALIYEV_CALLED = (
    " date 2021-05 Le 17 mai, le Président de la République d'Azerbaïdjan, Ilham Aliyev, "
    "a reçu un appel téléphonique du Secrétaire d'État américain, Antony Blinken."
)


def readout(*sentences: str, framing: str = ALIYEV_CALLED) -> str:
    return framing + "\n\n" + " ".join(sentences)


def speakers(text: str) -> list[str]:
    return [s.speaker for s in parse(text).statements]


# -- framing and initiator ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("framing", "initiator"),
    [
        ("Ilham Aliyev a reçu un coup de fil d'Antony Blinken.", "antony-blinken"),
        ("Ilham Aliyev a reçu un coup de téléphone de Jake Sullivan.", "jake-sullivan"),
        ("Jeyhun Bayramov a reçu un appel téléphonique d'Antony Blinken.", "antony-blinken"),
        ("Antony Blinken a appelé Ilham Aliyev.", "antony-blinken"),
        ("Ilham Aliyev a téléphoné à Antony Blinken.", "ilham-aliyev"),
        ("Jeyhun Bayramov s'est entretenu au téléphone avec Antony Blinken.", None),
        ("Ilham Aliyev et Antony Blinken ont eu un entretien téléphonique.", None),
    ],
)
def test_framing_variants_and_initiator(framing, initiator):
    parsed = parse(f" date 2022-10 Le 10 octobre, {framing}")
    assert parsed.initiator == initiator
    assert len(parsed.participants) == 2


@pytest.mark.parametrize(
    "framing",
    [
        "Ilham Aliyev s'est entretenu par vidéoconférence avec Antony Blinken.",
        "Ilham Aliyev et Antony Blinken ont tenu une visioconférence.",
        "Ilham Aliyev s'est entretenu par liaison vidéo avec Antony Blinken.",
        "Ilham Aliyev et Antony Blinken se sont entretenus en visio.",
        "Ilham Aliyev et Antony Blinken ont tenu une réunion virtuelle.",
        "Ilham Aliyev a eu un entretien en ligne avec Antony Blinken.",
    ],
)
def test_video_and_online_calls_are_framings(framing):
    parsed = parse(f" date 2022-10 Le 10 octobre, {framing} Antony Blinken a salué la paix.")
    assert {p.slug for p in parsed.participants} == {"antony-blinken", "ilham-aliyev"}
    assert not any(r.kind == "framing" for r in parsed.review_reasons)
    assert [s.speaker for s in parsed.statements] == ["antony-blinken"]


@pytest.mark.parametrize("earlier", ["la visioconférence", "leur dernière réunion virtuelle"])
def test_a_past_video_call_named_later_is_not_the_framing(earlier):
    parsed = parse(
        " date 2022-10 Le 10 octobre, Ilham Aliyev a reçu Antony Blinken à Bakou. "
        f"Antony Blinken a rappelé {earlier} du 5 mai."
    )
    assert {p.slug for p in parsed.participants} == {"antony-blinken", "ilham-aliyev"}
    assert any(r.kind == "framing" for r in parsed.review_reasons)


def test_a_meeting_in_person_is_not_a_call():
    with pytest.raises(ParseError, match="no call framing"):
        parse(" date 2022-10 Ilham Aliyev a tenu une réunion avec Antony Blinken à Bakou.")


def test_no_call_framing_is_an_error():
    with pytest.raises(ParseError, match="no call framing"):
        parse(" date 2022-10 Ilham Aliyev a reçu Antony Blinken à Bakou.")


def test_no_participant_is_an_error():
    with pytest.raises(ParseError, match="no participant"):
        parse(" date 2022-10 Le président a reçu un appel téléphonique de son homologue.")


def test_empty_text_is_an_error():
    with pytest.raises(ParseError, match="empty"):
        parse("  \n\n ")


# -- participants -----------------------------------------------------------------------------


def test_title_as_written_and_office_on_the_call_date():
    parsed = parse(readout("Les parties ont discuté de la paix."))
    titles = {p.slug: (p.title_as_written, p.office) for p in parsed.participants}
    assert titles == {
        "ilham-aliyev": ("Président de la République d'Azerbaïdjan", "az-president"),
        "antony-blinken": ("Secrétaire d'État américain", "us-secretary-of-state"),
    }


def test_unknown_titled_person_needs_review():
    framing = (
        " date 2021-06 Le 3 juin, le ministre des Affaires étrangères Jeyhun Bayramov a reçu "
        "un appel téléphonique du vice-secrétaire d'État américain Paul Marchetti."
    )
    parsed = parse(readout("Paul Marchetti a souligné l'importance de la paix.", framing=framing))
    newcomer = next(p for p in parsed.participants if p.needs_review)
    assert (newcomer.name, newcomer.slug, newcomer.country) == (
        "Paul Marchetti",
        "paul-marchetti",
        "US",
    )
    assert newcomer.title_as_written == "vice-secrétaire d'État américain"
    assert parsed.initiator == "paul-marchetti"
    assert any("Paul Marchetti" in w and "needs review" in w for w in parsed.warnings)


def test_known_official_is_found_under_a_title_as_written():
    framing = (
        " date 2021-06 Le 3 juin, le ministre des Affaires étrangères Jeyhun Bayramov a reçu "
        "un appel téléphonique de la vice-secrétaire d'État américaine Wendy Sherman."
    )
    parsed = parse(readout("Wendy Sherman a souligné l'importance de la paix.", framing=framing))
    sherman = next(p for p in parsed.participants if p.slug == "wendy-sherman")
    assert not sherman.needs_review
    assert sherman.office == "us-deputy-secretary-of-state"
    assert parsed.initiator == "wendy-sherman"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("l'envoyée spéciale américaine", "Jane Roe"),
        ("l'ambassadrice américaine", "Nora Whitcombe"),
        ("l'assistant du secrétaire d'État américain", "Peter Haldane"),
    ],
)
def test_a_title_after_an_elided_article_introduces_a_new_official(title, name):
    framing = (
        " date 2024-05 Le 20 mai, le ministre des Affaires étrangères Jeyhun Bayramov s'est "
        f"entretenu au téléphone avec {title} {name}."
    )
    parsed = parse(readout("Les parties ont discuté de la paix.", framing=framing))
    newcomer = next(p for p in parsed.participants if p.needs_review)
    assert (newcomer.name, newcomer.country) == (name, "US")
    assert newcomer.title_as_written == title[2:]  # without the article


# -- speakers -----------------------------------------------------------------------------------


def test_name_subject():
    assert speakers(readout("Antony Blinken a souligné l'importance de la paix.")) == [
        "antony-blinken"
    ]


@pytest.mark.parametrize("pronoun", ["Il", "Elle"])
def test_pronoun_is_the_previous_speaker(pronoun):
    parsed = parse(
        readout(
            "Ilham Aliyev a évoqué la situation dans la région.",
            f"{pronoun} a également rappelé l'importance du processus de paix.",
        )
    )
    assert [s.speaker for s in parsed.statements] == ["ilham-aliyev", "ilham-aliyev"]
    assert not parsed.statements[1].speaker_guessed


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Le chef de l'État", "ilham-aliyev"),
        ("Le chef de l'Etat", "ilham-aliyev"),
        ("Le Président azerbaïdjanais", "ilham-aliyev"),
        ("Le président de la République d'Azerbaïdjan", "ilham-aliyev"),
        ("Le Secrétaire d'État", "antony-blinken"),
        ("Le Secrétaire d'État américain", "antony-blinken"),
        ("Le chef de la diplomatie américaine", "antony-blinken"),
    ],
)
def test_role_phrase_resolves_to_the_office_holder(subject, speaker):
    assert speakers(readout(f"{subject} a souligné l'importance de la paix.")) == [speaker]


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Le ministre", "jeyhun-bayramov"),
        ("Le chef de la diplomatie azerbaïdjanaise", "jeyhun-bayramov"),
        ("Le conseiller à la sécurité nationale", "jake-sullivan"),
    ],
)
def test_role_phrases_for_ministers_and_advisers(subject, speaker):
    framing = (
        " date 2022-10 Le 5 octobre, le ministre des Affaires étrangères Jeyhun Bayramov a reçu "
        "un coup de fil du conseiller à la sécurité nationale Jake Sullivan."
    )
    text = readout(f"{subject} a souligné l'importance de la paix.", framing=framing)
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Jugeant la rencontre utile, Antony Blinken a déclaré que la paix était possible.",
        "Pour sa part, le président Ilham Aliyev a salué la rencontre.",
        "A cet égard, il a souligné l'importance de la paix.",
        "Au cours de la conversation téléphonique, le Secrétaire d'État américain Antony Blinken "
        "a qualifié les réunions de positives.",
    ],
)
def test_fronted_clause_is_skipped(sentence):
    first = "Ilham Aliyev a évoqué la situation." if "il a" in sentence else ""
    parsed = parse(readout(first, sentence) if first else readout(sentence))
    statement = parsed.statements[-1]
    expected = "ilham-aliyev" if ("Aliyev" in sentence or first) else "antony-blinken"
    assert statement.speaker == expected
    assert not statement.speaker_guessed


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Antony Blinken a exprimé ses condoléances au chef de l'État.", "antony-blinken"),
        ("Le président Ilham Aliyev a demandé au Secrétaire d'État d'agir.", "ilham-aliyev"),
        ("Les rencontres à l'initiative de Jake Sullivan ont été évoquées.", BOTH),
        ("Les rencontres ont été évoquées par le chef de l'État.", "ilham-aliyev"),
        ("Le rôle de Jake Sullivan a été salué par Antony Blinken.", "antony-blinken"),
        (
            "Ilham Aliyev a exprimé son accord avec le Secrétaire d'État américain.",
            "ilham-aliyev",
        ),
        (
            "Répondant au Secrétaire d'État Antony Blinken, le président Ilham Aliyev a déclaré "
            "que la paix était proche.",
            "ilham-aliyev",
        ),
    ],
)
def test_object_or_prepositional_name_is_not_the_speaker(sentence, speaker):
    assert speakers(readout(sentence)) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "Les parties ont discuté des relations bilatérales.",
        "Les deux parties ont exprimé leur satisfaction.",
        "Les interlocuteurs ont échangé leurs vues sur la région.",
        "L'importance de la coopération a été évoquée.",
        "Au cours de l'entretien, les parties ont également discuté de la paix.",
    ],
)
def test_joint_subjects_and_passives_are_both(sentence):
    assert speakers(readout(sentence)) == [BOTH]


@pytest.mark.parametrize(
    ("sentence", "speaker", "verb"),
    [
        ("Le chef de l'État l'a remercié pour son soutien.", "ilham-aliyev", "a remercié"),
        ("Le président l’a informé de la situation sur le terrain.", "ilham-aliyev", "a informé"),
        (
            "Ilham Aliyev les a informés des travaux de reconstruction.",
            "ilham-aliyev",
            "a informés",
        ),
        ("Le chef de l'État lui a fait part de ses attentes.", "ilham-aliyev", "a fait part"),
        ("Le Président leur a présenté les résultats.", "ilham-aliyev", "a présenté"),
        ("Le président Ilham Aliyev l'en a vivement remercié.", "ilham-aliyev", "a remercié"),
        ("Le chef de l’État l’avait déjà invité à Bakou.", "ilham-aliyev", "avait invité"),
        ("Il l'a félicité pour cette signature.", "antony-blinken", "a félicité"),
        ("Elle les a remerciés de leur accueil.", "antony-blinken", "a remerciés"),
    ],
)
def test_object_pronoun_before_the_auxiliary_leaves_the_subject_before_it(sentence, speaker, verb):
    parsed = parse(readout("Antony Blinken a salué les progrès.", sentence))
    last = parsed.statements[-1]
    assert (last.speaker, last.verb, last.speaker_guessed) == (speaker, verb, False)


def test_reflexive_pronoun_with_en_is_not_a_passive():
    parsed = parse(readout("Antony Blinken a salué les progrès.", "Il s'en est félicité."))
    assert [s.speaker for s in parsed.statements] == ["antony-blinken", "antony-blinken"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "verb"),
    [
        ("Il y a deux semaines, le chef de l'État a salué l'accord.", "ilham-aliyev", "a salué"),
        ("Le chef de l'État a remercié les partenaires.", "ilham-aliyev", "a remercié"),
        ("Antony Blinken a informé leur délégation.", "antony-blinken", "a informé"),
        ("Les deux parties se sont félicitées de l'accord.", BOTH, "se sont félicitées"),
    ],
)
def test_no_object_pronoun_before_the_auxiliary_changes_nothing(sentence, speaker, verb):
    last = parse(readout("Antony Blinken a salué les progrès.", sentence)).statements[-1]
    assert (last.speaker, last.verb) == (speaker, verb)


def test_unclear_subject_falls_back_to_previous_speaker_with_a_warning():
    parsed = parse(
        readout("Antony Blinken a souligné la paix.", "Un accord reste possible, selon lui.")
    )
    last = parsed.statements[-1]
    assert (last.speaker, last.speaker_guessed) == ("antony-blinken", True)
    assert any("statement 2" in w and "guessed" in w for w in parsed.warnings)


# -- reporting verbs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "verb_class"),
    [
        ("Jake Sullivan s'est dit préoccupé par les tensions.", "s'est dit préoccupé", "concern"),
        ("Il a également souligné l'importance de la paix.", "a souligné", "emphasis"),
        ("Il a appelé à la retenue.", "a appelé", "urge"),
        ("Il a salué la libération des prisonniers.", "a salué", "welcome"),
        ("Il a exprimé son accord avec cette idée.", "a exprimé", "agreement"),
        ("Il a réaffirmé son soutien au processus.", "a réaffirmé", "support"),
        ("Il a informé son interlocuteur des progrès.", "a informé", "information"),
        ("Il a dit espérer un accord rapide.", "a dit espérer", "hope"),
        ("Il a exprimé ses condoléances aux familles.", "a exprimé", "condolence"),
        ("Les parties ont discuté de la situation.", "ont discuté", "discussion"),
        ("L'importance de la paix a été évoquée.", "a été évoquée", "discussion"),
        ("Il a fait le point sur le déminage.", "a fait le point", "information"),
        ("Il a donné des informations sur les pourparlers.", "a donné des informations",
         "information"),
        ("Il a donné des précisions sur le calendrier.", "a donné des précisions", "information"),
        ("Il a assuré que les États-Unis resteraient engagés.", "a assuré", "support"),
        ("Il a souligné le point essentiel de l'accord.", "a souligné", "emphasis"),
    ],
)  # fmt: skip
def test_reporting_verb_as_written_and_class(sentence, verb, verb_class):
    statement = parse(readout("Antony Blinken a évoqué la paix.", sentence)).statements[-1]
    assert (statement.verb, statement.verb_class) == (verb, verb_class)


# -- dates --------------------------------------------------------------------------------------


def test_day_from_the_text():
    parsed = parse(readout("Les parties ont discuté."))
    assert (parsed.date, parsed.date_precision) == (dt.date(2021, 5, 17), "day")


def test_weekday_mismatch_is_a_warning():
    framing = ALIYEV_CALLED.replace("Le 17 mai", "Dans la soirée du lundi 18 mai")
    parsed = parse(readout("Les parties ont discuté.", framing=framing))
    assert parsed.date == dt.date(2021, 5, 18)
    assert "the text says lundi but 2021-05-18 is a Tuesday" in parsed.warnings


def test_no_day_in_text_uses_the_header_month():
    framing = ALIYEV_CALLED.replace("Le 17 mai, le", "Le")
    parsed = parse(readout("Les parties ont discuté.", framing=framing))
    assert (parsed.date, parsed.date_precision) == (dt.date(2021, 5, 1), "month")
    assert "no day in text; date is the header's month" in parsed.warnings


def test_text_without_header_takes_the_date_from_the_text():
    text = (
        "Le 10 octobre 2022, Ilham Aliyev a reçu un coup de téléphone d'Antony Blinken.\n\n"
        "Les parties ont discuté de la paix."
    )
    parsed = parse(text)
    assert (parsed.date, parsed.date_precision) == (dt.date(2022, 10, 10), "day")
    assert parsed.body == text


def test_text_without_header_or_full_date_is_an_error():
    with pytest.raises(ParseError, match="no date: neither a header nor a date in the text"):
        parse("Le 10 octobre, Ilham Aliyev a reçu un coup de téléphone d'Antony Blinken.")


@pytest.mark.parametrize("header", [" date 2021-13", " date soon", "date 2021/05"])
def test_unreadable_header_is_an_error(header):
    with pytest.raises(ParseError, match="unreadable header"):
        parse(header + " Le 10 octobre, Ilham Aliyev a reçu un appel d'Antony Blinken.")


# -- topics, mentions ---------------------------------------------------------------------------


def test_topics_match_inflections_and_the_call_takes_their_union():
    parsed = parse(
        readout(
            "Antony Blinken a évoqué la délimitation de la frontière.",
            "Ilham Aliyev a parlé des prisonniers et du traité de paix.",
        )
    )
    assert parsed.statements[0].topics == ["border-delimitation"]
    assert set(parsed.statements[1].topics) == {"peace-treaty", "prisoners"}
    assert set(parsed.topics) == {"border-delimitation", "peace-treaty", "prisoners"}


def test_mentions_people_organisations_places_documents():
    parsed = parse(
        readout(
            "Antony Blinken a salué le rôle de Jake Sullivan et du CICR à Bruxelles.",
            "Ilham Aliyev a rappelé la déclaration trilatérale du 10 novembre 2020 et le "
            "corridor de Latchine.",
        )
    )
    found = {(m.kind, m.name, m.official_slug) for m in parsed.mentions}
    assert found == {
        ("person", "Jake Sullivan", "jake-sullivan"),
        ("organization", "International Committee of the Red Cross", None),
        ("place", "Brussels", None),
        ("place", "Lachin corridor", None),
        ("document", "Trilateral statement of 10 November 2020", None),
    }


# -- text: verbatim, sentences, decoding --------------------------------------------------------


def test_statements_are_exact_slices_of_the_verbatim_text():
    text = readout(
        "Le président Ilham Aliyev a rappelé que plus de 3 900 citoyens ont disparu.",
        "Il a cité la déclaration du 10 novembre 2020.",
        "Antony J. Blinken a salué le rôle des U.S. partenaires et de M. Sullivan.",
        "L’importance de la paix a été évoquée\u00a0!",
    )
    parsed = parse(text)
    assert parsed.text == text
    assert len(parsed.statements) == 4
    for statement in parsed.statements:
        assert statement.text in text
    assert parsed.statements[-1].text == "L’importance de la paix a été évoquée\u00a0!"


def test_fold_keeps_length_and_strips_azerbaijani_letters():
    assert fold_same_length("İlham Əliyev’s ŞÇÖÜĞı\u00a0É") == "ilham eliyev's scougi e"
    assert len(fold_same_length("Ə’\u00a0")) == 3


def test_decode_accepts_utf8_with_bom():
    assert decode_readout("\ufeff date 2021-05 Texte".encode()) == " date 2021-05 Texte"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (b"abc\x00def", r"binary file \(NUL byte at offset 3\)"),
        ("évoqué".encode("latin-1"), r"not UTF-8 \(invalid byte at offset 0\)"),
        (b"a" * 1_000_001, r"too large \(1000001 bytes; the limit is 1 MB\)"),
    ],
)
def test_decode_errors_give_the_reason(raw, message):
    with pytest.raises(ParseError, match=message):
        decode_readout(raw)


def test_language_detection_and_refusal_without_a_rule_set(monkeypatch):
    from readouts.parsing import detect_language, engine

    assert detect_language("Les parties ont discuté de la paix et de la sécurité.") == "fr"
    english = " date 2024-04 Secretary of State Antony J. Blinken spoke today with Ilham Aliyev."
    assert detect_language(english) == "en"
    assert parse(english).language == "en"
    monkeypatch.delitem(engine.RULE_SETS, "en")
    with pytest.raises(ParseError, match="no rules yet for readouts in language 'en'"):
        parse(english)


# -- variants: neutral framing, titles, feminine pronoun, quotations, agency datelines ---------

BAYRAMOV_SHERMAN = (
    " date 2023-03 Bakou, 9 mars, AZERTAC\n\n"
    "Le ministre des Affaires étrangères Djeyhoun Baïramov a eu un entretien téléphonique avec "
    "la secrétaire d'État adjointe américaine Wendy Sherman."
)


def test_agency_dateline_neutral_framing_and_french_spellings():
    parsed = parse(BAYRAMOV_SHERMAN)
    assert (parsed.date, parsed.date_precision) == (dt.date(2023, 3, 9), "day")
    assert parsed.publisher == "azertac"
    assert parsed.initiator is None
    assert [p.slug for p in parsed.participants] == ["jeyhun-bayramov", "wendy-sherman"]


def test_se_sont_entretenus_has_no_initiator_and_aliev_is_aliyev():
    parsed = parse(
        " date 2022-10 Le 10 octobre, Ilham Aliev et Antony Blinken se sont entretenus "
        "par téléphone."
    )
    assert parsed.initiator is None
    assert [p.slug for p in parsed.participants] == ["ilham-aliyev", "antony-blinken"]


@pytest.mark.parametrize(
    "subject", ["Le ministre", "Le chef de la diplomatie azerbaïdjanaise", "Djeyhoun Baïramov"]
)
def test_foreign_minister_by_title(subject):
    text = BAYRAMOV_SHERMAN + f"\n\n{subject} a souligné l'importance du processus de paix."
    assert speakers(text) == ["jeyhun-bayramov"]


def test_feminine_pronoun_is_the_previous_speaker():
    text = BAYRAMOV_SHERMAN + (
        "\n\nWendy Sherman a salué les progrès. Elle a dit espérer un traité de paix."
    )
    assert speakers(text) == ["wendy-sherman", "wendy-sherman"]


def test_quotation_is_attributed_to_its_speaker():
    text = BAYRAMOV_SHERMAN + (
        "\n\nWendy Sherman a salué les progrès. « L'Azerbaïdjan est prêt à signer un traité de "
        "paix avec l'Arménie », a déclaré le ministre."
    )
    parsed = parse(text)
    assert [s.speaker for s in parsed.statements] == ["wendy-sherman", "jeyhun-bayramov"]
    assert parsed.statements[1].topics == ["peace-treaty"]


def test_hier_counts_from_the_dateline():
    parsed = parse(
        " date 2023-03 Bakou, 9 mars, AZERTAC\n\nHier, le président Ilham Aliyev a reçu un "
        "appel téléphonique du secrétaire d'État américain Antony Blinken."
    )
    assert parsed.date == dt.date(2023, 3, 8)
    assert parsed.initiator == "antony-blinken"


def test_two_readouts_saved_in_one_file_are_refused():
    one = readout("Les parties ont discuté des relations bilatérales.")
    with pytest.raises(ParseError, match=r"two readouts in one file: .* line 5"):
        parse(one + "\n\n" + one)


@pytest.mark.parametrize(
    ("sentence", "verb", "verb_class"),
    [
        ("Il a pris note des progrès.", "a pris note", "emphasis"),
        ("Il a transmis les salutations du président.", "a transmis", "information"),
        ("Il a promis le soutien de Washington.", "a promis", "support"),
        ("Il a exprimé l'intérêt des entreprises américaines.", "a exprimé", "information"),
    ],
)
def test_a_participle_in_is_keeps_its_s_and_its_class(sentence, verb, verb_class):
    parsed = parse(ALIYEV_CALLED + "\n\nAntony Blinken a salué les progrès. " + sentence)
    last = parsed.statements[-1]
    assert (last.verb, last.verb_class) == (verb, verb_class)
