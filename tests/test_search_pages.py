"""Search as a reader meets it: best match first, snippets, highlights, and nothing unescaped."""

import pytest

from .factories import make_call, make_official, make_statements_on_topics
from .list_world import plain_http_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls():
    aliyev = make_official("Ilham Aliyev", country="AZ", name_variants=["Aliev"])
    blinken = make_official("Antony Blinken")
    passing = make_call(
        "2023-01-10",
        [aliyev, blinken],
        text="Les parties ont évoqué l'énergie. Un mot sur les frontières.",
        statements=[(aliyev, "Un mot sur les frontières.", ["border-delimitation"])],
    )
    focused = make_call(
        "2021-06-01",
        [aliyev, blinken],
        text=(
            "La délimitation des frontières a été discutée. Les frontières et la frontière "
            "<script>alert(1)</script> restent au cœur des discussions sur les frontières."
        ),
        statements=[(blinken, "La frontière <b>doit</b> être délimitée.", ["border-delimitation"])],
    )
    make_call("2022-01-01", [aliyev, blinken], text="Le commerce et l'investissement.")
    return passing, focused


def test_best_match_first_unless_a_date_order_is_asked(client, calls):
    passing, focused = calls
    html = client.get("/?q=frontiere").content.decode()
    assert html.index(focused.get_absolute_url()) < html.index(passing.get_absolute_url())
    assert 'aria-current="true">best match first' in html
    by_date = client.get("/?q=frontiere&sort=-date").content.decode()
    assert by_date.index(passing.get_absolute_url()) < by_date.index(focused.get_absolute_url())


def test_results_show_an_escaped_snippet_with_the_words_marked(client, calls):
    html = client.get("/?q=frontiere").content.decode()
    assert '<p class="snippet">' in html
    assert "<mark>frontières</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_result_links_to_the_call_with_the_words_highlighted_there(client, calls):
    _, focused = calls
    html = client.get("/?q=frontiere").content.decode()
    link = f'{focused.get_absolute_url()}?q=frontiere"'
    assert link in html
    page = client.get(f"{focused.get_absolute_url()}?q=frontiere").content.decode()
    assert "<mark>frontières</mark>" in page
    assert "<script>alert(1)</script>" not in page


def test_statement_search_highlights_the_sentence(client, calls):
    html = client.get("/statements/?q=frontiere").content.decode()
    assert "<mark>frontière</mark>" in html
    assert "&lt;b&gt;doit&lt;/b&gt;" in html  # the readout's markup stays text
    assert "?q=frontiere#r" in html  # "Read it in the call" keeps the words to highlight


def test_the_search_box_says_what_syntax_works(client, calls):
    html = client.get("/").content.decode()
    assert "How to search" in html and "the exact phrase" in html


def test_a_call_page_without_a_search_marks_nothing(client, calls):
    _, focused = calls
    assert "<mark>" not in client.get(focused.get_absolute_url()).content.decode()


def test_the_thesaurus_and_spellings_are_prepared_by_the_write_not_by_the_first_search(
    client, django_capture_on_commit_callbacks
):
    """Every search widens its words with the thesaurus's labels and the officials' spellings;
    the write that changes the archive makes both again, so no reader waits for them."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .queries import page_sql

    cache.clear()
    aliyev = make_official("Ilham Aliyev", country="AZ", name_variants=["Aliev"])
    with django_capture_on_commit_callbacks(execute=True):
        call = make_call("2023-01-10", [aliyev, make_official("Antony Blinken")], text="Énergie.")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/?q=energie")
    whole_tables = [
        sql
        for sql in page_sql(queries.captured_queries)
        if ('FROM "readouts_concept"' in sql or 'FROM "readouts_official"' in sql)
        and " WHERE " not in sql
    ]
    assert whole_tables == [], "the first search read a whole table the write should have read"
    assert call.get_absolute_url() in response.content.decode()


def test_a_statement_search_within_a_topic_is_one_lookup_in_the_documents_index(client, calls):
    """On PostgreSQL the statements' documents hold their topics: the words and the topic are
    tested together in the words' index, not statement by statement through the topic's links
    (tens of thousands for a broad topic)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from readouts.models import Topic

    from .queries import page_sql

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 documents hold only the words")
    border = Topic.objects.get(slug="border-delimitation")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/statements/?q=frontiere&topic=border-delimitation")
    assert response.context["page_obj"].paginator.count == 2
    searches = [sql for sql in page_sql(queries.captured_queries) if "@@" in sql]
    assert searches, "the page ran no search"
    for sql in searches:
        assert f"'#topic:{border.pk}'" in sql
        assert "readouts_statement_topics" not in sql.split(" WHERE ", 1)[1].split("ORDER BY")[0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=border&topic=border-delimitation", ["Border talks and trade.", "Border talks go on."]),
        ("q=border&topic=border-delimitation&topic=trade", ["Border talks and trade."]),
        ("q=talks&topic=trade", ["Border talks and trade.", "The talks went well."]),
        ("q=-border&topic=trade", ["The talks went well."]),
        ("q=borders&literal=1&topic=trade", ["Border talks and trade.", "Trade, not borders."]),
        ("q=border", ["Border talks and trade.", "Border talks go on.", "Trade, not borders."]),
    ],
)
def test_a_statement_search_within_topics_on_the_page_and_in_the_api(client, query, expected):
    """The words and every chosen topic, whichever way the database tests the topics."""
    make_statements_on_topics(
        make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")
    )
    page = client.get(f"/statements/?{query}")
    assert sorted(s.text for s in page.context["page_obj"].object_list) == expected
    api = client.get(f"/api/v1/statements/?{query}").json()
    assert sorted(s["text"] for s in api["results"]) == expected
