"""The call list at / and the statement search at /statements/, through the real URLconf."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from readouts.cache import bump_archive_version
from readouts.models import Statement
from readouts.search import search_statements

from .factories import make_call, make_official
from .list_world import plain_http_fixture, slugs, world_fixture  # noqa: F401
from .queries import page_sql


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response


def test_home_lists_calls_newest_first_with_dates_written_out(client, world):
    response = get(client, "/")
    assert slugs(response) == [world.joint.slug, world.energy.slug, world.border.slug,
                               world.peace.slug]  # fmt: skip
    html = response.content.decode()
    assert "17 May 2021" in html
    assert "placed by Antony Blinken" in html
    assert "English, United States side" in html and "French, Azerbaijan side" in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=azerbaidjan&sort=-date", ["border"]),  # accent-insensitive match on readout text
        ("q=ƏLİYEV&sort=-date", ["joint", "border", "peace"]),  # a name variant of a participant
        ("q=aliev+frontiere&sort=-date", ["joint", "border"]),  # every word must match
        ("date_after=2021-05-17&date_before=2021-12-31", ["energy", "border"]),
        ("year=2021", ["energy", "border"]),
        ("official=ilham-aliyev&official=antony-blinken", ["joint", "border"]),
        ("official=jeyhun-bayramov", ["energy"]),
        ("topic=border-delimitation&topic=peace-process", ["border"]),
        ("office=us-secretary-of-state", ["joint", "energy", "border", "peace"]),
        ("office=az-foreign-minister", ["energy"]),
        ("country=AZ", ["joint", "energy", "border", "peace"]),
        ("language=en", ["energy", "border"]),
        ("initiator=mike-pompeo", ["peace"]),
        ("publisher=az-presidency", ["joint", "border", "peace"]),
        ("sides=both", ["border"]),
        ("sort=date", ["peace", "border", "energy", "joint"]),
        ("sort=-date&year=2021", ["energy", "border"]),
    ],
)
def test_each_filter_narrows_the_calls(client, world, query, expected):
    response = get(client, f"/?{query}")
    assert slugs(response) == [getattr(world, name).slug for name in expected]


def facet(response, key):
    return {v.label: v.count for f in response.context["facets"] if f.key == key for v in f.values}


def test_facets_count_the_current_result_set(client, world):
    response = get(client, "/?official=antony-blinken")
    assert facet(response, "year") == {"2023": 1, "2021": 2}
    assert facet(response, "official") == {
        "Antony Blinken": 3, "Ilham Aliyev": 2, "Jeyhun Bayramov": 1,
    }  # fmt: skip
    assert facet(response, "office")["Secretary of State"] == 3
    assert facet(response, "topic") == {
        "Border delimitation": 2, "Peace process": 1, "Energy": 1,
    }  # fmt: skip
    assert facet(response, "country") == {"Azerbaijan": 3, "United States": 3}
    assert facet(response, "language") == {"French": 2, "English": 2}
    html = response.content.decode()
    assert ">Azerbaijan<" in html and ">French<" in html


def test_a_facet_link_adds_its_value_and_an_active_one_removes_it(client, world):
    html = get(client, "/?official=antony-blinken&page=1").content.decode()
    assert 'href="/?official=antony-blinken&amp;official=ilham-aliyev"' in html
    assert 'href="/?official=antony-blinken&amp;year=2021"' in html
    assert '<a href="/" class="active" aria-current="true">' in html  # Blinken itself


def test_chips_remove_one_filter_each_and_one_link_clears_all(client, world):
    response = get(client, "/?official=antony-blinken&topic=border-delimitation&year=2021")
    labels = [chip.label for chip in response.context["chips"]]
    assert labels == ["Year: 2021", "Official: Antony Blinken", "Topic: Border delimitation"]
    html = response.content.decode()
    assert (
        'href="/?topic=border-delimitation&amp;year=2021"><span class="visually-hidden">'
        "Remove filter </span>Official: Antony Blinken" in html
    )
    assert '<a class="clear-all" href="/">Clear all filters</a>' in html


def test_the_title_says_what_is_listed(client, world):
    html = get(client, "/?official=antony-blinken&topic=border-delimitation").content.decode()
    assert (
        "<title>Calls with Antony Blinken on Border delimitation — Readout Archive</title>" in html
    )
    assert "<h1>Calls with Antony Blinken on Border delimitation</h1>" in html


def test_the_timeline_has_a_bar_per_year_that_filters(client, world):
    html = get(client, "/").content.decode()
    assert "Calls per year, 2020–2023" in html
    assert '<a href="/?year=2021" aria-label="2021: 2 calls">' in html
    assert "<title>2022: 0 calls</title>" in html  # empty years are drawn, not linked
    assert 'href="/?year=2022"' not in html


def test_the_timeline_shows_months_once_a_year_is_chosen(client, world):
    html = get(client, "/?year=2021").content.decode()
    assert "Calls per month in 2021" in html
    assert (
        '<a href="/?year=2021&amp;date_after=2021-05-01&amp;date_before=2021-05-31" '
        'aria-label="May 2021: 1 call">' in html
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_after=2021-13-01", "Enter a valid date."),
        ("date_before=yesterday", "Enter a valid date."),
        ("year=abc", "Enter a whole number."),
        ("official=nobody", "There is no official “nobody” in the archive."),
        ("official=a%00b", "There is no official"),
        ("topic=unknown", "There is no topic “unknown” in the archive."),
        ("office=pope", "There is no office “pope” in the archive."),
        ("country=FR", "Select a valid choice."),
        ("q=" + "word " * 600, "Ensure this value has at most 200 characters"),
        ("q=" + "a " * 13, "Search for at most 12 words."),
        ("page=0", "There is no page 0: these results have 1 page."),
        ("page=999999", "There is no page 999999"),
        ("page=abc", "“abc” is not a page number."),
        ("sort=name", "Select a valid choice."),
    ],
)
def test_a_bad_parameter_is_a_400_that_says_what_was_wrong(client, world, query, message):
    response = get(client, f"/?{query}", status=400)
    html = response.content.decode()
    assert message in html
    assert "This search could not be run" in html
    assert html.count("<h1") == 1


def test_page_last_is_the_last_page(client, world):
    for day in range(1, 30):
        make_call(dt.date(2019, 1, day), [world.aliyev, world.pompeo])
    response = get(client, "/?page=last")
    assert response.context["page_obj"].number == 2
    assert slugs(response)[-1] == "2019-01-01-aliyev-pompeo"
    assert 'rel="prev" href="?page=1"' in response.content.decode()


def test_an_unknown_format_is_a_400(client, world):
    response = get(client, "/?format=xml", status=400)
    assert "Unknown format" in response.content.decode()


def test_readout_text_is_escaped(client, world):
    villain = make_official("<script>alert(1)</script>", slug="villain")
    make_call("2024-01-01", [villain, world.blinken])
    html = get(client, "/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def count_queries(client, url):
    cache.clear()  # count the work of a first visit, not a cached one
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?official=ilham-aliyev&topic=border-delimitation&q=aliev&year=2021",
        "/statements/?speaker=ilham-aliyev&topic=border-delimitation&q=border",
    ],
)
def test_queries_per_page_do_not_grow_with_the_results(
    client, world, url, django_assert_max_num_queries
):
    few = count_queries(client, url)
    for day in range(1, 28):
        make_call(
            dt.date(2021, 3, day),
            [world.aliyev, world.blinken],
            statements=[(world.aliyev, f"Aliev on the border, day {day}.",
                         ["border-delimitation", "peace-process"], "urge")],
        )  # fmt: skip
    with django_assert_max_num_queries(16):
        get(client, url)
    assert count_queries(client, url) == few


# Statements


def statement_texts(response):
    return [s.text for s in response.context["page_obj"].object_list]


def test_statements_answer_what_someone_said_about_a_topic_since_a_date(client, world):
    response = get(
        client, "/statements/?speaker=ilham-aliyev&topic=border-delimitation&date_after=2021-01-01"
    )
    assert statement_texts(response) == ["President Aliyev welcomed the talks on the border."]
    html = response.content.decode()
    assert "<h1>Statements by Ilham Aliyev on Border delimitation from 1 January 2021</h1>" in html
    statement = response.context["page_obj"].object_list[0]
    assert f'href="{statement.get_absolute_url()}"' in html
    assert "17 May 2021" in html and "Welcome / praise" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=delimitation&sort=-date", ["Les deux parties", "Secretary Blinken urged"]),
        ("q=necessite", ["Le chef de l'État"]),
        ("verb_class=urge", ["Secretary Blinken urged"]),
        ("country=AZ", ["Minister Bayramov", "President Aliyev", "Le chef de l'État"]),
        ("office=az-president", ["President Aliyev", "Le chef de l'État"]),
        ("office=us-secretary-of-state", ["Secretary Blinken urged"]),
        ("date_before=2020-12-31", ["Le chef de l'État"]),
        ("topic=energy", ["Minister Bayramov"]),
    ],
)
def test_each_statement_filter_narrows_the_statements(client, world, query, expected):
    texts = statement_texts(get(client, f"/statements/?{query}"))
    assert len(texts) == len(expected)
    assert all(text.startswith(start) for text, start in zip(texts, expected, strict=True))


def test_statement_facets_count_speakers_topics_and_kinds(client, world):
    response = get(client, "/statements/?topic=border-delimitation")
    assert facet(response, "speaker") == {"Antony Blinken": 1, "Ilham Aliyev": 1}
    assert facet(response, "topic") == {"Border delimitation": 3, "Peace process": 1}
    assert facet(response, "verb_class") == {
        "Call / urge": 1, "Welcome / praise": 1, "Discussion": 1,
    }  # fmt: skip
    assert "Both sides" in response.content.decode()


@pytest.mark.parametrize("words", ["border", "energy", "paix"])
def test_a_statement_searchs_topic_facet_counts_the_topics_of_what_it_found(client, world, words):
    """A search's topic facet is counted from the statements' stored topic ids: it must give
    what their topic links give."""
    found = search_statements(Statement.objects.all(), words)
    expected = Counter(
        topic.name for statement in found.prefetch_related("topics")
        for topic in statement.topics.all()
    )  # fmt: skip
    assert expected, "the world should have statements with topics for these words"
    assert facet(get(client, f"/statements/?q={words}"), "topic") == dict(expected)


def test_a_bad_statement_filter_is_a_400(client, world):
    response = get(client, "/statements/?verb_class=shout", status=400)
    assert "Select a valid choice" in response.content.decode()


def test_unfiltered_facets_are_cached_until_the_archive_changes(client, world):
    with CaptureQueriesContext(connection) as cold:
        first = get(client, "/")
    with CaptureQueriesContext(connection) as warm:
        again = get(client, "/?format=html")  # not the same page: only its counts are shared
    assert facet(again, "year") == facet(first, "year")
    assert len(warm.captured_queries) <= len(cold.captured_queries) - 6  # no facet counted
    make_call("2024-06-01", [world.aliyev, world.blinken])
    bump_archive_version()  # what every write through ingest or the admin does on commit
    assert facet(get(client, "/"), "year")["2024"] == 1


def test_an_error_page_lets_the_reader_fix_the_search_without_losing_other_filters(client, world):
    response = client.get("/?official=antony-blinken&date_after=notadate")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="official" value="antony-blinken"' in html  # kept
    assert 'value="notadate"' not in html  # dropped, so the next search can succeed


def test_an_error_page_whose_only_filter_was_bad_offers_a_clean_form(client, world):
    html = client.get("/statements/?date_before=31/12/2021").content.decode()
    assert 'value="31/12/2021"' not in html


def test_list_pages_have_one_search_box_and_it_searches_what_they_list(client, world):
    for url, action in (("/", 'action="/"'), ("/statements/", 'action="/statements/"')):
        html = get(client, url).content.decode()
        assert html.count('role="search"') == 1
        assert action in html


@pytest.mark.parametrize("url", ["/?year=2021&q=aliev", "/statements/?q=border&country=AZ"])
def test_filtered_counts_and_facets_are_cached_until_the_archive_changes(client, world, url):
    with CaptureQueriesContext(connection) as cold:
        first = get(client, url)
    with CaptureQueriesContext(connection) as warm:
        again = get(client, f"{url}&page=1")  # another page of the same result shares them
    assert facet(again, "topic") == facet(first, "topic")
    assert len(warm.captured_queries) < len(cold.captured_queries) - 2  # no count, no facets
    before = facet(first, "topic").get("Border delimitation", 0)
    make_call(
        "2021-06-01",
        [world.aliyev, world.blinken],
        statements=[(world.aliyev, "Aliev on the border.", ["border-delimitation"], "urge")],
    )
    bump_archive_version()  # what every write through ingest or the admin does on commit
    assert facet(get(client, url), "topic")["Border delimitation"] == before + 1


def test_the_home_page_is_prepared_by_the_write_not_by_its_first_visitor(
    client, world, django_capture_on_commit_callbacks
):
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_call(dt.date(2021, 4, 1), [world.aliyev, world.blinken], text="Talks on energy.")
    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/")
    grouped = [sql for sql in page_sql(queries) if "GROUP BY" in sql or "COUNT(" in sql]
    assert grouped == [], "the first visitor computed counts the write should have prepared"
    assert len(slugs(response)) == 5
    assert response.context["page_obj"].paginator.count == 5


def test_a_filtered_list_read_once_shows_what_the_aggregates_show(client, db, monkeypatch):
    """Up to ``READ_ONCE_UP_TO`` calls, a filtered list counts its facets and timeline from
    its rows read once: the page is the same as when each facet aggregates over the filters."""
    from readouts.views import lists

    aliyev = make_official("Ilham Aliyev", country="AZ")
    blinken = make_official("Antony Blinken")
    pompeo = make_official("Mike Pompeo")
    for day, (other, topic) in enumerate(
        [(blinken, "energy"), (pompeo, "energy"), (blinken, "peace-process"), (pompeo, "trade")],
        start=1,
    ):
        make_call(
            dt.date(2021, day, day),
            [aliyev, other],
            language="fr" if day % 2 else "en",
            statements=[(aliyev, f"Sujet {day}.", [topic])],
        )
    make_call(dt.date(2020, 5, 1), [aliyev, blinken], statements=[(aliyev, "Avant.", ["trade"])])
    pages, queries = {}, {}
    for limit in (0, 20_000):
        monkeypatch.setattr(lists, "READ_ONCE_UP_TO", limit)
        for url in ("/?year=2021", "/?topic=energy", "/?official=mike-pompeo&page=1"):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                pages[limit, url] = client.get(url, secure=True).content
            queries[limit, url] = len(captured)
    for url in ("/?year=2021", "/?topic=energy", "/?official=mike-pompeo&page=1"):
        assert pages[0, url] == pages[20_000, url], url
        assert queries[20_000, url] < queries[0, url], "the rows were not read once"


def test_each_rows_topic_links_to_the_list_narrowed_to_it(client, world):
    """The same topic on several rows links to the same narrowed list (``querystring_once``),
    each topic to its own, keeping the other filters and dropping the page."""
    html = get(client, "/?official=ilham-aliyev&page=1").content.decode()
    results = html[html.index('class="result-list"') : html.index("</ol>")]
    links = re.findall(r'<a class="tag" href="([^"]+)">', results)
    calls = [world.joint, world.border, world.peace, world.energy]
    shown = [call for call in calls if f'href="{call.get_absolute_url()}"' in results]
    expected = Counter(
        f"/?official=ilham-aliyev&amp;topic={topic.slug}"
        for call in shown
        for topic in call.topics.all()
    )
    assert len(shown) >= 2 and len(expected) >= 2
    assert Counter(links) == expected
