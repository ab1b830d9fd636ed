"""Side-by-side reading: per topic what each side's readout said, and what only one side said."""

import pytest

from readouts.models import Call
from readouts.present.comparison import compare

from .test_merge import FRENCH_AZ, english_us


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Pages render without collectstatic's manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def both_sides(load):
    load(FRENCH_AZ)
    load(english_us())
    return Call.objects.with_related().get()


def test_topics_each_side_spoke_of(both_sides):
    comparison = compare(both_sides)
    assert comparison.labels == ["Azerbaijani readout", "US readout"]
    rows = {row.topic.slug: row for row in comparison.rows}
    # Only the US readout raises human rights; only the Azerbaijani one missing persons.
    assert rows["human-rights"].only_side == "US"
    assert rows["missing-persons"].only_side == "AZ"
    az, us = rows["human-rights"].columns
    assert (az.statements, [s.text[:11] for s in us.statements]) == ([], ["He stressed"])
    only = {o.label: [t.slug for t in o.topics] for o in comparison.only_in}
    assert "human-rights" in only["Only in the US readout"]
    assert "missing-persons" in only["Only in the Azerbaijani readout"]
    # Topics both sides mention come first.
    sides = [row.only_side for row in comparison.rows]
    assert sides == sorted(sides, key=lambda side: side is not None)


def test_one_side_only_has_no_comparison(load):
    load(FRENCH_AZ)
    assert compare(Call.objects.with_related().get()) is None


def test_call_page_shows_both_sides(both_sides, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = client.get(both_sides.get_absolute_url(), secure=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Both sides, topic by topic" in page
    assert "Only in the US readout:" in page
    assert ">Human rights and democracy</a>" in page
    assert "css/comparison.css" in page


def test_call_page_with_one_side_has_no_comparison(load, client):
    result = load(FRENCH_AZ)
    page = client.get(result.call.get_absolute_url(), secure=True).content.decode()
    assert "Both sides, topic by topic" not in page
    assert "comparison.css" not in page
