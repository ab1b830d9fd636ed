"""The Azerbaijani rule set, phenomenon by phenomenon, on made-up sentences.

None of these sentences is in the corpus: each shows one thing the rules must read in any
Azerbaijani readout (framing, case endings on names, the dative of the one called, dates,
subject-first clauses, passives as both sides, topic cues by prefix).
"""

from __future__ import annotations

import datetime as dt

import pytest

from readouts.parsing import BOTH

from .parsing_support import parse


def _speakers(parsed):
    return [s.speaker for s in parsed.statements]


@pytest.mark.parametrize(
    "framing",
    [
        "Martın 3-də Azərbaycan Respublikasının Prezidenti İlham Əliyev ABŞ dövlət katibi "
        "Antoni Blinkenlə telefonla danışıb.",
        "3 mart 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi Antoni "
        "Blinken arasında telefon danışığı olub.",
        "Prezident İlham Əliyev ilə ABŞ dövlət katibi Antoni Blinken arasında 3 mart tarixində "
        "telefon söhbəti baş tutub.",
        "3 mart 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi Antoni "
        "Blinken arasında videobağlantı vasitəsilə görüş olub.",
        "Martın 3-də Prezident İlham Əliyev ABŞ dövlət katibi Antoni Blinkenlə onlayn görüş "
        "keçirib.",
    ],
)
def test_framing_variants_and_names_with_case_endings(framing):
    parsed = parse(f" date 2022-03 {framing}\n\nTərəflər regional məsələləri müzakirə ediblər.")
    assert parsed.language == "az"
    assert {p.slug for p in parsed.participants} == {"ilham-aliyev", "antony-blinken"}
    assert parsed.date == dt.date(2022, 3, 3)
    assert parsed.initiator is None  # "arasında ... olub": the text does not say who called


def test_the_caller_is_the_participant_not_in_the_dative():
    parsed = parse(
        " date 2021-02 Fevralın 9-da ABŞ dövlət katibi Antoni Blinken Azərbaycan "
        "Respublikasının Prezidenti İlham Əliyevə zəng edib.\n\n"
        "Söhbət zamanı regional məsələlər müzakirə olunub."
    )
    assert parsed.initiator == "antony-blinken"
    assert parsed.date == dt.date(2021, 2, 9)


def test_the_genitive_month_and_the_year_with_its_suffix():
    parsed = parse(
        " date 2023-11 7 noyabr 2023-cü il tarixində xarici işlər naziri Ceyhun Bayramov ilə "
        "ABŞ dövlət katibinin köməkçisi Ceyms O'Brayen arasında telefon danışığı olub.\n\n"
        "Nazir Ceyhun Bayramov sülh prosesi barədə məlumat verib."
    )
    assert parsed.date == dt.date(2023, 11, 7)


def test_unknown_official_named_by_the_name_after_a_title():
    parsed = parse(
        " date 2024-02 12 fevral 2024-cü il tarixində xarici işlər nazirinin müavini Elnur "
        "Məmmədov ilə ABŞ dövlət katibinin köməkçisinin müavini Cons Doual arasında telefon "
        "danışığı olub.\n\nCons Doual öz növbəsində dialoqu dəstəklədiyini bildirib."
    )
    unknown = [p for p in parsed.participants if p.needs_review]
    assert [p.name for p in unknown] == ["Cons Doual"]
    assert unknown[0].country == "US"
    assert parsed.statements[0].speaker == unknown[0].slug
    assert parsed.needs_review


def test_subject_first_pronoun_passive_joint_and_dropped_subject():
    parsed = parse(
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub.\n\n"
        "Prezident İlham Əliyev Ermənistanla sülh sazişinin vacibliyini vurğulayıb. "
        "O, sərhəddə vəziyyətin sabit olduğunu qeyd edib. "
        "Regionda təhlükəsizlik məsələləri də müzakirə olunub. "
        "Antoni Blinken və Prezident İlham Əliyev ikitərəfli münasibətləri nəzərdən keçiriblər. "
        "Dövlət katibi Antoni Blinken danışıqlara dəstək verdiyini bildirib. "
        "Bu istiqamətdə səylərin davam etdiriləcəyini diqqətə çatdırıb."
    )
    assert _speakers(parsed) == [
        "ilham-aliyev",  # named subject, first in the clause
        "ilham-aliyev",  # "O," (he)
        BOTH,  # -ılıb/-nub passive, no agent
        BOTH,  # two participants joined by "və"
        "antony-blinken",  # role and name
        "antony-blinken",  # no subject of its own: continues the previous speaker
    ]


