"""Search across languages through the thesaurus: the same expectations on SQLite and PostgreSQL."""

import time

import pytest

from readouts.models import Call, Concept, Statement
from readouts.search import build_query, highlight, search_calls, search_statements, snippet
from readouts.search.expansion import MAX_ADDED, MAX_PER_TERM
from readouts.search.grammar import MAX_TERMS

from .factories import make_call, make_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(vocabulary, settings):
    """Two officials, with the thesaurus of fixtures/thesaurus.json loaded."""
    settings.SECURE_SSL_REDIRECT = False
    return make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")


def found(query, literal=False):
    query = build_query(query, literal=literal)
    return sorted(search_calls(Call.objects.all(), query).values_list("slug", flat=True))


def call(date, text, people, language):
    return make_call(date, list(people), text=text, language=language).slug


@pytest.fixture
def prisoners(people):
    return {
        "en": call("2022-01-01", "Secretary Blinken urged the release of detainees.", people, "en"),
        "fr": call("2022-01-02", "Le retour de 17 prisonniers arméniens.", people, "fr"),
        "az": call(
            "2022-01-03", "Tərəflər məhbusların azad edilməsini müzakirə ediblər.", people, "az"
        ),
        "none": call("2022-01-04", "Energy cooperation and climate goals.", people, "en"),
    }


@pytest.mark.parametrize("query", ["prisoners", "détenus", "prisonnier", "məhbuslar", "detainee"])
def test_a_term_finds_its_equivalents_in_every_language(prisoners, query):
    assert found(query) == sorted([prisoners["en"], prisoners["fr"], prisoners["az"]])


def test_the_literal_search_finds_only_the_words_typed(prisoners):
    assert found("prisonniers", literal=True) == [prisoners["fr"]]


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        (
            "Karabakh",
            [
                ("The resolution of the Nagorno Karabakh conflict.", "en"),
                ("Les droits des résidents arméniens au Karabagh.", "fr"),
                ("Dağlıq Qarabağ münaqişəsinin həlli müzakirə olunub.", "az"),
            ],
        ),
        (
            "Lachin",
            [
                ("Access to the Lachin Corridor.", "en"),
                ("Le poste de contrôle frontalier de Latchine.", "fr"),
                ("Laçın yolu haqqında danışıq.", "az"),
            ],
        ),
        ("Brussels", [("La réunion du 6 avril à Bruxelles.", "fr"), ("Met in Brussels.", "en")]),
        ("Erevan", [("Responsibility lies with Yerevan.", "en"), ("La faute à Erevan.", "fr")]),
        ("Genève", [("The Geneva talks.", "en"), ("Les ministres à Genève.", "fr")]),
        (
            "ICRC",
            [
                ("Le Comité international de la Croix-Rouge a des informations.", "fr"),
                ("Beynəlxalq Qırmızı Xaç Komitəsi ilə görüş.", "az"),
            ],
        ),
        (
            "OSCE Minsk Group",
            [
                ("Co-Chairs of the OSCE Minsk Group.", "en"),
                ("Les coprésidents du Groupe de Minsk de l'OSCE.", "fr"),
                ("ATƏT-in Minsk qrupunun həmsədrləri.", "az"),
            ],
        ),
        (
            "UE",
            [
                ("Support from the European Union.", "en"),
                ("Avec le soutien de l'Union européenne.", "fr"),
            ],
        ),
        (
            "mass graves",
            [
                ("L'emplacement des fosses communes.", "fr"),
                ("La découverte d'un charnier.", "fr"),
                ("Kütləvi məzarlıqların yeri.", "az"),
                ("Information on mass graves.", "en"),
            ],
        ),
        (
            "personnes disparues",
            [
                ("The fate of missing persons.", "en"),
                ("Itkin düşənlərin taleyi.", "az"),
                ("Le sort des personnes portées disparues.", "fr"),
            ],
        ),
        (
            "traité de paix",
            [
                ("Work on the future peace treaty.", "en"),
                ("Sülh müqaviləsi üzrə danışıqlar.", "az"),
                ("Gələcək sülh sazişinin imzalanması.", "az"),
            ],
        ),
        (
            "border delimitation",
            [
                ("La délimitation des frontières.", "fr"),
                ("Sərhədlərin delimitasiyası.", "az"),
            ],
        ),
        (
            "trilateral statement of 10 November 2020",
            [("Conformément à la déclaration trilatérale du 10 novembre 2020.", "fr")],
        ),
    ],
)
def test_places_organisations_documents_and_terms(people, query, texts):
    wanted = [
        call(f"2023-01-{i + 1:02}", text, people, lang) for i, (text, lang) in enumerate(texts)
    ]
    call("2023-02-01", "Energy cooperation and climate goals only.", people, "en")
    call("2023-02-02", "Une conversation sur le climat et l'énergie.", people, "fr")
    assert found(query) == sorted(wanted), query


def test_the_query_says_what_it_also_searched(prisoners):
    query = build_query("prisoners")
    assert "prisonniers" in query.also and "məhbuslar" in query.also
    assert "prisoners" not in query.also
    assert build_query("prisoners", literal=True).also == ()


