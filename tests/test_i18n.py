"""The interface in English and French: Accept-Language, the switcher's cookie, stable URLs."""

import json

import pytest

from readouts.models import Topic

from .conftest import SEEDS
from .factories import make_call, make_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(load, settings):
    settings.SECURE_SSL_REDIRECT = False
    return [load(path).call for path in SEEDS]


def test_english_by_default(client, seeds):
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page and "2 calls" in page and "Search the readouts" not in page


def test_accept_language_chooses_french(client, seeds):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content.decode()
    assert '<html lang="fr">' in page
    assert "2 appels" in page and "Affiner les appels" in page and "Thèmes" in page


def test_the_switcher_keeps_the_choice_in_a_cookie_and_the_url(client, seeds):
    url = seeds[0].get_absolute_url()
    response = client.get(f"/language/fr/?next={url}")
    assert response.status_code == 302 and response["Location"] == url
    assert response.cookies["django_language"].value == "fr"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in page and "mai 2021" in page
    assert "secrétaire" in page.lower() or "Président de la République" in page


def test_the_switcher_refuses_other_sites_and_languages(client, seeds):
    assert client.get("/language/fr/?next=https://evil.example/")["Location"] == "/"
    assert client.get("/language/xx/").status_code == 404


def test_the_call_page_keeps_the_title_as_written(client, seeds):
    page = client.get(seeds[0].get_absolute_url()).content.decode()
    assert "the readout’s words:" in page


def test_topics_in_the_alphabetical_order_of_the_interface_language(client, vocabulary, settings):
    settings.SECURE_SSL_REDIRECT = False
    english = client.get("/topics/").content.decode()
    names = sorted(Topic.objects.values_list("name_en", flat=True))
    positions = [english.index(f">{name}</a>") for name in names]
    assert positions == sorted(positions)
    french = client.get("/topics/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Relations bilatérales" in french


def test_cached_fragments_are_kept_per_language(client, seeds):
    assert "Refine calls" in client.get("/").content.decode()
    assert "Affiner les appels" in client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Refine calls" in client.get("/").content.decode()


def test_json_is_utf8_without_escapes(client, seeds):
    response = client.get("/", {"format": "json"})
    assert response["Content-Type"] == "application/json"
    body = response.content.decode("utf-8")
    assert "\\u" not in body and "Azerbaïdjan" in body
    assert json.loads(body)["calls"]


def test_a_date_range_that_ends_before_it_starts_is_answered_clearly(client, seeds):
    response = client.get("/", {"date_after": "2023-01-01", "date_before": "2021-01-01"})
    assert response.status_code == 400
    assert "earlier than “From”" in response.content.decode()
    ok = client.get("/", {"date_after": "2021-01-01", "date_before": "2023-01-01"})
    assert ok.status_code == 200 and 'name="date_after" value="2021-01-01"' in ok.content.decode()


@pytest.mark.parametrize("q", ["", "   ", "!!!", "« » — …", '""'])
def test_an_empty_or_punctuation_query_is_no_query(client, seeds, q):
    page = client.get("/", {"q": q}).content.decode()
    assert "2 calls" in page and "Words:" not in page


def test_officials_without_calls_are_hidden_until_asked(client, seeds):
    page = client.get("/officials/").content.decode()
    assert "/officials/ilham-aliyev/" in page and "/officials/mehriban-aliyeva/" not in page
    assert "all=1" in page
    everyone = client.get("/officials/", {"all": "1"}).content.decode()
    assert "/officials/mehriban-aliyeva/" in everyone


FR = {"HTTP_ACCEPT_LANGUAGE": "fr"}


def test_the_record_pages_are_in_french(client, seeds):
    call = seeds[0]
    page = client.get(call.get_absolute_url(), **FR).content.decode()
    for heading in ("Entretien téléphonique", "Participants à l’appel", "Texte intégral"):
        assert heading in page
    assert '<p class="eyebrow">Telephone call' not in page and "On the call" not in page
    # A citation is written in English whatever the interface (as in its BibTeX and RIS).
    assert '<p class="cite__text" lang="en">“Telephone call between' in page
    assert "Verbatim text" not in page and "Cite this" not in page
    official = call.participants.first().official
    page = client.get(official.get_absolute_url(), **FR).content.decode()
    assert "Suivre les nouveaux appels" in page and "Follow new calls" not in page
    topic = call.topics.exclude(name_fr="").first()
    page = client.get(topic.get_absolute_url(), **FR).content.decode()
    assert f"<h1>{topic.name_fr}</h1>" in page
    assert '<h2 id="statements-heading">Déclarations' in page


def test_facet_values_and_chips_are_in_french(client, seeds):
    page = client.get("/", {"language": "fr"}, **FR).content.decode()
    assert "Azerbaïdjan" in page and "États-Unis" in page  # the officials' countries
    assert ">français<" in page  # the readouts' language, as Django's French names it
    assert "Langue du compte rendu\u00a0: français" in page  # the chip
    topic = Topic.objects.exclude(name_fr="").filter(calls__isnull=False).first()
    page = client.get("/", {"topic": topic.slug}, **FR).content.decode()
    assert f'<span class="facet-label">{topic.name_fr}</span>' in page


def test_a_refusal_is_in_french(client, seeds):
    response = client.get("/", {"official": "nobody"}, **FR)
    assert response.status_code == 400
    refusal = "L’archive ne compte aucun responsable «\u00a0nobody\u00a0»."
    assert refusal in response.content.decode()
    response = client.get("/", {"page": "9"}, **FR)
    assert "Il n’y a pas de page 9" in response.content.decode()


def test_the_feed_title_is_in_the_readers_language(client, seeds):
    feed = client.get("/feed/", **FR).content.decode()
    assert "<title>Appels — Readout Archive</title>" in feed
    assert "Comptes rendus des appels téléphoniques" in feed


def test_the_admin_review_queue_is_in_french(admin_client, seeds):
    page = admin_client.get("/admin/readouts/readout/review/", **FR).content.decode()
    assert "Comptes rendus à relire" in page and "Readouts that need review" not in page
    page = admin_client.get("/admin/readouts/readout/", **FR).content.decode()
    assert "Ajouter un compte rendu à partir du texte" in page


def test_an_officials_topics_in_the_alphabetical_order_of_the_interface_language(client, db):
    """The order differs between the languages: Armistice < Energy, Énergie < Paix."""
    aliyev = make_official("Ilham Aliyev", country="AZ")
    for slug, english, french in (("energy", "Energy", "Énergie"), ("peace", "Armistice", "Paix")):
        Topic.objects.create(slug=slug, name_en=english, name_fr=french)
    make_call(
        "2022-04-05",
        [aliyev, make_official("Antony Blinken")],
        statements=[(aliyev, "Gas.", ["energy"]), (aliyev, "Peace.", ["peace"])],
    )
    page = client.get(aliyev.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr", secure=True)
    french = page.content.decode().split('id="statements-heading"')[1]
    assert french.index(">Énergie</a>") < french.index(">Paix</a>")
    english = client.get(aliyev.get_absolute_url(), secure=True).content.decode()
    english = english.split('id="statements-heading"')[1]
    assert english.index(">Armistice</a>") < english.index(">Energy</a>")