def test_the_clause_after_ki_is_the_content_of_the_verb_before_it():
    parsed = parse(
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub.\n\n"
        "Qeyd olunub ki, Antoni Blinken regional sabitliyi dəstəkləyib."
    )
    assert _speakers(parsed) == [BOTH]


def test_a_name_in_another_case_is_not_the_subject():
    parsed = parse(
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub.\n\n"
        "Prezident İlham Əliyev Antoni Blinkenə Ermənistanın təxribatları barədə məlumat verib."
    )
    assert _speakers(parsed) == ["ilham-aliyev"]


def test_topic_cues_match_words_with_their_endings_and_keep_the_evidence():
    parsed = parse(
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub.\n\n"
        "Tərəflər sülh müqaviləsinin hazırlanmasını və nəqliyyat yollarının açılmasını "
        "müzakirə ediblər."
    )
    statement = parsed.statements[0]
    assert {"peace-treaty", "transport-connectivity"} <= set(statement.topics)
    assert statement.topic_evidence["peace-treaty"] == "sülh müqaviləsinin"


def test_language_given_by_a_manifest_overrides_detection():
    text = (
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub."
    )
    assert parse(text).language == "az"
    from readouts.parsing import ParseError, parse_readout

    from .parsing_support import gazetteer, topics

    with pytest.raises(ParseError, match="no call framing"):
        parse_readout(text, gazetteer(), topics(), language="en")


def test_mentions_carry_case_endings():
    parsed = parse(
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub.\n\n"
        "Prezident İlham Əliyev Ermənistanla danışıqlar barədə məlumat verib."
    )
    assert ("place", "Armenia") in {(m.kind, m.name) for m in parsed.mentions}


def test_the_object_of_a_light_verb_gives_its_class():
    parsed = parse(
        " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
        "Antoni Blinken arasında telefon danışığı olub.\n\n"
        "Dövlət katibi Antoni Blinken danışıqlara dəstəyini ifadə edib. "
        "Prezident İlham Əliyev narahatlığını ifadə edib."
    )
    assert [s.verb_class for s in parsed.statements] == ["support", "concern"]


# -- the caller before the cue, in the genitive ----------------------------------------------


@pytest.mark.parametrize(
    ("framing", "initiator"),
    [
        ("ABŞ tərəfinin təşəbbüsü ilə 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə "
         "ABŞ dövlət katibi Antoni Blinken arasında telefon danışığı olub.", "antony-blinken"),
        ("Amerika tərəfinin xahişi ilə Prezident İlham Əliyev ABŞ dövlət katibi Antoni "
         "Blinken ilə telefonla danışıb.", "antony-blinken"),
        ("Azərbaycan tərəfinin təşəbbüsü ilə ABŞ dövlət katibi Antoni Blinken ilə Prezident "
         "İlham Əliyev arasında telefon söhbəti baş tutub.", "ilham-aliyev"),
        ("Amerikanın təşəbbüsü ilə Prezident İlham Əliyev ilə ABŞ dövlət katibi Antoni Blinken "
         "arasında telefon danışığı olub.", "antony-blinken"),
        ("Prezident İlham Əliyevin xahişi ilə ABŞ dövlət katibi Antoni Blinken ilə telefon "
         "danışığı olub.", "ilham-aliyev"),
        ("Dövlət katibi Antoni Blinkenin təşəbbüsüylə Azərbaycan Respublikasının Prezidenti "
         "İlham Əliyev ilə telefon danışığı baş tutub.", "antony-blinken"),
        # Both sides, or no side: the text does not say who called.
        ("Hər iki tərəfin təşəbbüsü ilə Prezident İlham Əliyev ilə ABŞ dövlət katibi Antoni "
         "Blinken arasında telefon danışığı olub.", None),
    ],
)  # fmt: skip
def test_the_caller_is_the_genitive_before_the_initiative_cue(framing, initiator):
    parsed = parse(f" date 2022-05 {framing}\n\nTərəflər regional məsələləri müzakirə ediblər.")
    assert {p.slug for p in parsed.participants} == {"ilham-aliyev", "antony-blinken"}
    assert parsed.initiator == initiator


# -- the simple past (-dı/-di), as the presidency writes it ----------------------------------

