"""format=json and format=csv give exactly the filtered result; bad requests get a 400."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from readouts.present import formats
from readouts.present.formats import spreadsheet_safe

from .factories import make_call
from .list_world import plain_http_fixture, world_fixture  # noqa: F401


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


def test_calls_json_is_the_export_shape_with_counts_and_links(client, world):
    for day in range(1, 25):
        make_call(dt.date(2019, 2, day), [world.aliyev, world.pompeo])
    response = client.get("/?official=ilham-aliyev&format=json")
    data = response.json()
    assert data["count"] == 27
    assert data["previous"] is None
    assert data["next"] == "http://testserver/?official=ilham-aliyev&page=2&format=json"
    assert len(data["calls"]) == 25
    first = data["calls"][0]
    assert first["slug"] == world.joint.slug
    assert first["url"] == f"http://testserver/calls/{world.joint.slug}/"
    assert {p["slug"] for p in first["participants"]} == {"ilham-aliyev", "antony-blinken"}
    assert first["readouts"][0]["statements"][0]["speaker"] == "both"
    last = client.get(data["next"].removeprefix("http://testserver")).json()
    assert len(last["calls"]) == 2 and last["next"] is None
    assert "page=1&" in last["previous"]


def test_statements_json(client, world):
    data = client.get("/statements/?speaker=antony-blinken&format=json").json()
    assert data["count"] == 1
    (statement,) = data["statements"]
    assert statement == {
        "speaker": "Antony Blinken",
        "date": "2021-05-17",
        "call_url": statement["call_url"],
        "text": "Secretary Blinken urged progress on border delimitation.",
        "topics": ["border-delimitation"],
    }
    assert statement["call_url"].startswith(f"http://testserver/calls/{world.border.slug}/#r")


def test_calls_csv_has_every_page_and_only_the_filtered_calls(client, world):
    for day in range(1, 29):
        make_call(dt.date(2019, 3, day), [world.aliyev, world.pompeo])
    response = client.get("/?official=mike-pompeo&format=csv&page=2")
    assert response["Content-Disposition"] == 'attachment; filename="calls.csv"'
    rows = csv_rows(response)
    assert len(rows) == 29  # page is ignored: the CSV is the whole result
    peace = rows[0]
    assert peace["date"] == "2020-10-20"
    assert peace["participants"] == "Ilham Aliyev; Mike Pompeo"
    assert peace["initiator"] == "Mike Pompeo"
    assert peace["topics"] == "peace-process"


def test_csv_neutralises_formulas(client, world):
    make_call(
        "2024-05-05",
        [world.aliyev, world.blinken],
        statements=[(world.aliyev, '=HYPERLINK("http://evil.example","click")', [], "")],
    )
    rows = csv_rows(client.get("/statements/?date_after=2024-01-01&format=csv"))
    assert rows[0]["text"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[0]["speaker"] == "Ilham Aliyev"


def test_spreadsheet_safe_prefixes_every_formula_start():
    for start in "=+-@\t\r":
        assert spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"
    assert spreadsheet_safe("Aliyev") == "Aliyev"
    assert spreadsheet_safe(None) == ""


def test_bad_filters_in_json_and_csv_are_400s_with_the_errors(client, world):
    response = client.get("/?official=nobody&format=json")
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"official": ["There is no official “nobody” in the archive."]}
    }
    response = client.get("/?date_after=soon&format=csv")
    assert response.status_code == 400
    assert response.content.decode() == "date_after: Enter a valid date.\n"
    response = client.get("/statements/?page=7&format=json")
    assert response.status_code == 400
    assert "There is no page 7" in response.json()["errors"]["page"][0]


def test_an_unknown_format_is_a_400(client, world):
    for url in ("/?format=xlsx", "/statements/?format=pdf"):
        response = client.get(url)
        assert response.status_code == 400
        assert "use html, json or csv" in response.content.decode()


# -- the size of a CSV download ------------------------------------------------------------------


def make_calls(world, count, year=2015):
    """``count`` calls in ``year``, each with a topic and two statements."""
    start = dt.date(year, 1, 1)
    for n in range(count):
        make_call(
            start + dt.timedelta(days=n),
            [world.aliyev, world.pompeo],
            initiator=world.pompeo,
            statements=[
                (world.aliyev, f"Statement {n} on energy.", ["energy"], ""),
                (world.pompeo, f"Reply {n} on the border.", ["border-delimitation"], ""),
            ],
        )


def test_a_csv_larger_than_the_limit_is_a_400_asking_for_narrower_filters(
    client, world, monkeypatch
):
    monkeypatch.setattr(formats, "CSV_MAX_ROWS", 5)
    make_calls(world, 6)
    response = client.get("/?year=2015&format=csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    message = response.content.decode()
    assert "6 calls match these filters" in message
    assert "at most 5" in message
    assert "Narrow the filters" in message and "manage.py export_calls" in message

    in_2015 = "date_after=2015-01-01&date_before=2015-12-31"
    response = client.get(f"/statements/?{in_2015}&format=csv")
    assert response.status_code == 400
    assert "12 statements match these filters" in response.content.decode()

    # At the limit the whole result is still there.
    assert len(csv_rows(client.get("/?year=2015&date_before=2015-01-05&format=csv"))) == 5
    by_aliyev = "/statements/?date_after=2015-01-01&date_before=2015-01-05&speaker=ilham-aliyev"
    assert len(csv_rows(client.get(f"{by_aliyev}&format=csv"))) == 5


def csv_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        csv_rows(client.get(url))
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/?year={year}&format=csv",
        "/statements/?date_after={year}-01-01&date_before={year}-12-31&format=csv",
    ],
)
def test_a_csv_issues_the_same_queries_whatever_its_length(client, world, url):
    make_calls(world, 10, year=2015)
    make_calls(world, 50, year=2016)
    assert csv_queries(client, url.format(year=2015)) == csv_queries(client, url.format(year=2016))
