"""Mentions resolve to thesaurus concepts; place and organisation pages; the mentioned filter."""

import importlib

import pytest
from django.apps import apps

from readouts.models import Concept, Mention, Official, Topic
from readouts.writing.vocabulary import Vocabulary

from .conftest import SEEDS
from .factories import make_call, make_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(load, settings):
    settings.SECURE_SSL_REDIRECT = False
    return [load(path).call for path in SEEDS]


def test_the_parsers_mentions_link_to_their_concepts_at_ingest(seeds):
    linked = dict(
        Mention.objects.filter(concept__isnull=False).values_list("name", "concept__slug")
    )
    assert linked["Karabakh"] == "karabakh"
    assert linked["International Committee of the Red Cross"] == "icrc"
    assert linked["Geneva"] == "geneva"
    assert not Mention.objects.filter(kind="place", concept__isnull=True).exists()


def test_the_same_place_in_two_languages_is_one_concept(vocabulary, settings):
    aliyev, blinken = make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")
    french = make_call("2022-10-10", [aliyev, blinken], mentions=[("place", "Karabagh")])
    azeri = make_call(
        "2016-06-30", [aliyev, blinken], language="az", mentions=[("place", "Qarabağ")]
    )
    assert {m.concept.slug for m in Mention.objects.all()} == {"karabakh"}
    settings.SECURE_SSL_REDIRECT = False
    from django.test import Client

    page = Client().get("/places/karabakh/").content.decode()
    assert french.get_absolute_url() in page and azeri.get_absolute_url() in page