AZ_CALL = (
    " date 2022-05 5 may 2022-ci il tarixində Prezident İlham Əliyev ilə ABŞ dövlət katibi "
    "Antoni Blinken arasında telefon danışığı olub.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "speaker", "verb", "verb_class"),
    [
        ("Prezident İlham Əliyev sülh prosesinin vacibliyini vurğuladı.", "ilham-aliyev",
         "vurğuladı", "emphasis"),
        ("Dövlət katibi Antoni Blinken regional sabitliyə dəstəyini ifadə etdi.",
         "antony-blinken", "ifadə etdi", "support"),
        ("Antoni Blinken danışıqların gedişatı barədə məlumat verdi.", "antony-blinken",
         "məlumat verdi", "information"),
        ("Prezident İlham Əliyev Antoni Blinkeni sülh sazişi münasibətilə təbrik etdi.",
         "ilham-aliyev", "təbrik etdi", "welcome"),
        ("Tərəflər enerji sahəsində əməkdaşlığı müzakirə etdilər.", BOTH, "müzakirə etdilər",
         "discussion"),
        # Passives, with no agent: both sides.
        ("Regional təhlükəsizlik məsələləri müzakirə olundu.", BOTH, "müzakirə olundu",
         "discussion"),
        ("Söhbət zamanı sülh gündəliyinin əhəmiyyəti xüsusi vurğulandı.", BOTH, "vurğulandı",
         "emphasis"),
        ("Ermənistanla sərhəddə vəziyyətin sabit olduğu qeyd edildi.", BOTH, "qeyd edildi",
         "emphasis"),
    ],
)  # fmt: skip
def test_the_simple_past_is_read_like_the_evidential(sentence, speaker, verb, verb_class):
    statement = parse(AZ_CALL + sentence).statements[0]
    assert (statement.speaker, statement.verb, statement.verb_class) == (
        speaker,
        verb,
        verb_class,
    )
    assert not statement.speaker_guessed


@pytest.mark.parametrize("verb", ["toxunub", "toxundu"])
def test_a_stem_in_n_is_not_a_passive(verb):
    """ "toxunub" (touched upon) with no subject goes on with the previous speaker."""
    parsed = parse(
        AZ_CALL + "Prezident İlham Əliyev sülh prosesi barədə məlumat verib. "
        f"Həmçinin sərhəddəki vəziyyətə {verb}."
    )
    assert _speakers(parsed) == ["ilham-aliyev", "ilham-aliyev"]
    assert not any(s.speaker_guessed for s in parsed.statements)


def _verb_keys(sentence: str) -> list[str]:
    from readouts.parsing.azerbaijani import AZERBAIJANI
    from readouts.parsing.text import tokens

    return [v.key for v in AZERBAIJANI.find_verbs(sentence, tokens(sentence))]


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        # Nouns with the same ending ("iqtisadi", "məqsədi") are not verbs.
        ("Nazir iqtisadi əməkdaşlığın məqsədi barədə məlumat verdi.", ["melumat verdi"]),
        # A participle before its noun is not the verb; the finite verb at the end is.
        ("Prezident Konqres tərəfindən qəbul edilmiş düzəlişin maneə olduğunu bildirdi.",
         ["bildirdi"]),
        ("Prezident bu barədə məlumat vermişdir.", ["melumat vermisdir"]),
        ("Nazir sülhün vacibliyini qeyd etmiş, dialoqa dəstəyini bildirmişdir.",
         ["qeyd etmis", "bildirmisdir"]),
    ],
)  # fmt: skip
def test_only_a_finite_past_is_a_verb(sentence, keys):
    assert _verb_keys(sentence) == keys


def test_a_participle_is_not_taken_for_the_reporting_verb():
    statement = parse(
        AZ_CALL + "Prezident İlham Əliyev ABŞ Konqresi tərəfindən qəbul edilmiş düzəlişin "
        "münasibətlərə maneə olduğunu qeyd etdi."
    ).statements[0]
    assert (statement.speaker, statement.verb) == ("ilham-aliyev", "qeyd etdi")


@pytest.mark.parametrize(
    ("sentence", "verb_class"),
    [
        ("Antoni Blinken Azərbaycanın sülh səylərini alqışlayıb.", "welcome"),
        ("Antoni Blinken Prezidentin şəxsi rolunu təqdir edib.", "welcome"),
        ("Prezident İlham Əliyev danışıqlara sadiqliyini təsdiqləyib.", "emphasis"),
        ("Antoni Blinken Prezidenti növbəti görüşə dəvət edib.", "urge"),
        ("Prezident İlham Əliyev yeni görüş keçirilməsini təklif edib.", "information"),
        ("Antoni Blinken ABŞ-ın mövqeyini söyləyib.", "information"),
        ("Prezident İlham Əliyev Azərbaycanın mövqeyini bəyan etdi.", "information"),
        ("Prezident İlham Əliyev xatırladıb ki, sülh prosesi davam edir.", "emphasis"),
        ("Prezident İlham Əliyev sülh sazişinin vacibliyini təkid edib.", "emphasis"),
        ("Antoni Blinken əmin edib ki, ABŞ danışıqlara dəstək verəcək.", "support"),
        ("Prezident İlham Əliyev təxribatlar barədə xəbərdarlıq edib.", "concern"),
    ],
)
def test_reporting_verbs_of_welcome_invitation_and_statement(sentence, verb_class):
    """The classes the English and French rules give "applauded", "appreciated", "confirmed",
    "invited", "proposed", "said", "stated"."""
    assert parse(AZ_CALL + sentence).statements[0].verb_class == verb_class


