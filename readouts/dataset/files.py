"""Write the dataset's files into a folder, from the one description in ``tables.py``.

Each table is read once and written three ways at the same time: ``TABLE.jsonl`` (one JSON
object a line, native lists and booleans), ``TABLE.csv`` (UTF-8, a header row, lists as JSON
text, empty for null) and a table of ``readout-archive.sqlite``. Then the files that describe
them: ``data-dictionary.csv`` (every column of every table, its type and meaning),
``topic-vocabulary.json``, ``datapackage.json`` (Frictionless Data: the CSV tables with their
schemas, primary and foreign keys), ``CITATION.cff``, and ``readout-archive.zip`` of it all.

The texts are written exactly as published: unlike the site's CSV downloads, no cell is
altered to stop a spreadsheet from reading it as a formula, since a dataset must round-trip.
"""

import csv
import datetime as dt
import json
import sqlite3
import zipfile
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder

from .tables import TABLES, Table

SQLITE = "readout-archive.sqlite"
ZIP = "readout-archive.zip"
DICTIONARY = "data-dictionary.csv"
VOCABULARY = "topic-vocabulary.json"
PACKAGE = "datapackage.json"
CITATION = "CITATION.cff"
TITLE = "Readout Archive: official readouts of phone calls between Azerbaijani and US officials"
DESCRIPTION = (
    "Who called whom and when, what each side published about the call (the readouts, "
    "verbatim), and each sentence attributed to an official, tagged with topics from a "
    "controlled vocabulary. Demo (synthetic) calls are left out."
)
SQL_TYPES = {"integer": "INTEGER", "boolean": "INTEGER", "string": "TEXT", "date": "TEXT",
             "array": "TEXT"}  # fmt: skip


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _sql_cell(value):
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _create_sql(table: Table) -> str:
    columns = [
        f'"{c.name}" {SQL_TYPES[c.type]}{" NOT NULL" if c.required else ""}'
        + (f' REFERENCES "{table.foreign_keys[c.name]}"' if c.name in table.foreign_keys else "")
        for c in table.columns
    ]
    key = ", ".join(f'"{name}"' for name in table.primary_key)
    return f'CREATE TABLE "{table.name}" ({", ".join(columns)}, PRIMARY KEY ({key}))'


def write_table(table: Table, folder: Path, database: sqlite3.Connection) -> int:
    names = table.column_names
    insert = f'INSERT INTO "{table.name}" VALUES ({", ".join("?" for _ in names)})'
    database.execute(_create_sql(table))
    count = 0
    with (
        open(folder / f"{table.name}.jsonl", "w", encoding="utf-8") as jsonl,
        open(folder / f"{table.name}.csv", "w", encoding="utf-8", newline="") as csv_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(names)
        for row in table.rows():
            values = [row[name] for name in names]
            jsonl.write(json.dumps(dict(zip(names, values, strict=True)), cls=DjangoJSONEncoder,
                                   ensure_ascii=False) + "\n")  # fmt: skip
            writer.writerow([_csv_cell(value) for value in values])
            database.execute(insert, [_sql_cell(value) for value in values])
            count += 1
    return count


def datapackage(version: dt.datetime, base_url: str) -> dict:
    def schema(table):
        fields = [
            {
                "name": c.name,
                "type": c.type,
                "description": c.description,
                **({"constraints": {"required": True}} if c.required else {}),
            }
            for c in table.columns
        ]
        keys = [
            {"fields": [column], "reference": {"resource": other, "fields": ["id"]}}
            for column, other in table.foreign_keys.items()
        ]
        return {"fields": fields, "primaryKey": table.primary_key, "foreignKeys": keys}

    return {
        "name": "readout-archive",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": version.strftime("%Y.%m.%d.%H%M%S"),
        "created": version.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "homepage": f"{base_url}/data/",
        "keywords": ["Azerbaijan", "United States", "diplomacy", "phone calls", "readouts"],
        "resources": [
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema(table),
            }
            for table in TABLES
        ],
    }


def citation(version: dt.datetime, base_url: str) -> str:
    """CITATION.cff (Citation File Format 1.2.0); every string is JSON-quoted, valid YAML."""
    q = json.dumps
    return "\n".join(
        [
            "cff-version: 1.2.0",
            f"message: {q('If you use this dataset, please cite it as below.')}",
            "type: dataset",
            f"title: {q(TITLE)}",
            "authors:",
            f"  - name: {q('Readout Archive')}",
            f"version: {q(version.strftime('%Y.%m.%d.%H%M%S'))}",
            f"date-released: {version.date().isoformat()}",
            f"url: {q(base_url + '/')}",
            f"repository-artifact: {q(base_url + '/data/')}",
            f"abstract: {q(DESCRIPTION)}",
            "keywords:",
            *(f"  - {q(word)}" for word in ["Azerbaijan", "United States", "diplomacy"]),
            "",
        ]
    )


def write_dataset(folder: Path, *, version: dt.datetime, base_url: str) -> dict[str, int]:
    """Every file of the dataset in ``folder`` (created if missing); returns rows per table."""
    folder.mkdir(parents=True, exist_ok=True)
    base_url = base_url.rstrip("/")
    (folder / SQLITE).unlink(missing_ok=True)
    database = sqlite3.connect(folder / SQLITE)
    try:
        counts = {table.name: write_table(table, folder, database) for table in TABLES}
        database.commit()
    finally:
        database.close()
    with open(folder / DICTIONARY, "w", encoding="utf-8", newline="") as dictionary:
        writer = csv.writer(dictionary)
        writer.writerow(["table", "column", "type", "required", "description"])
        for table in TABLES:
            for c in table.columns:
                writer.writerow([table.name, c.name, c.type, _csv_cell(c.required), c.description])
    lines = (folder / "topics.jsonl").read_text(encoding="utf-8").splitlines()
    topics = [json.loads(line) for line in lines]
    vocabulary = [{key: value for key, value in t.items() if key != "id"} for t in topics]
    (folder / VOCABULARY).write_text(
        json.dumps({"topics": vocabulary}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (folder / PACKAGE).write_text(
        json.dumps(datapackage(version, base_url), ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    (folder / CITATION).write_text(citation(version, base_url), encoding="utf-8")
    with zipfile.ZipFile(folder / ZIP, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in file_names():
            if name != ZIP:
                archive.write(folder / name, arcname=name)
    return counts


def file_names() -> list[str]:
    """Every file ``write_dataset`` writes, in the order the /data/ page lists them."""
    per_table = [f"{t.name}.{kind}" for t in TABLES for kind in ("csv", "jsonl")]
    return [ZIP, SQLITE, PACKAGE, DICTIONARY, VOCABULARY, CITATION, *per_table]