def test_a_place_page_lists_its_calls_with_a_timeline(client, seeds):
    response = client.get("/places/karabakh/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Karabakh" in page and "Qarabağ" in page and "Karabagh" in page
    assert seeds[1].get_absolute_url() in page
    assert 'class="timeline"' in page


def test_an_organisation_page(client, seeds):
    page = client.get("/organisations/icrc/").content.decode()
    assert "Comité international de la Croix-Rouge" in page
    assert seeds[1].get_absolute_url() in page


def test_a_place_is_not_an_organisation(client, seeds):
    assert client.get("/organisations/karabakh/").status_code == 404
    assert client.get("/places/no-such-place/").status_code == 404


def test_the_indexes_list_what_is_mentioned(client, seeds):
    page = client.get("/places/").content.decode()
    assert "/places/karabakh/" in page and "/places/tbilisi/" not in page
    assert "/organisations/icrc/" in client.get("/organisations/").content.decode()


def test_the_call_list_filters_and_facets_by_what_is_mentioned(client, seeds):
    page = client.get("/", {"mentioned": "geneva"}).content.decode()
    assert seeds[1].get_absolute_url() in page and seeds[0].get_absolute_url() not in page
    assert "Mentioned: Geneva" in page
    assert "mentioned=karabakh" in client.get("/").content.decode()
    refused = client.get("/", {"mentioned": "atlantis"})
    assert refused.status_code == 400


def test_the_call_page_links_a_mention_to_its_page(client, seeds):
    page = client.get(seeds[1].get_absolute_url()).content.decode()
    assert 'href="/places/karabakh/"' in page


def test_a_thesaurus_edit_resolves_the_mentions_again(seeds, admin_client, settings):
    concept = Concept.objects.get(slug="geneva")
    Mention.objects.filter(name="Geneva").update(concept=None)
    url = f"/admin/readouts/concept/{concept.pk}/change/"
    form = admin_client.get(url, secure=True)
    assert form.status_code == 200
    data = {
        "kind": "place", "slug": "geneva", "broader": "", "note": "",
        "pref_label_en": "Geneva", "pref_label_fr": "Genève", "pref_label_az": "Cenevrə",
        "alt_labels_en": "[]", "alt_labels_fr": '["Geneve"]', "alt_labels_az": "[]",
        "alt_labels_ru": '["Женева"]',
    }  # fmt: skip
    response = admin_client.post(url, data, secure=True)
    assert response.status_code == 302
    assert Mention.objects.get(name="Geneva").concept == concept


def test_the_parser_finds_mentions_by_the_thesaurus_in_the_database(vocabulary):
    """The thesaurus is the parser's input: a label added in the admin is found at the next
    parse, and its mention links to the concept."""
    text = (
        " date 2022-06 Secretary of State Antony Blinken spoke by phone with President Ilham "
        "Aliyev.\n\nThe Secretary spoke of the Zangilan airport."
    )
    assert not [m for m in Vocabulary.from_database().parse(text).mentions if m.kind == "place"]
    Concept.objects.create(
        slug="zangilan-airport", kind="place", pref_label_en="Zangilan International Airport",
        alt_labels_en=["Zangilan airport"], pref_label_az="Zəngilan Beynəlxalq Hava Limanı",
    )  # fmt: skip
    parsed = Vocabulary.from_database().parse(text)
    assert [(m.kind, m.name) for m in parsed.mentions] == [("place", "Zangilan airport")]


def test_topics_bring_their_azerbaijani_cues_to_the_parser(vocabulary):
    assert "sülh müqavilə" in Topic.objects.get(slug="peace-treaty").cues_az
    cues = {t.slug: t for t in Vocabulary.from_database().topics}
    assert "sülh müqavilə" in cues["peace-treaty"].cues_az


def test_the_migration_gives_existing_topics_their_azerbaijani_cues(vocabulary):
    """Syncing the fixtures adds missing topics only, so topics a database held before
    0012 get the rule set's cues from the migration itself."""
    migration = importlib.import_module("readouts.migrations.0012_topic_cues_az")
    Topic.objects.filter(slug="peace-treaty").update(cues_az=[])
    Topic.objects.filter(slug="energy").update(cues_az=["neft"])  # a staff edit stays
    migration.fill_cues_az(apps, None)
    assert Topic.objects.get(slug="peace-treaty").cues_az == ["sülh müqavilə", "sülh saziş"]
    assert Topic.objects.get(slug="energy").cues_az == ["neft"]


def test_the_cue_revision_reaches_an_archive_that_had_the_old_cues(vocabulary):
    """0022: an archive whose topics hold the cues as they were gets the revised ones, the
    same cues a new archive has from the fixtures; a cue an editor added is kept."""
    migration = importlib.import_module("readouts.migrations.0022_topic_cues_revised")

    def cues():
        return {
            t.slug: [sorted(t.cues_fr), sorted(t.cues_en), sorted(t.cues_az)]
            for t in Topic.objects.all()
        }

    fixture = cues()
    migration.restore(apps, None)
    assert Topic.objects.get(slug="landmines").cues_az == []
    bilateral = Topic.objects.get(slug="bilateral-relations")
    assert "two countries" in bilateral.cues_en
    bilateral.cues_en = [*bilateral.cues_en, "embassy cooperation"]  # an editor's cue
    bilateral.save()
    migration.revise(apps, None)
    fixture["bilateral-relations"][1] = sorted(
        [*fixture["bilateral-relations"][1], "embassy cooperation"]
    )
    assert cues() == fixture


def test_the_azerbaijani_cues_reach_an_archive_that_had_the_cues_before_them(vocabulary):
    """0024, as 0022: the archive gets the cues a new archive has from the fixtures, and keeps
    a cue an editor added."""
    migration = importlib.import_module("readouts.migrations.0024_topic_cues_azerbaijani")
    fixture = {t.slug: sorted(t.cues_az) for t in Topic.objects.all()}
    migration.restore(apps, None)
    energy = Topic.objects.get(slug="energy")
    assert "boru kəmər" not in energy.cues_az
    energy.cues_az = [*energy.cues_az, "neft hasilatı"]  # an editor's cue
    energy.save()
    migration.revise(apps, None)
    fixture["energy"] = sorted([*fixture["energy"], "neft hasilatı"])
    assert {t.slug: sorted(t.cues_az) for t in Topic.objects.all()} == fixture
    assert "processus régionaux" in Topic.objects.get(slug="regional-security").cues_fr


def test_the_cue_exceptions_reach_an_archive_that_had_the_cues_before_them(vocabulary):
    """0026, as 0024: an archive with the cues as they were gets the fixture's, and an
    editor's own cue stays."""
    migration = importlib.import_module("readouts.migrations.0026_topic_cues_exceptions")
    fixture = {t.slug: [sorted(t.cues_fr), sorted(t.cues_en)] for t in Topic.objects.all()}
    migration.restore(apps, None)
    transport = Topic.objects.get(slug="transport-connectivity")
    assert "corridor" in transport.cues_en
    transport.cues_en = [*transport.cues_en, "ferry link"]  # an editor's cue
    transport.save()
    migration.revise(apps, None)
    fixture["transport-connectivity"][1] = sorted(
        [*fixture["transport-connectivity"][1], "ferry link"]
    )
    assert {t.slug: [sorted(t.cues_fr), sorted(t.cues_en)] for t in Topic.objects.all()} == fixture
    assert "dəhliz -qaz" in Topic.objects.get(slug="transport-connectivity").cues_az


def test_the_azerbaijani_spellings_reach_an_archive_that_had_the_officials_before_them(
    vocabulary,
):
    """0025: an official already in the archive gets the fixture's new spellings, after the
    editor's own, which stay."""
    migration = importlib.import_module("readouts.migrations.0025_official_spellings_azerbaijani")
    vance = Official.objects.get(slug="jd-vance")
    vance.name_variants = ["Vance", "Ceydi Vens"]  # as an archive from before, with an editor's
    vance.save()
    migration.add_spellings(apps, None)
    migration.add_spellings(apps, None)  # twice: nothing is added again
    vance.refresh_from_db()
    assert vance.name_variants == ["Vance", "Ceydi Vens", "Cey Di Vens", "Vens"]
