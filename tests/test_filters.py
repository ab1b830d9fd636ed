"""The FilterSets and facets reused on other pages."""

from django.http import QueryDict

from readouts.browse.facets import call_facets
from readouts.browse.filters import CallFilter
from readouts.models import Call

from .list_world import plain_http_fixture, world_fixture  # noqa: F401


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
    assert blinken.params.urlencode() == "official=antony-blinken"


def test_filtered_results_never_repeat_a_call(world):
    calls = CallFilter(
        QueryDict("language=fr&publisher=az-presidency&country=AZ&q=aliyev"),
        queryset=Call.objects.all(),
    )
    assert calls.is_valid()
    result = list(calls.qs)
    assert len(result) == len(set(result)) == 3
