"""SOURCES.tsv: a folder's readouts arrive with their source URL, publisher and publication date."""

import datetime as dt

import pytest

from readouts.models import Readout
from readouts.writing.manifest import ManifestError, read_manifest

from .conftest import SEEDS
from .test_commands import run, write

HEADER = "file\tsource_url\tpublisher\trelays\tpublished\tlanguage\n"
SULLIVAN, BLINKEN = SEEDS  # the two French seeds: 17 May 2021 and October 2022


def manifest(folder, *rows, header=HEADER):
    path = folder / "SOURCES.tsv"
    path.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def seeds_in(folder):
    for seed in SEEDS:
        write(folder, seed.name, seed.read_bytes())


def test_a_row_is_read_with_its_values(tmp_path):
    path = manifest(
        tmp_path,
        ("a.txt", "https://en.trend.az/a.html", "trend", "az-mfa", "2020-10-28", "en"),
        ("b.txt", "", "az-presidency", "", "", "fr"),
    )
    rows = read_manifest(path)
    assert rows["a.txt"].published == dt.date(2020, 10, 28)
    assert (rows["a.txt"].publisher, rows["a.txt"].relays) == ("trend", "az-mfa")
    assert rows["b.txt"].published is None and not rows["b.txt"].problem


def test_extra_columns_are_annotations_and_left_alone(tmp_path):
    path = manifest(
        tmp_path,
        ("a.txt", "", "trend", "2020-10-28", "Jeyhun Bayramov"),
        header="file\tsource_url\tpublisher\tpublished\tparticipants\n",
    )
    assert read_manifest(path)["a.txt"].publisher == "trend"


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        ("", [], "no header line"),
        ("file\tpublisher\tpublished\n", [], "no column source_url"),
        (HEADER, [("a.txt", "", "trend")], "3 fields where the header has 6"),
        (HEADER, [("a.txt", "", "trend", "", "", "en")] * 2, "a.txt is listed twice"),
        (HEADER, [("", "", "trend", "", "", "en")], "line 2: no file name"),
    ],
)
def test_a_malformed_manifest_is_refused_with_its_line(tmp_path, header, rows, message):
    path = manifest(tmp_path, *rows, header=header)
    with pytest.raises(ManifestError, match=message):
        read_manifest(path)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (("a.txt", "", "reuters", "", "", "en"), "unknown publisher “reuters”"),
        (("a.txt", "", "trend", "tass", "", "en"), "unknown relays “tass”"),
        (("a.txt", "", "trend", "", "28/10/2020", "en"), "“28/10/2020” is not a date"),
        (("a.txt", "", "trend", "", "", "de"), "unknown language “de”"),
    ],
)
def test_a_bad_value_is_kept_as_that_rows_problem(tmp_path, row, problem):
    assert problem in read_manifest(manifest(tmp_path, row))["a.txt"].problem


@pytest.mark.django_db
def test_load_readouts_records_what_the_manifest_says(tmp_path):
    seeds_in(tmp_path)
    url = "https://president.az/en/articles/view/51571"
    manifest(
        tmp_path,
        (SULLIVAN.name, url, "azertac", "az-presidency", "2021-05-18", "fr"),
        (BLINKEN.name, "", "az-presidency", "", "", "fr"),
    )
    status, _, err = run("load_readouts", str(tmp_path))
    assert status == 0, err
    readout = Readout.objects.get(source=SULLIVAN.name)
    assert (readout.source_url, readout.published) == (url, dt.date(2021, 5, 18))
    assert readout.publisher_name == (
        "AZERTAC (Azerbaijan State News Agency), relaying the Azerbaijani Presidency"
    )
    assert readout.side == "AZ"
    other = Readout.objects.get(source=BLINKEN.name)
    assert (other.source_url, other.published, other.publisher) == ("", None, "az-presidency")


@pytest.mark.django_db
def test_a_relayed_readout_takes_the_side_of_the_body_it_relays(tmp_path):
    seeds_in(tmp_path)
    manifest(
        tmp_path,
        (SULLIVAN.name, "", "trend", "white-house", "", "fr"),
        (BLINKEN.name, "", "trend", "", "", "fr"),
    )
    assert run("load_readouts", str(tmp_path))[0] == 0
    assert Readout.objects.get(source=SULLIVAN.name).side == "US"
    assert Readout.objects.get(source=BLINKEN.name).side == "AZ"


@pytest.mark.django_db
def test_manifest_elsewhere(tmp_path):
    texts, elsewhere = tmp_path / "texts", tmp_path / "meta"
    texts.mkdir(), elsewhere.mkdir()
    seeds_in(texts)
    path = manifest(
        elsewhere,
        (SULLIVAN.name, "https://a.example/1", "az-presidency", "", "", "fr"),
        (BLINKEN.name, "https://a.example/2", "az-presidency", "", "", "fr"),
    )
    assert run("load_readouts", str(texts), "--manifest", str(path))[0] == 0
    assert set(Readout.objects.values_list("source_url", flat=True)) == {
        "https://a.example/1",
        "https://a.example/2",
    }


@pytest.mark.django_db
def test_each_file_the_manifest_does_not_describe_well_is_reported_alone(tmp_path):
    seeds_in(tmp_path)
    manifest(
        tmp_path,
        (SULLIVAN.name, "", "reuters", "", "", "fr"),
        ("gone.txt", "", "trend", "", "", "en"),
    )
    status, _, err = run("load_readouts", str(tmp_path))
    assert status == 1
    assert f"{SULLIVAN.name}: SOURCES.tsv: unknown publisher “reuters”" in err
    assert f"{BLINKEN.name}: no row in SOURCES.tsv" in err
    assert "SOURCES.tsv: gone.txt: listed, but there is no such file" in err
    assert Readout.objects.count() == 0


@pytest.mark.django_db
def test_a_malformed_manifest_refuses_the_whole_run_before_writing(tmp_path):
    seeds_in(tmp_path)
    manifest(tmp_path, (SULLIVAN.name, "", "az-presidency"))
    status, _, err = run("load_readouts", str(tmp_path))
    assert status == 1
    assert "SOURCES.tsv, line 2: 3 fields where the header has 6" in err
    assert err.endswith("nothing was loaded")
    assert Readout.objects.count() == 0