def test_a_phrase_keeps_its_words_together_across_the_expansion(people):
    treaty = call("2023-03-01", "Le traité de paix sera signé.", people, "fr")
    call("2023-03-02", "La paix revient ; un traité commercial fut signé.", people, "fr")
    assert found('"peace treaty"') == [treaty]


def test_exclusion_leaves_out_the_equivalents_too(prisoners):
    assert found("-prisoners") == [prisoners["none"]]
    assert found("Blinken -détenus") == [prisoners["none"]]


def test_or_keeps_working_across_the_expansion(prisoners, people):
    graves = call("2022-02-01", "Les fosses communes.", people, "fr")
    assert found("prisoners OR charniers") == sorted(
        [prisoners["en"], prisoners["fr"], prisoners["az"], graves]
    )


def test_every_word_must_still_match(people):
    both = call("2023-04-01", "Le retour des prisonniers et les fosses communes.", people, "fr")
    call("2023-04-02", "Le retour des prisonniers.", people, "fr")
    assert found("detainees mass graves") == [both]


def test_best_match_first(people):
    weak = call("2024-01-01", "Trade, energy, and once the prisoners.", people, "en")
    strong = call(
        "2024-01-02", "Les prisonniers, les détenus : la libération des prisonniers.", people, "fr"
    )
    ranked = search_calls(Call.objects.all(), build_query("prisoners"))
    assert list(ranked.values_list("slug", flat=True)) == [strong, weak]


def test_statements_are_found_across_languages(people):
    aliyev, blinken = people
    make_call(
        "2024-02-01",
        [aliyev, blinken],
        language="fr",
        statements=[(aliyev, "Le président a évoqué les charniers.", [])],
    )
    texts = list(search_statements(Statement.objects.all(), "mass graves").values_list("text"))
    assert texts == [("Le président a évoqué les charniers.",)]


def test_highlight_and_snippet_mark_the_equivalent_that_matched(people):
    query = build_query("prisoners")
    assert "<mark>prisonniers</mark>" in highlight("Le retour des prisonniers.", query)
    assert "<mark>məhbusların</mark>" in highlight("Tərəflər məhbusların azad edilməsi.", query)
    assert "<mark>Qarabağda</mark>" in snippet(
        "Vəziyyət Qarabağda sabitdir.", build_query("Karabakh")
    )


def test_the_expansion_is_capped(people):
    query = build_query(" ".join(["Karabakh", "prisoners", "ICRC", "Lachin", "peace"] * 3))
    added = sum(len(group) - 1 for group in query.groups) + len(query.excluded)
    assert added <= MAX_ADDED
    assert all(len(group) <= MAX_PER_TERM + 1 for group in query.groups)


@pytest.mark.parametrize(
    "query",
    [
        " ".join(["Karabakh OR prisoners OR ICRC OR Lachin"] * 4),
        " ".join(["-Karabakh", "-prisoners", "-mines", "-peace"] * 4),
        '"Karabakh Karabagh Qarabağ" "prisoners détenus" ' * 3,
        "peace " * MAX_TERMS * 2,
        'Qarabağ* OR "məhbus:* <->" (Laçın)',
    ],
)
def test_a_hostile_query_stays_small_and_quick(prisoners, query):
    started = time.monotonic()
    calls = list(search_calls(Call.objects.all(), build_query(query)))
    statements = list(search_statements(Statement.objects.all(), build_query(query)))
    assert time.monotonic() - started < 5
    assert len(calls) == len(set(calls)) and len(statements) == len(set(statements))


def test_an_edited_label_is_searched_at_once(prisoners, people):
    from readouts.writing.derived import archive_changed

    gaza = call("2022-03-01", "Les otages ont été libérés.", people, "fr")
    concept = Concept.objects.get(slug="prisoners")
    concept.alt_labels_fr = [*concept.alt_labels_fr, "otages"]
    concept.save()
    archive_changed()
    assert gaza in found("prisoners")


def test_the_results_page_says_what_it_also_searched_and_offers_the_literal_search(
    client, prisoners
):
    page = client.get("/", {"q": "prisoners"}).content.decode()
    assert "Also searched:" in page and "prisonniers" in page and "məhbuslar" in page
    assert "<mark>prisonniers</mark>" in page
    assert "3 calls" in page
    assert "literal=1" in page
    literal = client.get("/", {"q": "prisoners", "literal": "1"}).content.decode()
    assert "Also searched:" not in literal and "Searched only the words as typed." in literal
    assert "0 calls" in literal


def test_the_statement_list_says_so_too(client, people):
    aliyev, blinken = people
    make_call(
        "2024-02-01",
        [aliyev, blinken],
        language="fr",
        statements=[(aliyev, "Le président a évoqué les charniers.", [])],
    )
    page = client.get("/statements/", {"q": "mass graves"}).content.decode()
    assert "Also searched:" in page and "<mark>charniers</mark>" in page


def test_a_call_page_reached_from_a_search_marks_the_equivalents(client, prisoners):
    page = client.get(f"/calls/{prisoners['fr']}/", {"q": "prisoners"}).content.decode()
    assert "<mark>prisonniers</mark>" in page
