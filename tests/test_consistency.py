"""The consistency check that ``make faults`` and the kill -9 tests rely on finds each kind of
fault a write could leave behind, and finds nothing in a sound archive."""

import pytest

from readouts.models import Call, OfficialMonth, Readout, Statement, TopicMonth
from readouts.writing.consistency import problems

from .factories import make_call, make_official, make_topic


@pytest.fixture
def archive(db):
    aliyev = make_official("Ilham Aliyev", country="AZ")
    blinken = make_official("Antony Blinken")
    calls = [
        make_call(
            "2022-04-05",
            [aliyev, blinken],
            statements=[(aliyev, "Aliyev spoke of the peace treaty.", ["peace-treaty"])],
        ),
        make_call(
            "2022-08-05",
            [aliyev, blinken],
            statements=[(blinken, "Blinken welcomed the talks.", ["regional-conflicts"])],
        ),
    ]
    return calls


def test_a_sound_archive_has_no_problems(archive):
    assert problems() == []


def test_a_call_topic_written_behind_the_owners_back_is_found(archive):
    archive[0].topics.add(make_topic("energy"))
    assert any(p.startswith("1 topics not as derived.py writes them") for p in problems())


def test_a_stale_search_row_is_found(archive):
    Statement.objects.filter(readout__call=archive[1]).update(text="Something else entirely.")
    assert any("search rows not as derived.py writes them" in p for p in problems())


def test_a_drifted_page_summary_is_found(archive):
    OfficialMonth.objects.filter(official__slug="ilham-aliyev").update(calls=7)
    TopicMonth.objects.all().delete()
    found = problems()
    assert any(p.startswith("2 page summaries (months)") for p in found), found
    assert any("page summaries (topic_months)" in p for p in found), found


def test_a_call_left_without_its_readout_is_found(archive):
    Readout.objects.filter(call=archive[0]).delete()
    found = problems()
    assert f"1 calls without a readout (ids {archive[0].pk})" in found


def test_the_check_itself_writes_nothing(archive):
    archive[0].topics.add(make_topic("energy"))
    problems()
    assert set(Call.objects.get(pk=archive[0].pk).topics.values_list("slug", flat=True)) == {
        "peace-treaty",
        "energy",
    }
