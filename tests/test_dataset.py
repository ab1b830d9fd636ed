"""``export_dataset`` and ``/data/``: the whole archive as files that round-trip and validate."""

import csv
import datetime as dt
import io
import json
import sqlite3

import pytest
from django.core.management import call_command
from frictionless import validate

from readouts.cache import bump_archive_version
from readouts.dataset.files import file_names
from readouts.dataset.tables import TABLES
from readouts.models import Call, Office, Official, Readout, Tenure, Topic

from .dataset_loading import load_dataset
from .factories import make_call
from .list_world import plain_http_fixture  # noqa: F401
from .test_backup import build_archive


def export_calls():
    out = io.StringIO()
    call_command("export_calls", "--base-url", "https://archive.example", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def archive(db):
    build_archive()
    # A readout relayed by an agency, with its page, its date and an editor's review.
    Readout.objects.filter(pk=Readout.objects.order_by("pk").first().pk).update(
        source_url="https://azertag.az/en/xeber/1",
        published=dt.date(2022, 3, 17),
        publisher="azertac",
        relays="az-presidency",
        reviewed_at=dt.datetime(2022, 4, 1, 15, 30, tzinfo=dt.UTC),
    )
    demo = make_call("2019-01-01", list(Official.objects.all()[:2]), statements=[
        (None, "A synthetic statement.", ["peace"], "hope")
    ])  # fmt: skip
    Call.objects.filter(pk=demo.pk).update(is_demo=True)
    return demo


@pytest.fixture
def dataset(archive, tmp_path):
    folder = tmp_path / "dataset"
    call_command("export_dataset", str(folder), verbosity=0)
    return folder


def test_the_command_writes_every_file_and_leaves_demo_calls_out(dataset, archive):
    assert sorted(p.name for p in dataset.iterdir()) == sorted(file_names())
    calls = [json.loads(line) for line in (dataset / "calls.jsonl").read_text().splitlines()]
    assert archive.slug not in {c["slug"] for c in calls}
    assert len(calls) == Call.objects.real().count() == 3
    texts = (dataset / "statements.csv").read_text()
    assert "synthetic" not in texts and "Le Secrétaire d'État a exprimé son soutien." in texts


def test_loading_the_json_lines_into_an_empty_database_gives_back_export_calls(dataset, archive):
    Call.objects.filter(pk=archive.pk).delete()
    before = export_calls()
    Call.objects.all().delete()
    for model in (Tenure, Official, Office, Topic):
        model.objects.all().delete()
    assert export_calls() == {"calls": []}
    load_dataset(dataset)
    assert export_calls() == before
    assert len(before["calls"]) == 3
    relayed = [r for c in before["calls"] for r in c["readouts"] if r["relays"]]
    assert relayed[0]["published"] == "2022-03-17" and relayed[0]["reviewed"] == "2022-04-01"
    assert relayed[0]["source"] == "https://azertag.az/en/xeber/1"


def test_the_data_package_passes_frictionless_validation(dataset):
    report = validate(str(dataset / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == len(TABLES)


def test_frictionless_catches_a_statement_whose_readout_is_not_there(dataset):
    """The check above can fail: the foreign keys are declared and checked."""
    path = dataset / "statements.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][rows[0].index("readout_id")] = "999999"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    report = validate(str(dataset / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_the_dictionary_describes_every_column_of_every_file(dataset):
    described = {
        (row["table"], row["column"])
        for row in csv.DictReader((dataset / "data-dictionary.csv").open(encoding="utf-8"))
        if row["description"].strip()
    }
    package = json.loads((dataset / "datapackage.json").read_text())
    for resource in package["resources"]:
        header = next(csv.reader((dataset / resource["path"]).open(encoding="utf-8")))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert all(f["description"] for f in resource["schema"]["fields"])
        assert {(resource["name"], column) for column in header} <= described
    vocabulary = json.loads((dataset / "topic-vocabulary.json").read_text())["topics"]
    assert {"slug", "name_en", "cues_en", "cues_fr"} <= set(vocabulary[0])


def test_the_sqlite_file_holds_the_same_tables(dataset):
    database = sqlite3.connect(dataset / "readout-archive.sqlite")
    for table in TABLES:
        lines = (dataset / f"{table.name}.jsonl").read_text().splitlines()
        (count,) = database.execute(f'SELECT COUNT(*) FROM "{table.name}"').fetchone()
        assert count == len(lines), table.name
    said = database.execute(
        "SELECT o.name, s.text FROM statements s JOIN officials o ON o.id = s.speaker_id "
        "JOIN statement_topics st ON st.statement_id = s.id JOIN topics t ON t.id = st.topic_id "
        "WHERE t.slug = 'peace' ORDER BY s.id"
    ).fetchall()
    assert said[0] == ("Antony Blinken", "Le Secrétaire d'État a exprimé son soutien.")


def test_the_citation_file_names_the_dataset_and_its_version(dataset):
    cff = (dataset / "CITATION.cff").read_text()
    assert "cff-version: 1.2.0" in cff and "type: dataset" in cff
    assert 'repository-artifact: "http://127.0.0.1:8000/data/"' in cff


def test_the_data_page_lists_the_files_the_citation_and_the_publishers(
    client, archive, settings, tmp_path
):
    settings.DATASET_ROOT = tmp_path / "served"
    html = client.get("/data/").content.decode()
    for name in file_names():
        assert f'href="/data/{name}"' in html
    assert "cff-version: 1.2.0" in html
    assert "U.S. Department of State" in html and "<code>az-presidency</code>" in html
    assert "speaker_guessed" in html  # the dictionary


def test_a_download_is_the_current_archive_and_follows_a_write(client, archive, settings, tmp_path):
    settings.DATASET_ROOT = tmp_path / "served"
    response = client.get("/data/calls.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    first = b"".join(response.streaming_content).decode()
    assert first.count("\n") == 4  # header and three real calls
    make_call("2024-02-02", list(Official.objects.all()[:2]))
    bump_archive_version()
    second = b"".join(client.get("/data/calls.csv").streaming_content).decode()
    assert second.count("\n") == 5 and "2024-02-02" in second
    assert len([p for p in (tmp_path / "served").iterdir()]) == 1  # the old version is gone
    assert client.get("/data/secrets.txt").status_code == 404
    assert client.get("/data/..%2Fsettings.py").status_code == 404


def test_cors_lets_a_notebook_in_a_browser_fetch_the_files(client, archive, settings, tmp_path):
    settings.DATASET_ROOT = tmp_path / "served"
    response = client.get("/data/topics.csv", headers={"origin": "https://notebook.example"})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_writing_the_dataset_runs_a_fixed_number_of_queries(
    archive, tmp_path, django_assert_max_num_queries
):
    official = list(Official.objects.all()[:2])
    for day in range(1, 20):
        make_call(f"2020-03-{day:02d}", official, statements=[(None, f"Words {day}.", ["peace"])])
    with django_assert_max_num_queries(20):
        call_command("export_dataset", str(tmp_path / "many"), verbosity=0)
