"""Every writer leaves what is derived from a call right: its topics, its countries and
languages, its search rows, the official and topic pages' summaries, the cache.

Each test writes through one writer only — ingest, an update, a split, a merge of officials, a
re-tag, an admin save or delete, the demo generator, the test factory — and then checks, for
every call the write touched, that the call's topics are exactly its statements' topics (and
each statement's ``topic_ids`` the ids of its own), that
its ``countries`` and ``languages`` are those of its officials and readouts, that its search
rows (the call's and its statements') are those the index would build now, that the summaries
(calls per month, counterparts, statements per topic and the newest three) are what a full
recount gives, and that the archive version moved once the write committed, so no page cached
before it is served.
"""

import pytest
from django.db import connection
from django.urls import reverse

from bench.demo_archive import generate
from readouts.cache import archive_version
from readouts.models import Call, Concept, Mention, Office, Official, Readout, Statement, Topic
from readouts.search import search_calls
from readouts.search.index import refresh_calls
from readouts.writing import ingest
from readouts.writing.corrections import merge_officials, retag_statements
from readouts.writing.summaries import expected_summaries, stored_summaries

from .admin_helpers import change_form_data, inline_prefix
from .factories import make_call, make_official
from .test_merge import FRENCH_AZ, english_us


def search_rows(call_ids) -> dict:
    """The stored search rows of these calls and of their statements, as text."""
    ids = list(call_ids)
    statement_ids = list(
        Statement.objects.filter(readout__call__in=ids).values_list("pk", flat=True)
    )
    body = "body::text" if connection.vendor == "postgresql" else "body"
    rows = {}
    with connection.cursor() as cursor:
        for table, keys in (("call", ids), ("statement", statement_ids)):
            if keys:
                marks = ", ".join(["%s"] * len(keys))
                cursor.execute(
                    f"SELECT rowid, {body} FROM readouts_{table}_search WHERE rowid IN ({marks})",
                    keys,
                )
                rows |= {(table, rowid): text for rowid, text in cursor.fetchall()}
    return rows


def assert_derived_right(call_ids) -> None:
    calls = list(Call.objects.filter(pk__in=set(call_ids)))
    assert calls, "the write should have left calls to check"
    for call in calls:
        from_statements = set(Topic.objects.filter(statements__readout__call=call))
        assert set(call.topics.all()) == from_statements, call.slug
        countries = {p.official.country for p in call.participants.all()} - {""}
        assert call.countries == " ".join(sorted(countries)), call.slug
        languages = {r.language for r in call.readouts.all()}
        assert call.languages == " ".join(sorted(languages)), call.slug
        facet_ids = [call.official_ids, call.office_ids, call.topic_ids, call.concept_ids]
        assert facet_ids == expected_facet_ids(call), call.slug
        statements = Statement.objects.filter(readout__call=call).prefetch_related("topics")
        for statement in statements:
            topic_ids = " ".join(str(pk) for pk in sorted(t.pk for t in statement.topics.all()))
            assert statement.topic_ids == topic_ids, (call.slug, statement.order)
    stored = search_rows(call.pk for call in calls)
    assert {key for key in stored if key[0] == "call"} == {("call", c.pk) for c in calls}
    refresh_calls([call.pk for call in calls])
    assert search_rows(call.pk for call in calls) == stored, "search rows were stale"
    assert_summaries_right()


def expected_facet_ids(call) -> list[str]:
    """The official, office, topic and concept ids the call's facets count, as stored."""
    participants = list(call.participants.all())
    mentions = Mention.objects.filter(readout__call=call, concept__isnull=False)
    return [
        " ".join(str(pk) for pk in sorted(ids))
        for ids in (
            {p.official_id for p in participants},
            {p.office_id for p in participants if p.office_id},
            {topic.pk for topic in call.topics.all()},
            {mention.concept_id for mention in mentions},
        )
    ]


