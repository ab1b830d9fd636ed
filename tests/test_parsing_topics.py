"""Topic cues (readouts/parsing/topics.py, fixtures/topics.json), phenomenon by phenomenon.

Every sentence is made up for the phenomenon it shows; none is taken from a readout. The first
tests use the fixture's cues, the last ones made-up cues, so the matching rules are shown apart
from the vocabulary.
"""

from __future__ import annotations

import pytest

from readouts.parsing.languages import RULE_SETS
from readouts.parsing.topics import TopicTagger
from readouts.parsing.types import TopicCues

from .parsing_support import parse, topics


def tags(sentence: str, language: str) -> dict[str, str]:
    """Topic slug -> evidence for one sentence, with the fixture's cues."""
    return TopicTagger(topics(), RULE_SETS[language]).evidence(sentence)


def made_up(language: str, *cues: str) -> TopicTagger:
    """A tagger with a single topic "t" of the given cues."""
    field = f"cues_{language}"
    return TopicTagger([TopicCues("t", **{field: cues})], RULE_SETS[language])


# -- a shared stem is not a shared word ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Les deux dirigeants ont évoqué la situation humanitaire à Gaza.",
        "Le ministre a parlé du cessez-le-feu dans la bande de Gaza.",
    ],
)
def test_gaza_is_not_gas(sentence):
    found = tags(sentence, "fr")
    assert "regional-conflicts" in found
    assert "energy" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Les parties ont discuté des livraisons de gaz vers l'Europe.",
        "Le président a évoqué les exportations de gaz naturel.",
    ],
)
def test_gas_is_not_gaza(sentence):
    found = tags(sentence, "fr")
    assert found.get("energy") == "gaz"
    assert "regional-conflicts" not in found


def test_a_french_gas_explosion_is_not_energy():
    found = tags("Il a exprimé ses condoléances après l'explosion de gaz à Bakou.", "fr")
    assert "energy" not in found
    assert "condolences" in found


@pytest.mark.parametrize(
    ("sentence", "language", "wrong"),
    [
        (
            "They agreed to deepen cooperation on energy security and regional connectivity.",
            "en",
            "regional-security",
        ),
        (
            "The officials reviewed the anti-terror operation in the region.",
            "en",
            "security-cooperation",
        ),
        ("The Secretary called for restraint and renewed diplomacy.", "en", "energy"),
        ("Le président a évoqué le gaz russe.", "fr", "regional-conflicts"),
        ("Le chef de l'État a dit que la situation restait stable.", "fr", "mass-graves"),
    ],
)
def test_a_word_that_only_shares_a_stem_does_not_count(sentence, language, wrong):
    assert wrong not in tags(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language", "topic", "evidence"),
    [
        ("Both stressed that the detainees must be released.", "en", "prisoners", "detainees"),
        ("He raised the tensions on the border.", "en", "border-tensions", "tensions"),
        (
            "They spoke about the securities of the regional security.",
            "en",
            "regional-security",
            "regional security",
        ),
        ("Il a évoqué les prisonnières arméniennes.", "fr", "prisoners", "prisonnières"),
        (
            "Ils ont parlé des délimitations de la frontière.",
            "fr",
            "border-delimitation",
            "délimitations",
        ),
        ("Ils ont salué la stabilité régionale.", "fr", "regional-security", "stabilité régionale"),
    ],
)
def test_inflections_still_match(sentence, language, topic, evidence):
    assert tags(sentence, language).get(topic) == evidence


# -- a multi-word cue keeps its words' roles --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "They discussed energy security and regional connectivity.",
        "They discussed security and regional transport corridors.",
        "The minister spoke of security, regional trade and the environment.",
    ],
)
def test_words_set_side_by_side_are_not_one_cue(sentence):
    assert "regional-security" not in tags(sentence, "en")


@pytest.mark.parametrize(
    ("sentence", "language", "evidence"),
    [
        ("They stressed peace, stability and prosperity.", "en", "peace, stability"),
        ("They stressed peace and stability.", "en", "peace and stability"),
        ("Ils ont évoqué la paix et la stabilité.", "fr", "paix et la stabilité"),
        ("Sülhün və təhlükəsizliyin təmin olunması vurğulandı.", "az", "Sülhün və təhlükəsizliyin"),
        ("Sülh, sabitlik və inkişaf müzakirə olunub.", "az", "Sülh, sabitlik"),
    ],
)
def test_coordinated_cues_match_coordinated_words(sentence, language, evidence):
    assert tags(sentence, language).get("regional-security") == evidence


