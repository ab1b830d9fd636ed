"""The FilterSets and facets reused on other pages."""

import pytest
from django.http import QueryDict

from readouts.browse.facets import call_facets, ids_counted, matched_fields
from readouts.browse.filters import CallFilter
from readouts.browse.matched import Matched
from readouts.models import Call, Concept, Mention, MentionKind
from readouts.writing.derived import refresh_derived

from .list_world import plain_http_fixture, world_fixture  # noqa: F401


def test_a_facet_counts_each_id_once_per_call_that_holds_it():
    lists = ["3 12 40", "", "12", "40 1000000007", "12 40"]
    assert ids_counted(lists) == {3: 1, 12: 3, 40: 3, 1000000007: 1}


def test_small_ids_are_counted_the_same_as_large_ones():
    """Ids up to ``DENSE_IDS_UP_TO`` are counted in an array indexed by id, larger ones by
    sorting: either way each id is counted once per list that holds it."""
    small = ["3 12 40", "", "12", "40 7", "12 40"]
    large = [" ".join(str(int(i) + 10**9) for i in ids.split()) for ids in small]
    assert ids_counted(small) == {3: 1, 12: 3, 40: 3, 7: 1}
    assert ids_counted(large) == {10**9 + 3: 1, 10**9 + 12: 3, 10**9 + 40: 3, 10**9 + 7: 1}


def test_a_result_that_can_match_nothing_reads_no_rows(world):
    assert Matched(Call.objects.filter(pk__in=[]), matched_fields()).rows == []


def test_calls_without_any_id_of_a_facet_count_nothing():
    assert ids_counted(["", "", ""]) == {}
    assert ids_counted([]) == {}


def test_call_filter_narrows_a_base_queryset(world):
    """An official's page lists their calls with the same filters as the home page."""
    calls = CallFilter(QueryDict("year=2021"), queryset=world.blinken.calls.all())
    assert calls.is_valid()
    assert list(calls.qs) == [world.energy, world.border]


def test_facets_count_within_the_base_queryset(world):
    calls = CallFilter(None, queryset=world.aliyev.calls.all())
    facets = {facet.key: facet for facet in call_facets(calls)}
    assert {v.label: v.count for v in facets["year"].values} == {"2023": 1, "2021": 1, "2020": 1}
    officials = {v.label: v.count for v in facets["official"].values}
    assert officials == {"Ilham Aliyev": 3, "Antony Blinken": 2, "Mike Pompeo": 1}
    blinken = next(v for v in facets["official"].values if v.label == "Antony Blinken")
    assert blinken.query == "?official=antony-blinken"


def test_filtered_results_never_repeat_a_call(world):
    calls = CallFilter(
        QueryDict("language=fr&publisher=az-presidency&country=AZ&q=aliyev"),
        queryset=Call.objects.all(),
    )
    assert calls.is_valid()
    result = list(calls.qs)
    assert len(result) == len(set(result)) == 3


@pytest.mark.parametrize(
    "query", ["", "q=aliyev", "year=2021", "country=AZ&q=border", "official=antony-blinken"]
)
def test_facets_counted_from_a_result_read_once_are_the_aggregates(world, query):
    """A search or filtered list counts its facets from its rows' stored keys; the unfiltered
    list counts them with one aggregate each: both must give the same facets."""
    karabakh = Concept.objects.create(slug="karabakh", kind="place", pref_label_en="Karabakh")
    osce = Concept.objects.create(slug="osce", kind="organization", pref_label_en="OSCE")
    for call, concepts in ((world.border, [karabakh, osce]), (world.joint, [karabakh])):
        for concept in concepts:
            Mention.objects.create(
                readout=call.readouts.first(), kind=MentionKind(concept.kind),
                name=concept.pref_label_en, concept=concept,
            )  # fmt: skip
    refresh_derived(Call.objects.values_list("pk", flat=True))
    calls = CallFilter(QueryDict(query), queryset=Call.objects.for_list())
    assert calls.is_valid()
    by_aggregates = call_facets(calls)
    assert any(facet.values for facet in by_aggregates if facet.key == "official")
    assert call_facets(calls, matched=Matched(calls.qs, matched_fields())) == by_aggregates