def assert_summaries_right() -> None:
    stored, expected = stored_summaries(), expected_summaries()
    for name in expected:
        assert stored[name] == expected[name], f"{name} were stale"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as a request or command would: its on-commit work runs, and the archive
    version must have moved by the end."""

    def run(write):
        before = archive_version()
        with django_capture_on_commit_callbacks(execute=True):
            result = write()
        assert archive_version() != before, "the cache was not retired"
        return result

    return run


def test_ingest_of_a_new_readout(committed, vocabulary):
    result = committed(lambda: ingest.ingest_bytes(FRENCH_AZ.read_bytes(), source=FRENCH_AZ.name))
    assert result.status == "created"
    assert result.call.topics.exists()
    assert_derived_right([result.call.pk])


def test_ingest_of_the_other_sides_readout_of_the_same_call(committed, load):
    load(FRENCH_AZ)
    result = committed(lambda: ingest.ingest_text(english_us(), source="state.txt"))
    assert result.status == "merged"
    # The US readout's words now find the call, and its topics join the call's.
    assert search_calls(Call.objects.all(), "fundamental freedoms").get() == result.call
    assert result.call.topics.filter(slug="human-rights").exists()
    assert_derived_right([result.call.pk])


def test_ingest_takes_the_language_it_is_given_and_indexes_by_it(committed, vocabulary):
    from .test_parsing_unruled import RUSSIAN

    result = committed(lambda: ingest.ingest_text(RUSSIAN, source="ru.txt", language="ru"))
    assert result.readout.language == "ru"
    assert_derived_right([result.call.pk])


def test_an_update_of_a_changed_text(committed, load):
    load(english_us(), source="state.txt")
    changed = english_us().replace("Geneva", "Prague")
    result = committed(lambda: ingest.ingest_text(changed, source="state.txt", update=True))
    assert result.status == "updated"
    assert search_calls(Call.objects.all(), "Prague").get() == result.call
    assert not search_calls(Call.objects.all(), "Geneva").exists()
    assert_derived_right([result.call.pk])


def test_splitting_a_wrong_merge(committed, load):
    load(FRENCH_AZ)
    english = load(english_us(), source="state.txt")
    old_call = english.call.pk
    new_call = committed(lambda: ingest.split_readout(Readout.objects.get(pk=english.readout.pk)))
    assert new_call.pk != old_call
    assert_derived_right([old_call, new_call.pk])
    # Each call keeps only the topics of the readout it keeps.
    assert not Call.objects.get(pk=old_call).topics.filter(slug="human-rights").exists()


def test_merging_officials(committed, load):
    load(FRENCH_AZ)
    duplicate = Official.objects.create(name="Antoni Blinken", slug="antoni-blinken", country="US")
    call = Call.objects.get()
    call.participants.filter(official__slug="antony-blinken").update(official=duplicate)
    target = Official.objects.get(slug="antony-blinken")
    committed(lambda: merge_officials([duplicate], target))
    # The call is found again by the kept official's spellings.
    assert search_calls(Call.objects.all(), "Blinken").get() == call
    assert_derived_right([call.pk])


def test_retagging_statements(committed, load):
    result = load(FRENCH_AZ)
    topic = Topic.objects.get(slug="energy")
    statement = result.readout.statements.order_by("order").first()
    topic.cues_fr = [*topic.cues_fr, statement.text.split()[-1].strip(".").lower()]
    topic.save()
    report = committed(lambda: retag_statements([topic]))
    assert report.changed >= 1
    assert result.call.topics.filter(slug="energy").exists()
    assert_derived_right([result.call.pk])


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="x-long-1"))
    return client


def test_an_admin_correction_of_a_statements_topics(committed, load, staff):
    result = load(english_us(), source="state.txt")
    statement = result.readout.statements.order_by("order").first()
    url = reverse("admin:readouts_readout_change", args=[result.readout.pk])
    data = change_form_data(staff.get(url, secure=True))
    data[f"{inline_prefix(data, statement.pk)}-topics"] = [str(Topic.objects.get(slug="energy").pk)]
    response = committed(lambda: staff.post(url, data, secure=True))
    assert response.status_code == 302
    assert result.call.topics.filter(slug="energy").exists()
    assert_derived_right([result.call.pk])


def test_an_admin_change_of_an_officials_country(committed, load, staff):
    result = load(FRENCH_AZ)
    official = result.call.participants.get(official__country="US").official
    url = reverse("admin:readouts_official_change", args=[official.pk])
    data = change_form_data(staff.get(url, secure=True))
    data["country"] = "AZ"
    response = committed(lambda: staff.post(url, data, secure=True))
    assert response.status_code == 302
    assert Call.objects.get(pk=result.call.pk).countries == "AZ"
    assert_derived_right([result.call.pk])


def test_an_admin_delete_of_one_readout(committed, load, staff):
    load(FRENCH_AZ)
    english = load(english_us(), source="state.txt")
    url = reverse("admin:readouts_readout_delete", args=[english.readout.pk])
    response = committed(lambda: staff.post(url, {"post": "yes"}, secure=True))
    assert response.status_code == 302
    assert not search_calls(Call.objects.all(), "fundamental freedoms").exists()
    assert_derived_right([english.call.pk])


def test_the_demo_generator(committed, vocabulary):
    committed(lambda: list(generate(calls=30, seed=7, batch_size=10)))
    demo = list(Call.objects.filter(is_demo=True).values_list("pk", flat=True))
    assert len(demo) > 20
    assert_derived_right(demo)


def test_the_test_factory(committed, db):
    aliyev = make_official("Ilham Aliyev", country="AZ")
    blinken = make_official("Antony Blinken")
    call = committed(
        lambda: make_call(
            "2022-01-01",
            [aliyev, blinken],
            statements=[(aliyev, "Peace talks.", ["peace-process"]), (None, "Energy.", [])],
        )
    )
    assert list(call.topics.values_list("slug", flat=True)) == ["peace-process"]
    assert_derived_right([call.pk])


def test_an_admin_delete_of_a_whole_call(committed, load, staff):
    call = load(FRENCH_AZ).call
    assert stored_summaries()["pairs"], "the call's officials should count as counterparts"
    url = reverse("admin:readouts_call_delete", args=[call.pk])
    response = committed(lambda: staff.post(url, {"post": "yes"}, secure=True))
    assert response.status_code == 302
    assert not Call.objects.filter(pk=call.pk).exists()
    assert not any(stored_summaries().values()), "what the deleted call counted was kept"
    assert_summaries_right()


def test_a_newest_statement_edited_away_is_replaced_by_the_next(committed, db):
    """Untagging the newest of an official's statements on a topic (as the admin's statement
    inline does) makes the summary read the next one from the statements: the one case the
    difference of two tallies cannot settle."""
    aliyev = make_official("Ilham Aliyev", country="AZ")
    blinken = make_official("Antony Blinken")
    calls = [
        make_call(
            f"2021-0{month}-01",
            [aliyev, blinken],
            statements=[(aliyev, f"Energy {month} {n}.", ["energy"]) for n in range(2)],
        )
        for month in range(1, 5)
    ]
    assert_summaries_right()
    newest = Statement.objects.filter(readout__call=calls[-1]).order_by("order").first()

    def retag():
        newest.topics.clear()
        from readouts.writing.derived import refresh_derived

        refresh_derived([calls[-1].pk])

    committed(retag)
    assert_summaries_right()


@pytest.mark.parametrize("model", [Topic, Office, Concept])
def test_an_admin_delete_of_what_a_calls_facets_count(committed, load, staff, model):
    """A topic, office or concept deleted in the admin leaves no call counting it."""
    call = load(FRENCH_AZ).call
    counted = {
        Topic: lambda: call.topics.first(),
        Office: lambda: call.participants.exclude(office=None).first().office,
        Concept: lambda: (
            Mention.objects.filter(readout__call=call).exclude(concept=None)[0].concept
        ),
    }[model]()
    if model is Office:
        counted.tenures.all().delete()  # an office someone still holds cannot be deleted
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[counted.pk])
    response = committed(lambda: staff.post(url, {"post": "yes"}, secure=True))
    assert response.status_code == 302 and not model.objects.filter(pk=counted.pk).exists()
    assert_derived_right([call.pk])


def test_a_thesaurus_label_edit_moves_the_calls_mentions(committed, load, staff):
    call = load(FRENCH_AZ).call
    mention = Mention.objects.filter(readout__call=call).exclude(concept=None)[0]
    other = Concept.objects.create(slug="elsewhere", kind=mention.concept.kind, pref_label_en="X")
    url = reverse("admin:readouts_concept_change", args=[other.pk])
    data = change_form_data(staff.get(url, secure=True))
    data["alt_labels_en"] = f'["{mention.name}"]'  # now two concepts share the name
    response = committed(lambda: staff.post(url, data, secure=True))
    assert response.status_code == 302
    assert Mention.objects.get(pk=mention.pk).concept is None
    assert_derived_right([call.pk])