def test_the_comma_of_a_date_is_not_a_coordination():
    found = tags("They spoke of the statement of November 10, 2020.", "en")
    assert found.get("trilateral-statement") == "November 10, 2020"


# -- cues that were missing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("Nazir minaların təmizlənməsi məsələsinə toxunub.", "minaların"),
        ("Tərəflər mina xəritələrinin dəqiqliyini müzakirə ediblər.", "mina"),
        ("ABŞ minatəmizləmə layihələrini dəstəkləyir.", "minatəmizləmə"),
        ("Ərazilərin minalardan təmizlənməsi vacibdir.", "minalardan"),
    ],
)
def test_azerbaijani_landmines(sentence, evidence):
    assert tags(sentence, "az").get("landmines") == evidence


def test_gratitude_is_not_a_mine():
    assert "landmines" not in tags("Nazir minnətdarlığını bildirib.", "az")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The Secretary stressed the need to resume negotiations with Armenia.", "en"),
        ("He welcomed the talks between Baku and Yerevan.", "en"),
        ("They discussed the talks on the normalization of relations.", "en"),
        ("The sides hope the negotiation will bring peace.", "en"),
        ("Il a salué la reprise des pourparlers avec l'Arménie.", "fr"),
        ("Le ministre a évoqué les négociations de normalisation.", "fr"),
    ],
)
def test_negotiations_in_a_peace_context(sentence, language):
    assert "peace-process" in tags(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("They discussed the talks on a new investment framework.", "en"),
        ("The negotiations on visa facilitation will continue.", "en"),
        ("Les négociations commerciales se poursuivront.", "fr"),
    ],
)
def test_negotiations_without_a_peace_context(sentence, language):
    assert "peace-process" not in tags(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("He briefed her on the negotiations on the peace treaty with Armenia.", "peace-treaty"),
        ("They welcomed the talks with Armenia on border delimitation.", "border-delimitation"),
    ],
)
def test_negotiations_about_a_topic_of_their_own_take_that_topic(sentence, topic):
    found = tags(sentence, "en")
    assert topic in found
    assert "peace-process" not in found


@pytest.mark.parametrize(
    ("sentence", "language", "evidence"),
    [
        ("The Secretary reaffirmed support for a durable peace.", "en", "durable peace"),
        ("Both want a lasting peace between the neighbours.", "en", "lasting peace"),
        ("Il a plaidé pour une paix durable.", "fr", "paix durable"),
        ("Tərəflər davamlı sülhün vacibliyini qeyd ediblər.", "az", "davamlı sülhün"),
    ],
)
def test_durable_peace(sentence, language, evidence):
    assert tags(sentence, language).get("peace-process") == evidence


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The United States supports peace in the South Caucasus.", "en"),
        ("Il a évoqué la paix dans le Caucase du Sud.", "fr"),
        ("ABŞ regionda davamlı sülhə töhfə verməyə hazırdır.", "az"),
        ("Cənubi Qafqazda sülhün bərqərar olması müzakirə edilib.", "az"),
    ],
)
def test_peace_in_the_region_by_its_name(sentence, language):
    assert "regional-security" in tags(sentence, language)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tərəflər ikitərəfli gündəliyin məsələlərini müzakirə ediblər.",
        "Azərbaycan-ABŞ ikitərəfli gündəliyi geniş olub.",
    ],
)
def test_azerbaijani_bilateral_agenda(sentence):
    assert "bilateral-relations" in tags(sentence, "az")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tərəflər yaşıl enerji sahəsində əməkdaşlığı müzakirə ediblər.",
        "Nazir yaşıl enerjiyə keçidin vacibliyini vurğulayıb.",
    ],
)
def test_azerbaijani_green_energy(sentence):
    assert "climate" in tags(sentence, "az")


@pytest.mark.parametrize(
    ("sentence", "topic", "evidence"),
    [
        ("Tərəflər ikitərəfli əməkdaşlığın inkişafını müzakirə ediblər.", "bilateral-relations",
         "ikitərəfli əməkdaşlığın"),
        ("Nazir strateji tərəfdaşlığın əhəmiyyətini vurğulayıb.", "bilateral-relations",
         "tərəfdaşlığın"),
    ],
)  # fmt: skip
def test_an_azerbaijani_cue_ending_in_q_or_k_matches_the_softened_word(sentence, topic, evidence):
    assert tags(sentence, "az").get(topic) == evidence


