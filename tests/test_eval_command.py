"""``evaluate_extraction`` as ``make eval`` runs it: ingest, score, roll back, floors."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from readouts.models import Call

from .conftest import ROOT
from .factories import make_call, make_official

SEEDS = ROOT / "tests" / "data" / "seeds"


def run(*args):
    out = StringIO()
    try:
        call_command("evaluate_extraction", *args, stdout=out)
    except CommandError as error:
        return 1, out.getvalue() + str(error)
    return 0, out.getvalue()


@pytest.mark.django_db
def test_the_seeds_are_scored_per_readout_and_in_total_and_nothing_stays():
    status, out = run(str(SEEDS))
    assert status == 0, out
    assert "000_6588ba7e0cb541bd.txt: date ok | initiator ok | participants ok" in out
    assert "seeds: archived 1.00 | date 1.00" in out
    assert not Call.objects.exists()


@pytest.mark.django_db
def test_a_folder_without_gold_is_refused(tmp_path):
    status, out = run(str(tmp_path))
    assert status == 1
    assert "gold.json: no such file" in out


@pytest.mark.django_db
def test_a_non_empty_archive_is_refused():
    make_call("2022-04-05", [make_official("Antony Blinken")])
    status, out = run(str(SEEDS))
    assert status == 1
    assert "the archive is not empty" in out


@pytest.mark.django_db
def test_below_the_floors_fails_and_says_which(tmp_path):
    (tmp_path / "gold.json").write_text(
        '{"readouts": [{"file": "missing.txt", "date": null, "participants": [], '
        '"statements": []}]}',
        encoding="utf-8",
    )
    status, out = run(str(tmp_path), "--set", "corpus")
    assert status == 1
    assert "missing.txt: NOT ARCHIVED" in out
    assert "BELOW FLOORS: archived 0.00" in out


@pytest.mark.django_db
def test_a_manifest_gives_the_publication_date_for_today(tmp_path):
    (tmp_path / "a.txt").write_text(
        " date 2022-07 Secretary of State Antony Blinken spoke today with President Ilham "
        "Aliyev.\n\nThe Secretary urged restraint.",
        encoding="utf-8",
    )
    (tmp_path / "gold.json").write_text(
        '{"readouts": [{"file": "a.txt", "date": "2022-07-25", "initiator": null, '
        '"participants": [{"name": "Ilham Aliyev"}, {"name": "Antony Blinken"}], '
        '"statements": [{"n": 2, "starts": "The Secretary urged", "speaker": "Antony Blinken"}]}]}',
        encoding="utf-8",
    )
    status, out = run(str(tmp_path))
    assert status == 0, out
    assert "a.txt: date WRONG (2022-07-01)" in out  # no manifest: the header's month
    (tmp_path / "SOURCES.tsv").write_text("file\tpublished\na.txt\t2022-07-25\n", encoding="utf-8")
    status, out = run(str(tmp_path))
    assert "a.txt: date ok | initiator ok | participants ok | speakers 1/1" in out
