"""Hostile query strings: random and nasty GET parameters never make a page fail or leak a trace.

Every list page, in every format, and every detail page gets parameters drawn by hypothesis:
known filter names with absurd values, unknown names, repeated keys, NUL bytes, huge numbers,
broken percent-encoding. A page may answer 200, redirect, 400 or 404, never 500, and never
show a traceback. The test client re-raises a view's exception, so a crash fails the test too.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .factories import make_call, make_office, make_official, make_topic

# Every GET parameter the public pages read, plus Django's and pagination's.
KNOWN_PARAMETERS = [
    "q",
    "page",
    "format",
    "year",
    "date_after",
    "date_before",
    "official",
    "topic",
    "office",
    "country",
    "initiator",
    "language",
    "publisher",
    "sides",
    "sort",
    "speaker",
    "verb_class",
    "statement",
]

NASTY_VALUES = [
    "",
    "0",
    "-1",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "last",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\x0c",
    "'; DROP TABLE readouts_call; --",
    '"><script>alert(1)</script>',
    "%",
    "%%%",
    "\\",
    "*",
    "(",
    '"',
    "' OR '1'='1",
    "2022-13-45",
    "0000-00-00",
    "9999-12-31",
    "-2022-01-01",
    "Əliyev",
    "Алиев",
    "\u202e",
    "x" * 5000,
    "json",
    "csv",
    "xml",
    "JSON",
    "ilham-aliyev",
    "peace",
    "AND OR NOT",
    '"unterminated',
    "-",
    "a:b",
    "<->",
    "&",
]

values = st.one_of(st.sampled_from(NASTY_VALUES), st.text(max_size=60))
names = st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(min_size=1, max_size=20))
parameters = st.lists(st.tuples(names, values), max_size=6)
# Raw strings that are not what urlencode would ever produce.
raw_queries = st.sampled_from(
    [
        "%ZZ",
        "page=%",
        "&&&",
        "=",
        "q",
        "q=%E2%82",
        "q=%00",
        "q=%ED%A0%80",
        "q=%FF%FE",
        "page=1&page=2&page=x",
        ";;;",
        "a=b=c",
    ]
)

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def archive(db):
    office = make_office("az-president", "AZ", "President")
    aliyev = make_official("Ilham Aliyev", "AZ", office=office)
    blinken = make_official("Antony Blinken", "US")
    topic = make_topic("peace")
    call = make_call(
        "2022-10-10",
        [aliyev, blinken],
        initiator=blinken,
        statements=[(aliyev, "Le chef de l'État a souligné la paix.", ["peace"], "emphasis")],
    )
    return {"call": call, "official": aliyev, "topic": topic}


def list_urls():
    return [
        reverse("call-list"),
        reverse("statement-list"),
        reverse("official-list"),
        reverse("topic-list"),
        reverse("call-feed"),
        reverse("sitemap"),
    ]


def detail_urls(archive):
    return [
        archive["call"].get_absolute_url(),
        reverse("call-cite-bibtex", args=[archive["call"].slug]),
        reverse("call-cite-ris", args=[archive["call"].slug]),
        archive["official"].get_absolute_url(),
        archive["topic"].get_absolute_url(),
    ]


def encode(pairs) -> str:
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


def assert_handled(client, url):
    response = client.get(url, secure=True)
    assert response.status_code in (200, 301, 302, 400, 404), (url, response.status_code)
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode("utf-8", errors="replace")
    assert "Traceback" not in body and "Exception Value" not in body, url


@FUZZ
@given(pairs=parameters, format_=st.sampled_from(["", "html", "json", "csv"]))
@example(pairs=[("q", "\x01")], format_="")  # once a 500: XML 1.0 has no control characters
@example(pairs=[("q", "\x00")], format_="json")
def test_list_pages_survive_any_query_string(client, archive, pairs, format_):
    if format_:
        pairs = [*pairs, ("format", format_)]
    for url in list_urls():
        assert_handled(client, f"{url}?{encode(pairs)}")


@FUZZ
@given(pairs=parameters)
def test_detail_pages_survive_any_query_string(client, archive, pairs):
    for url in detail_urls(archive):
        assert_handled(client, f"{url}?{encode(pairs)}")


@FUZZ
@given(query=raw_queries)
def test_malformed_query_strings_are_handled(client, archive, query):
    for url in [*list_urls(), *detail_urls(archive)]:
        assert_handled(client, f"{url}?{query}")
