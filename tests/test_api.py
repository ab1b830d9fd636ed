"""The JSON API at /api/v1/: the pages' filters and facets, paging, validators, limits, CORS."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from readouts.cache import bump_archive_version

from .factories import make_call
from .list_world import plain_http_fixture, world_fixture  # noqa: F401


def get(client, url, status=200, meta=None, **headers):
    response = client.get(url, headers=headers, **(meta or {}))
    assert response.status_code == status, response.content[:500]
    return response


def slugs(response):
    return [row["slug"] for row in response.json()["results"]]


def test_calls_list_newest_first_with_participants_topics_and_readouts(client, world):
    body = get(client, "/api/v1/calls/").json()
    assert body["count"] == 4 and body["pages"] == 1
    assert [c["slug"] for c in body["results"]] == [
        world.joint.slug, world.energy.slug, world.border.slug, world.peace.slug,
    ]  # fmt: skip
    border = body["results"][2]
    assert border["initiator"] == "antony-blinken"
    assert [p["official"] for p in border["participants"]] == ["ilham-aliyev", "antony-blinken"]
    assert sorted(border["topics"]) == ["border-delimitation", "peace-process"]
    assert {(r["side"], r["language"]) for r in border["readouts"]} == {("US", "en"), ("AZ", "fr")}
    assert border["url"] == f"http://testserver/api/v1/calls/{world.border.slug}/"
    assert border["page"] == f"http://testserver{world.border.get_absolute_url()}"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("official=antony-blinken&official=ilham-aliyev", ["joint", "border"]),
        ("topic=peace-process", ["border", "peace"]),
        ("year=2021", ["energy", "border"]),
        ("sides=both", ["border"]),
        ("q=energy", ["energy"]),
        ("initiator=mike-pompeo", ["peace"]),
        ("sort=date&country=AZ", ["peace", "border", "energy", "joint"]),
    ],
)
def test_calls_take_the_pages_filters_and_give_the_pages_result(client, world, query, expected):
    api = slugs(get(client, f"/api/v1/calls/?{query}"))
    page = [c["slug"] for c in get(client, f"/?{query}&format=json").json()["calls"]]
    assert api == page == [getattr(world, name).slug for name in expected]


def test_every_statement_by_a_speaker_on_a_topic(client, world):
    body = get(client, "/api/v1/statements/?speaker=ilham-aliyev&topic=peace-process").json()
    assert [s["text"] for s in body["results"]] == [
        "President Aliyev welcomed the talks on the border.",
        "Le chef de l'État a souligné la nécessité de la paix.",
    ]
    first = body["results"][0]
    assert first["speaker"] == "ilham-aliyev" and first["speaker_name"] == "Ilham Aliyev"
    assert first["call"] == world.border.slug and first["date"] == "2021-05-17"
    assert first["verb_class"] == "welcome"


def test_pages_follow_next_to_the_end_and_each_row_comes_once(client, world):
    url, seen = "/api/v1/statements/?page_size=2", []
    while url:
        response = get(client, url)
        body = response.json()
        seen += [s["id"] for s in body["results"]]
        if body["next"]:
            assert f'<{body["next"]}>; rel="next"' in response["Link"]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    "query, field",
    [
        ("official=nobody", "official"),
        ("date_after=2021-13-45", "date_after"),
        ("year=abc", "year"),
        ("q=" + "word " * 13, "q"),
        ("page=9", "page"),
        ("page=0", "page"),
        ("page_size=1000", "page_size"),
        ("sort=sideways", "sort"),
    ],
)
def test_bad_parameters_are_a_json_400_naming_the_field(client, world, query, field):
    response = get(client, f"/api/v1/calls/?{query}", status=400)
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == [field]


def test_a_bad_statement_filter_is_refused_too(client, world):
    body = get(client, "/api/v1/statements/?speaker=%00", status=400).json()
    assert list(body["errors"]) == ["speaker"]


def test_details_by_slug_or_id_and_404_for_what_is_not_there(client, world):
    call = get(client, f"/api/v1/calls/{world.border.slug}/").json()
    assert len(call["readouts"]) == 2
    us = next(r for r in call["readouts"] if r["side"] == "US")
    assert us["statements"][0]["text"].startswith("Secretary Blinken urged")
    readout = get(client, us["url"]).json()
    assert readout["publisher_name"] == "U.S. Department of State"
    assert readout["call"] == world.border.slug
    statement = get(client, readout["statements"][0]["url"]).json()
    assert statement["speaker"] == "antony-blinken"
    official = get(client, "/api/v1/officials/ilham-aliyev/").json()
    assert official["call_count"] == 3 and "Aliev" in official["name_variants"]
    assert get(client, "/api/v1/offices/az-president/").json()["country"] == "AZ"
    assert get(client, "/api/v1/topics/energy/").json()["call_count"] == 1
    assert get(client, "/api/v1/calls/no-such-call/", status=404).json()["detail"]
    get(client, "/api/v1/statements/999999/", status=404)


def test_officials_and_offices_filter_by_country(client, world):
    names = [o["slug"] for o in get(client, "/api/v1/officials/?country=AZ").json()["results"]]
    assert names == ["ilham-aliyev", "jeyhun-bayramov"]
    offices = get(client, "/api/v1/offices/?country=US").json()["results"]
    assert [o["slug"] for o in offices] == ["us-secretary-of-state"]
    get(client, "/api/v1/officials/?country=FR", status=400)


def test_facets_are_the_pages_counts_with_the_value_to_send(client, world):
    body = get(client, "/api/v1/calls/facets/?official=ilham-aliyev").json()
    assert body["count"] == 3
    facets = {f["key"]: f for f in body["facets"]}
    years = {v["value"]: v["count"] for v in facets["year"]["values"]}
    assert years == {"2023": 1, "2021": 1, "2020": 1}
    aliyev = next(v for v in facets["official"]["values"] if v["value"] == "ilham-aliyev")
    assert aliyev["active"] and aliyev["count"] == 3 and aliyev["query"] == ""
    blinken = next(v for v in facets["official"]["values"] if v["value"] == "antony-blinken")
    assert not blinken["active"] and blinken["count"] == 2
    narrowed = get(client, f"/api/v1/calls/?{blinken['query']}").json()
    assert narrowed["count"] == 2
    kinds = get(client, "/api/v1/statements/facets/?topic=border-delimitation").json()
    verb = {f["key"]: f for f in kinds["facets"]}["verb_class"]
    assert {v["value"] for v in verb["values"]} == {"urge", "welcome", "discussion"}
    get(client, "/api/v1/calls/facets/?topic=nothing", status=400)


def test_list_queries_do_not_grow_with_the_page_size(client, world, django_assert_max_num_queries):
    for day in range(1, 28):
        make_call(
            dt.date(2022, 1, day),
            [world.aliyev, world.blinken],
            statements=[(world.aliyev, f"Statement {day}.", ["peace-process"], "hope")],
        )
    for url in [
        "/api/v1/calls/?x=",
        "/api/v1/statements/?topic=peace-process",
        "/api/v1/readouts/?x=",
        "/api/v1/officials/?x=",
        "/api/v1/topics/?x=",
    ]:
        sizes = {}
        for size in (2, 100):
            bump_archive_version()  # no 304, no cached count: the dearest request
            with django_assert_max_num_queries(20) as queries:
                body = get(client, f"{url}&page_size={size}").json()
            assert len(body["results"]) == min(size, body["count"])
            sizes[size] = len(queries)
        assert sizes[2] == sizes[100], (url, sizes)


def test_detail_queries_do_not_grow_with_the_mentions(client, world, django_assert_max_num_queries):
    call = make_call(
        "2022-05-05",
        [world.aliyev, world.blinken],
        mentions=[("place", f"Place {n}") for n in range(20)],
    )
    with django_assert_max_num_queries(14):
        get(client, f"/api/v1/calls/{call.slug}/")


def test_an_unchanged_answer_is_a_304_until_the_archive_changes(client, world):
    first = get(client, "/api/v1/calls/?year=2021")
    etag, modified = first["ETag"], first["Last-Modified"]
    get(client, "/api/v1/calls/?year=2021", status=304, if_none_match=etag)
    get(client, "/api/v1/calls/?year=2021", status=304, if_modified_since=modified)
    other = get(client, "/api/v1/calls/?year=2020")
    assert other["ETag"] != etag
    make_call("2021-06-01", [world.aliyev, world.blinken])
    bump_archive_version()  # what the write's commit does (tests roll back instead)
    changed = get(client, "/api/v1/calls/?year=2021", if_none_match=etag)
    assert changed.json()["count"] == 3 and changed["ETag"] != etag


def test_cors_lets_any_site_read_the_api(client, world):
    response = get(client, "/api/v1/topics/", origin="https://notebook.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/topics/",
        headers={
            "origin": "https://notebook.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in get(client, "/", origin="https://x.example")


def test_past_the_limit_a_client_waits_retry_after_and_others_do_not(client, world, settings):
    settings.API_RATE_LIMIT = (3, 60)
    for _ in range(3):
        get(client, "/api/v1/topics/")
    refused = get(client, "/api/v1/topics/", status=429)
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()
    get(client, "/api/v1/topics/", meta={"REMOTE_ADDR": "192.0.2.9"})  # another address is served
    cache.clear()  # a new window
    get(client, "/api/v1/topics/")


def test_the_schema_is_openapi_3_1_and_describes_every_field(client, db):
    schema = get(client, "/api/v1/schema.json").json()
    assert schema["openapi"] == "3.1.0"
    assert {"/api/v1/calls/", "/api/v1/statements/{id}/", "/api/v1/topics/{slug}/"} <= set(
        schema["paths"]
    )
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []
    parameters = [
        (path, p["name"])
        for path, operations in schema["paths"].items()
        for operation in operations.values()
        for p in operation.get("parameters", [])
        if not p.get("description")
    ]
    assert parameters == []
    call_list = schema["paths"]["/api/v1/calls/"]["get"]
    assert {"q", "official", "topic", "year", "page", "page_size"} <= {
        p["name"] for p in call_list["parameters"]
    }
    assert set(call_list["responses"]) == {"200", "304", "400", "429"}


def test_the_reference_page_loads_swagger_ui_from_our_own_static_files(client, db):
    html = get(client, "/api/v1/reference/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<style" not in html and "<script>" not in html
    script = get(client, "/api/v1/reference/?script=")
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema.json" in script.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/calls/no%00such/",
        "/api/v1/statements/abc/",
        "/api/v1/readouts/99999999999999999999999/",
        "/api/v1/calls/a%2Fb/",
        "/api/v1/nothing-here/",
        "/api/v1/officials/%C3%A9/",
    ],
)
def test_a_key_that_is_not_there_is_a_json_404(client, db, url):
    response = get(client, url, status=404)
    assert response["Content-Type"] == "application/json"


def test_a_list_without_its_final_slash_is_redirected_to_it(client, db):
    response = client.get("/api/v1/calls?year=2021")
    assert response.status_code == 301 and response["Location"] == "/api/v1/calls/?year=2021"


def test_a_page_size_that_is_not_plain_digits_is_a_400(client, db):
    assert list(get(client, "/api/v1/topics/?page_size=%C2%B2", status=400).json()["errors"]) == [
        "page_size"
    ]


def test_paging_on_counts_the_result_once_until_the_archive_changes(client, world):
    def counted(url):
        with CaptureQueriesContext(connection) as queries:
            get(client, url)
        return [
            q["sql"] for q in queries if "COUNT(" in q["sql"] and "readouts_cache" not in q["sql"]
        ]

    url = "/api/v1/statements/?page_size=2&topic=border-delimitation"
    assert counted(url) != []
    assert counted(url + "&page=2") == []
    bump_archive_version()
    assert counted(url + "&page=2") != []


def test_a_relayed_readout_says_whose_it_relays_where_and_when(client, world):
    readout = world.peace.readouts.get()
    readout.publisher, readout.relays = "azertac", "az-presidency"
    readout.source_url, readout.published = "https://azertag.az/en/xeber/1", dt.date(2020, 10, 21)
    readout.save()
    body = get(client, f"/api/v1/readouts/{readout.pk}/").json()
    assert body["relays"] == "az-presidency" and body["published"] == "2020-10-21"
    assert body["source_url"] == "https://azertag.az/en/xeber/1" and body["reviewed"] is None
    assert body["publisher_name"].startswith("AZERTAC") and "relaying" in body["publisher_name"]
