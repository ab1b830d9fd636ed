"""load_readouts and export_calls as an operator runs them."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from readouts.models import Call, Readout
from readouts.writing import ingest

from .conftest import ROOT, SAMPLES, SEEDS

SEED_DIR = SEEDS[0].parent
GOLD = json.loads((ROOT / "tests" / "data" / "gold" / "seeds.json").read_text(encoding="utf-8"))


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as error:
        return 1, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_loading_the_seeds_twice_leaves_two_calls():
    status, out, _ = run("load_readouts", str(SEED_DIR))
    assert status == 0
    assert "2 files: 2 created, 0 updated, 0 unchanged, 0 failed" in out
    status, out, _ = run("load_readouts", str(SEED_DIR))
    assert status == 0
    assert "2 files: 0 created, 0 updated, 2 unchanged, 0 failed" in out
    assert Call.objects.count() == 2


def write(folder, name, content: bytes):
    path = folder / name
    path.write_bytes(content)
    return path


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "header-only.txt": (b" date 2021-05 ", "empty"),
    "no-framing.txt": (" date 2021-05 Le temps était beau à Bakou.".encode(), "no call framing"),
    "bad-header.txt": (
        " date 2021-13 Le 3 mai, Ilham Aliyev a appelé Antony Blinken.".encode(),
        "unreadable header",
    ),
    "latin1.txt": (
        " date 2021-05 Le 3 mai, le président a reçu un appel".encode("latin-1"),
        "not UTF-8 (invalid byte at offset 29)",
    ),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    "huge.txt": (b"a" * 1_000_001, "too large"),
    "nobody.txt": (
        " date 2021-05 Le 3 mai, le président a reçu un coup de téléphone du ministre.".encode(),
        "no participant",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_reported_and_the_others_still_load(tmp_path, name):
    content, reason = BAD_FILES[name]
    write(tmp_path, name, content)
    write(tmp_path, SEEDS[0].name, SEEDS[0].read_bytes())
    status, out, err = run("load_readouts", str(tmp_path))
    assert status == 1
    assert f"{tmp_path / name}: " in err
    assert reason in err.split(f"{tmp_path / name}: ", 1)[1].splitlines()[0]
    assert "1 created" in out and "1 failed" in out
    assert list(Readout.objects.values_list("source", flat=True)) == [SEEDS[0].name]


@pytest.mark.django_db
def test_files_sharing_a_name_are_refused_and_the_others_load(tmp_path):
    # Folders are searched recursively, but a readout's source is its file name alone.
    (tmp_path / "az").mkdir()
    (tmp_path / "us").mkdir()
    first = write(tmp_path / "az", "2022-10.txt", SEEDS[0].read_bytes())
    second = write(tmp_path / "us", "2022-10.txt", SEEDS[1].read_bytes())
    write(tmp_path, "other.txt", SAMPLES[0].read_bytes())
    run("load_readouts", str(first))
    loaded = Readout.objects.get(source="2022-10.txt")

    status, out, err = run("load_readouts", "--update", str(tmp_path))
    assert status == 1
    for path, other in ((first, second), (second, first)):
        assert (
            f"{path}: another file in this run has the same name ({other}); "
            "the archive identifies a file by its name" in err
        )
    assert "1 created" in out and "2 failed" in out
    # Neither was loaded: the readout already in the archive keeps its text and its call.
    assert Readout.objects.get(source="2022-10.txt").text == loaded.text
    assert set(Readout.objects.values_list("source", flat=True)) == {"2022-10.txt", "other.txt"}


@pytest.mark.django_db
def test_a_file_reached_by_two_arguments_is_loaded_once(tmp_path):
    path = write(tmp_path, SEEDS[0].name, SEEDS[0].read_bytes())
    status, out, err = run("load_readouts", str(tmp_path), str(path))
    assert (status, err) == (0, "")
    assert "1 files: 1 created" in out


@pytest.mark.django_db
def test_an_unexpected_error_in_one_file_is_reported_and_the_others_load(tmp_path, monkeypatch):
    broken = write(tmp_path, "0-broken.txt", SEEDS[1].read_bytes())  # loaded first
    write(tmp_path, SEEDS[0].name, SEEDS[0].read_bytes())
    write_mentions = ingest._write_mentions

    def fail_for_the_broken_file(readout, parsed, officials):
        if readout.source == broken.name:
            raise IntegrityError("UNIQUE constraint failed: readouts_participant")
        write_mentions(readout, parsed, officials)

    monkeypatch.setattr(ingest, "_write_mentions", fail_for_the_broken_file)
    status, out, err = run("load_readouts", str(tmp_path))
    assert status == 1
    assert (
        f"{broken}: unexpected error: IntegrityError: UNIQUE constraint failed: "
        "readouts_participant" in err
    )
    assert "1 created" in out and "1 failed" in out
    # The broken file's transaction was rolled back: no half-written call is left.
    assert list(Readout.objects.values_list("source", flat=True)) == [SEEDS[0].name]
    assert Call.objects.count() == 1


@pytest.mark.django_db
def test_a_missing_path_is_an_error():
    status, _, err = run("load_readouts", "/nonexistent/readouts")
    assert status == 1
    assert "no such file or folder" in err


@pytest.mark.django_db
def test_export_matches_the_gold_extraction():
    run("load_readouts", str(SEED_DIR))
    status, out, _ = run("export_calls")
    assert status == 0
    calls = json.loads(out)["calls"]
    dates = [c["date"] for c in calls]
    assert dates == sorted(dates)  # oldest first
    assert {"2021-05-17", "2022-10-10"} <= set(dates)
    by_file = {call["readouts"][0]["source"]: call for call in calls}
    for expected in GOLD["readouts"]:
        call = by_file[expected["file"]]
        readout = call["readouts"][0]
        assert call["date_precision"] == expected["date_precision"]
        assert call["initiator"] == expected["initiator"]
        assert [(p["name"], p["country"], p["title"]) for p in call["participants"]] == [
            (p["name"], p["country"], p["title_as_written"]) for p in expected["participants"]
        ]
        assert set(call["topics"]) == set(expected["topics"])
        assert readout["language"] == expected["language"]
        mentions = {(m["kind"], m["name"]) for m in readout["mentions"]}
        wanted = {
            (kind, name)
            for group, kind in [
                ("people", "person"),
                ("organizations", "organization"),
                ("places", "place"),
                ("documents", "document"),
            ]
            for name in expected["mentioned"][group]
        }
        assert mentions == wanted
        statements = readout["statements"]
        assert len(statements) == len(expected["statements"])
        for got, want in zip(statements, expected["statements"], strict=True):
            assert got["text"].startswith(want["starts"])
            assert got["speaker"] == want["speaker"], got["text"]
            assert set(got["topics"]) == set(want["topics"]), got["text"]
        assert call["url"].endswith(f"/calls/{call['slug']}/")


@pytest.mark.django_db
def test_dry_run_reports_but_writes_nothing():
    status, out, _ = run("load_readouts", "--dry-run", str(SEED_DIR))
    assert status == 0
    assert "2 created" in out and "dry run: nothing was written" in out
    assert not Call.objects.exists()


@pytest.mark.django_db
def test_the_english_samples_load_with_their_publishers():
    status, out, _ = run("load_readouts", str(ROOT / "tests" / "data" / "samples"))
    assert status == 0, out
    assert "3 files: 3 created" in out
    # Whose account each is shows in the titles even where the publisher is not named.
    assert set(Readout.objects.values_list("side", "language")) == {("US", "en")}
    publishers = dict(Readout.objects.values_list("source", "publisher"))
    assert publishers["2022-12-22_whitehouse-en_sullivan-hajiyev-grigoryan.txt"] == "white-house"


@pytest.mark.django_db
def test_publisher_given_on_the_command_line_wins():
    sample = ROOT / "tests" / "data" / "samples" / "2024-04-03_state-en_blinken-aliyev.txt"
    status, _, _ = run("load_readouts", "--publisher", "us-state-department", str(sample))
    assert status == 0
    assert Readout.objects.get().publisher == "us-state-department"