def test_a_softened_final_consonant_needs_a_vowel_after_it():
    tagger = made_up("az", "birlik")
    assert tagger.evidence("Onlar birliyi qoruyublar.") == {"t": "birliyi"}
    assert tagger.evidence("Onlar birliy sözünü yazıblar.") == {}


# -- cues too broad without their context -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The minister said that relations between the two countries were growing.", "en"),
        ("Both countries have a strong partnership agenda ahead.", "en"),
        ("Les relations entre les deux pays se développent.", "fr"),
    ],
)
def test_the_two_countries_of_the_call(sentence, language):
    assert "bilateral-relations" in tags(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        (
            "He spoke of the normalization of relations between Armenia and Azerbaijan and of the "
            "border between the two countries.",
            "en",
        ),
        ("The talks between the two countries took place without any mediation.", "en"),
        ("Il a soutenu le traité de paix entre les deux pays.", "fr"),
        ("Il a appelé l'Arménie à dialoguer et les deux pays à la retenue.", "fr"),
    ],
)
def test_the_two_countries_of_the_peace_process(sentence, language):
    assert "bilateral-relations" not in tags(sentence, language)


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Bayramov welcomed the Ambassador and wished him success.",
        "The President wished the new envoy success in her mission.",
        "He wished the negotiators a successful round.",
    ],
)
def test_wishing_success_is_not_a_greeting(sentence):
    assert "condolences" not in tags(sentence, "en")


@pytest.mark.parametrize(
    "sentence",
    [
        "The President conveyed his best wishes on the occasion of Novruz.",
        "He sent the Secretary his wishes for the new year.",
    ],
)
def test_wishes_are_still_greetings(sentence):
    assert "condolences" in tags(sentence, "en")


# -- the matching rules, with made-up cues ----------------------------------------------------


def test_a_cue_word_matches_inflections_not_derivations():
    tagger = made_up("en", "region")
    assert tagger.tag("They spoke of the regions.")
    assert not tagger.tag("They spoke of regional matters.")
    tagger = made_up("en", "mediation")
    assert tagger.tag("They welcomed the mediations.")
    assert not tagger.tag("They welcomed the mediator.")


def test_a_cue_keeps_the_role_of_its_words():
    tagger = made_up("en", "security in the region")
    assert tagger.tag("They spoke of security in the region.")
    assert tagger.tag("They spoke of the security of the region.")
    assert not tagger.tag("They spoke of security and the region.")
    assert not tagger.tag("They spoke of security, the region and trade.")
    tagger = made_up("en", "trade and investment")
    assert tagger.tag("They spoke of trade and investment.")
    assert tagger.tag("They spoke of trade, investment and energy.")
    assert not tagger.tag("They spoke of trade investment.")


def test_words_the_sentence_must_hold():
    tagger = made_up("en", "talks +peace +treaty")
    assert tagger.evidence("The talks on peace went on.") == {"t": "talks"}
    assert tagger.tag("The talks on the treaties went on.")
    assert not tagger.tag("The talks on trade went on.")


def test_words_that_cancel_and_words_needed_together():
    tagger = made_up("fr", "pourparlers +paix -traité")
    assert tagger.tag("Les pourparlers de paix ont repris.")
    assert not tagger.tag("Les pourparlers sur le traité de paix ont repris.")
    assert not tagger.tag("Les pourparlers commerciaux ont repris.")


def test_azerbaijani_cues_match_by_prefix_with_roles_kept():
    tagger = made_up("az", "sülh və sabitli")
    assert tagger.tag("Regionda sülhün və sabitliyin təmini müzakirə edilib.")
    assert not tagger.tag("Regionda sülhün sabitliyi müzakirə edilib.")