# -- light verbs, titles and spellings the framing gives --------------------------------------

BAYRAMOV_CALL = (
    "3 mart 2023-cü il tarixində Azərbaycan Respublikasının Xarici İşlər Naziri Ceyhun Bayramov "
    "{other} telefon danışığı aparıb.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "verb_class"),
    [
        ("Tərəflər növbəti görüşün keçirilməsi barədə razılığa gəliblər.", "agreement"),
        ("Tərəflər razılığa gəliblər ki, əlaqələr davam etdiriləcək.", "agreement"),
    ],
)
def test_a_noun_before_gelib_names_the_verb(sentence, verb_class):
    parsed = parse(BAYRAMOV_CALL.format(other="ABŞ-ın Dövlət Katibi Antoni Blinkenlə") + sentence)
    assert [(s.speaker, s.verb_class) for s in parsed.statements] == [(BOTH, verb_class)]


def test_a_name_spelt_as_the_framing_spelt_it_is_that_participant():
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ-ın Dövlət Katibi Antoni Blinkinlə")
        + "Ceyhun Bayramov sülh prosesini qeyd edib. Antoni Blinkin sərhəd işini alqışlayıb."
    )
    assert [s.speaker for s in parsed.statements] == ["jeyhun-bayramov", "antony-blinken"]


def test_a_senator_new_to_the_archive_is_the_senator_on_the_call():
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ senatoru Riçard Hollouey ilə")
        + "Nazir sülh prosesini qeyd edib. Senator enerji layihələrini alqışlayıb."
    )
    last = parsed.statements[-1]
    assert (last.speaker, last.speaker_guessed) == ("ricard-hollouey", False)


def test_a_military_rank_before_a_name_is_part_of_the_title():
    parsed = parse(
        "3 mart 2023-cü il tarixində Azərbaycan Respublikasının müdafiə naziri general-polkovnik "
        "Zakir Həsənov ABŞ-ın müdafiə naziri Lloyd Ostinlə telefon danışığı aparıb.\n\n"
        "Zakir Həsənov əməkdaşlığı vurğulayıb."
    )
    assert parsed.participants[0].name == "Zakir Həsənov"


@pytest.mark.parametrize(
    ("framing_verb", "verb_class"),
    [("zəng edərək onu təbrik edib", "welcome"), ("zəng edib və başsağlığı verib", "condolence")],
)
def test_what_the_caller_said_while_calling_is_a_statement(framing_verb, verb_class):
    parsed = parse(
        "5 may 2023-cü il tarixində ABŞ-ın Dövlət Katibi Antoni Blinken Prezident İlham Əliyevə "
        f"{framing_verb}.\n\nPrezident təşəkkür edib."
    )
    assert [(s.speaker, s.verb_class) for s in parsed.statements] == [
        ("antony-blinken", verb_class),
        ("ilham-aliyev", "welcome"),
    ]
    assert parsed.initiator == "antony-blinken"


def test_a_call_alone_says_nothing():
    parsed = parse(
        "5 may 2023-cü il tarixində ABŞ-ın Dövlət Katibi Antoni Blinken Prezident İlham Əliyevə "
        "zəng edib.\n\nBlinken sülh prosesini alqışlayıb."
    )
    assert [s.speaker for s in parsed.statements] == ["antony-blinken"]


def test_goster_alone_is_a_verb_of_its_own():
    """ "göstərib ki" (pointed out that): the subject before it speaks, no light verb."""
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ-ın Dövlət Katibi Antoni Blinkenlə")
        + "Ceyhun Bayramov sülh prosesini qeyd edib. Blinken göstərib ki, sülh yaxındır."
    )
    assert [s.speaker for s in parsed.statements] == ["jeyhun-bayramov", "antony-blinken"]