def test_a_readout_keeps_the_evidence_of_the_new_rules():
    parsed = parse(
        " date 2024-05 Secretary Blinken spoke by phone with President Ilham Aliyev.\n\n"
        "The Secretary welcomed the resumption of talks with Armenia. "
        "They discussed energy security and regional connectivity."
    )
    first, second = parsed.statements
    assert first.topic_evidence.get("peace-process") == "talks"
    assert "regional-security" not in second.topics
    assert {"energy", "transport-connectivity"} <= set(second.topics)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Les ministres ont salué les développements régionaux récents.", "fr"),
        ("Le président a évoqué les processus régionaux en cours.", "fr"),
        ("Nazir bölgədəki vəziyyət barədə məlumat verib.", "az"),
        ("Tərəflər regional proseslər ətrafında fikir mübadiləsi aparıblar.", "az"),
        ("The Secretary reviewed the situation in the region.", "en"),
    ],
)
def test_the_situation_in_the_region_in_each_language_is_regional_security(sentence, language):
    assert "regional-security" in tags(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Nazir vasitəçilərin rolunu yüksək qiymətləndirib.", "peace-process"),
        ("Tərəflər sülh razılaşmasının mətnini müzakirə ediblər.", "peace-treaty"),
        ("Dövlət komissiyaları sərhəd xəttinin dəqiqləşdirilməsini davam etdirir.",
         "border-delimitation"),
        ("Nazir sərhəddə baş verən toqquşmalar barədə məlumat verib.", "border-tensions"),
        ("Prezident münaqişədən sonrakı dövrdə aparılan işlərdən danışıb.", "post-conflict"),
        ("Tərəflər məcburi köçkünlərin qayıdışını müzakirə ediblər.", "humanitarian-issues"),
        ("Nazir yeni dəmir yolu layihəsi barədə məlumat verib.", "transport-connectivity"),
        ("Qarabağın erməni sakinlərinin reinteqrasiyası müzakirə olunub.", "karabakh-armenians"),
        ("Tərəflər boru kəmərlərinin təhlükəsizliyini müzakirə ediblər.", "energy"),
        ("Terrorla mübarizə sahəsində əməkdaşlıq qeyd olunub.", "security-cooperation"),
        ("Nazir Amerika sərmayəçilərinin marağını alqışlayıb.", "trade-investment"),
        ("Dövlət katibi jurnalistlərin vəziyyəti ilə maraqlanıb.", "human-rights"),
        ("Tərəflər Ukraynadakı vəziyyəti müzakirə ediblər.", "regional-conflicts"),
        ("Prezident dərin hüznlə başsağlığı verib.", "condolences"),
    ],
)  # fmt: skip
def test_azerbaijani_cues_of_each_topic(sentence, topic):
    assert topic in tags(sentence, "az")


@pytest.mark.parametrize(
    ("sentence", "language", "topic", "wrong"),
    [
        ("The ministers reviewed plans to expand the Southern Gas Corridor.", "en", "energy",
         "transport-connectivity"),
        ("Les ministres ont parlé de l'extension du corridor gazier du Sud.", "fr", "energy",
         "transport-connectivity"),
        ("Nazir Cənub Qaz Dəhlizinin genişləndirilməsindən danışıb.", "az", "energy",
         "transport-connectivity"),
        ("Armenia should pull its armed forces back from the border.", "en", None,
         "security-cooperation"),
        ("Les forces armées arméniennes ont tiré sur les positions azerbaïdjanaises.", "fr",
         None, "security-cooperation"),
        ("Le ministre a salué les démarches entreprises par les deux pays.", "fr", None,
         "trade-investment"),
    ],
)  # fmt: skip
def test_a_cue_inside_a_neighbours_words_is_not_its_topic(sentence, language, topic, wrong):
    found = tags(sentence, language)
    assert wrong not in found
    assert topic is None or topic in found


@pytest.mark.parametrize(
    ("sentence", "language", "topic"),
    [
        ("The sides welcomed progress on the Middle Corridor.", "en", "transport-connectivity"),
        ("Le corridor médian a été évoqué par les deux ministres.", "fr",
         "transport-connectivity"),
        ("Orta Dəhliz layihəsi müzakirə olunub.", "az", "transport-connectivity"),
        ("The Secretary praised the cooperation between the armed forces of both countries.",
         "en", "security-cooperation"),
        ("Il a salué l'intérêt des entreprises américaines pour l'Azerbaïdjan.", "fr",
         "trade-investment"),
    ],
)  # fmt: skip
def test_the_same_cues_without_the_neighbour_keep_their_topic(sentence, language, topic):
    assert topic in tags(sentence, language)


def test_regional_issues_of_mutual_interest_are_no_conflict():
    sentence = "Qarşılıqlı maraq doğuran ikitərəfli və regional məsələlər müzakirə olunub."
    assert "regional-conflicts" not in tags(sentence, "az")