def test_a_title_of_the_secretary_is_not_the_secretary():
    """ "Dövlət katibinin köməkçisinin müavini" (the Secretary's deputy assistant) is not
    "Dövlət katibi": the one who speaks is a guess."""
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ Dövlət katibinin köməkçisinin müavini Ceyn Rou ilə")
        + "Ceyhun Bayramov sülh prosesini qeyd edib. Dövlət katibi sərhəd işini alqışlayıb."
    )
    assert parsed.statements[-1].speaker != "ceyn-rou"


def test_a_title_with_its_name_is_the_one_named_when_both_hold_the_title():
    parsed = parse(
        "26 dekabr 2024-cü il tarixində Amerika Birləşmiş Ştatlarının Prezidenti Co Bayden "
        "Azərbaycan Respublikasının Prezidenti İlham Əliyevə zəng edib.\n\nCo Bayden başsağlığı "
        "verib. "
        "Prezident İlham Əliyev təşəkkürünü bildirib."
    )
    assert [s.speaker for s in parsed.statements] == ["joe-biden", "ilham-aliyev"]


@pytest.mark.parametrize(
    ("weekday", "day"),
    [("Çərşənbə axşamı", 11), ("Bazar ertəsi günü", 10), ("Keçən cümə", 7)],
)
def test_a_weekday_in_the_framing_counts_back_from_the_dateline(weekday, day):
    """The dateline is Thursday 13 March 2025."""
    parsed = parse(
        "Bakı, 13 mart 2025, AZƏRTAC\n\n"
        f"{weekday} Azərbaycanın xarici işlər naziri Ceyhun Bayramov ABŞ-ın dövlət katibi Marko "
        "Rubio ilə telefon danışığı aparıb.\n\nMarko Rubio Ceyhun Bayramovu Vaşinqtona dəvət edib."
    )
    assert (parsed.date, parsed.date_precision) == (dt.date(2025, 3, day), "day")
    assert parsed.participants[0].title_as_written == "Azərbaycanın xarici işlər naziri"


@pytest.mark.parametrize("agency", ["Report", "Metbuat.az", "Azərbaycan Dövlət Teleqraf Agentliyi"])
def test_an_agency_saying_who_gave_out_the_news_is_no_statement(agency):
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ-ın dövlət katibi Marko Rubio ilə")
        + f"{agency} xəbər verir ki, bu barədə XİN məlumat yayıb.\n\n"
        "Tərəflər ikitərəfli münasibətləri müzakirə ediblər."
    )
    assert [s.text[:8] for s in parsed.statements] == ["Tərəflər"]


def test_an_office_in_the_genitive_inside_a_title_is_no_name():
    parsed = parse(
        "5 mart 2024-cü il tarixində Azərbaycan Respublikası Prezidentinin köməkçisi – Prezident "
        "Administrasiyasının Xarici siyasət məsələləri şöbəsinin müdiri Hikmət Hacıyev ABŞ-ın baş "
        "müşaviri Luis Bono ilə telefon danışığı aparıb.\n\nLuis Bono ABŞ-ın dəstəyini ifadə edib."
    )
    assert [p.slug for p in parsed.participants] == ["hikmat-hajiyev", "louis-bono"]


@pytest.mark.parametrize(
    ("sentence", "verb_class"),
    [
        ("Tərəflər sülh prosesindəki irəliləyişi müsbət qiymətləndiriblər.", "welcome"),
        ("Nazir soruşub ki, ABŞ nə edəcək.", "information"),
    ],
)
def test_assessing_positively_and_asking_are_reporting_verbs(sentence, verb_class):
    parsed = parse(BAYRAMOV_CALL.format(other="ABŞ-ın Dövlət Katibi Antoni Blinkenlə") + sentence)
    assert [s.verb_class for s in parsed.statements] == [verb_class]


def test_the_other_side_and_deyib():
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ-ın Dövlət Katibi Antoni Blinkenlə")
        + "Nazir narahatlığını bildirib. Qarşı tərəf bu məsələni nəzərə alacağını deyib."
    )
    assert [(s.speaker, s.verb_class) for s in parsed.statements] == [
        ("jeyhun-bayramov", "concern"),
        ("antony-blinken", "information"),
    ]


def test_his_interlocutor_is_the_other_participant():
    parsed = parse(
        BAYRAMOV_CALL.format(other="ABŞ-ın Dövlət Katibi Antoni Blinkenlə")
        + "Ceyhun Bayramov Gəncənin atəşə tutulduğunu bildirib. Həmsöhbəti hücumların "
        "qəbuledilməz olduğunu vurğulayıb."
    )
    assert [s.speaker for s in parsed.statements] == ["jeyhun-bayramov", "antony-blinken"]
