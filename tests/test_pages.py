"""The call, official and topic pages, through the real URLconf, on data the tests build."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from readouts.cache import bump_archive_version
from readouts.models import Call, OfficialMonth, Statement, TopicMonth
from readouts.views.pages import CallDetailView
from readouts.views.paging import MonthWindowed
from tests.factories import make_call, make_office, make_official, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests run with DEBUG off but without collectstatic, so skip the hashed-name manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def people():
    nsa = make_office("us-national-security-advisor", "US", "National Security Advisor")
    president = make_office("az-president", "AZ", "President of the Republic of Azerbaijan")
    secretary = make_office()
    return {
        "sullivan": make_official("Jake Sullivan", "US", nsa, dt.date(2021, 1, 20)),
        "aliyev": make_official("Ilham Aliyev", "AZ", president, dt.date(2003, 10, 31)),
        "blinken": make_official("Antony Blinken", "US", secretary, dt.date(2021, 1, 26)),
    }


@pytest.fixture
def call(people):
    sullivan, aliyev = people["sullivan"], people["aliyev"]
    return make_call(
        "2021-05-17",
        [aliyev, sullivan],
        initiator=sullivan,
        statements=[
            (None, "Les parties ont exprimé leur satisfaction.", ["bilateral-relations"]),
            (
                sullivan,
                "Jake Sullivan s'est dit préoccupé <b>par</b> les tensions.",
                ["border-tensions"],
                "concern",
            ),
            (aliyev, "Ilham Aliyev a déclaré que son pays restait engagé.", ["peace-process"]),
        ],
        mentions=[("place", "Armenia")],
    )


def get(client, url, status=200):
    response = client.get(url, secure=True)
    assert response.status_code == status, response.content[:500]
    return response


def test_call_page_shows_the_record_and_the_verbatim_text(client, call, people):
    page = get(client, call.get_absolute_url()).content.decode()

    assert "<title>Ilham Aliyev and Jake Sullivan, 17 May 2021 — Readout Archive</title>" in page
    assert page.count("<h1") == 1
    assert "Jake Sullivan called Ilham Aliyev." in page
    assert 'href="/officials/jake-sullivan/"' in page
    assert "National Security Advisor" in page
    assert 'href="/topics/border-tensions/"' in page
    assert 'lang="fr"' in page
    assert "Azerbaijani readout" in page
    assert "President of the Republic of Azerbaijan (president.az)" in page
    assert "Armenia" in page
    # Readout text is escaped, never trusted.
    assert "&lt;b&gt;par&lt;/b&gt;" in page and "<b>par</b>" not in page


def test_every_statement_has_an_anchor_and_a_citation(client, call):
    page = get(client, call.get_absolute_url()).content.decode()
    statements = call.readouts.get().statements.order_by("order")
    for statement in statements:
        assert f'id="{statement.anchor}"' in page
        assert f'href="{call.get_absolute_url()}#{statement.anchor}"' in page
        assert f"cite.bib?statement={statement.anchor}" in page
        assert f"https://testserver{call.get_absolute_url()}#{statement.anchor}" in page
    assert page.index(statements[0].text) < page.index("préoccupé") < page.index("engagé.")


def test_month_precision_and_unknown_caller(client, people):
    call = make_call("2022-03-01", [people["aliyev"], people["blinken"]], precision="month")
    page = get(client, call.get_absolute_url()).content.decode()
    assert "March 2022" in page and "1 March 2022" not in page
    assert "Not stated who placed the call" in page


def test_previous_and_next_calls_in_time(client, people):
    aliyev, blinken = people["aliyev"], people["blinken"]
    older = make_call("2021-01-05", [aliyev, blinken])
    middle = make_call("2022-06-01", [aliyev, blinken])
    newer = make_call("2023-09-19", [aliyev, blinken])

    page = get(client, middle.get_absolute_url()).content.decode()
    assert f'rel="prev" href="{older.get_absolute_url()}"' in page
    assert f'rel="next" href="{newer.get_absolute_url()}"' in page
    first = get(client, older.get_absolute_url()).content.decode()
    assert 'rel="prev"' not in first


def test_call_page_cites_publisher_title_date_url_and_access_date(client, call):
    page = get(client, call.get_absolute_url()).content.decode()
    today = dt.date.today()
    assert "Cite this" in page
    assert (
        "President of the Republic of Azerbaijan (president.az). "
        "“Telephone call between Ilham Aliyev and Jake Sullivan, 17 May 2021”. 17 May 2021."
    ) in page
    assert f"https://testserver{call.get_absolute_url()}" in page
    assert f"accessed {today.day} {today:%B %Y}" in page


def test_bibtex_download(client, call):
    response = get(client, reverse("call-cite-bibtex", args=[call.slug]))
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="readout-{call.slug}.bib"'
    body = response.content.decode()
    assert body.startswith(f"@misc{{readout-{call.slug},")
    assert "year = {2021}" in body and "month = {may}" in body and "day = {17}" in body
    assert f"url = {{https://testserver{call.get_absolute_url()}}}" in body


def test_ris_download(client, call):
    response = get(client, reverse("call-cite-ris", args=[call.slug]))
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="readout-{call.slug}.ris"'
    lines = response.content.decode().splitlines()
    assert lines[0] == "TY  - ELEC"
    assert "DA  - 2021/05/17/" in lines
    assert f"UR  - https://testserver{call.get_absolute_url()}" in lines
    assert lines[-1].rstrip() == "ER  -"


def test_statement_citation_download_points_at_the_statement(client, call):
    statement = call.readouts.get().statements.get(order=2)
    url = reverse("call-cite-bibtex", args=[call.slug]) + f"?statement={statement.anchor}"
    body = get(client, url).content.decode()
    assert f"#{statement.anchor}}}" in body
    assert "statement 2" in body
    get(client, reverse("call-cite-ris", args=[call.slug]) + "?statement=nope", status=404)


def test_call_page_query_count_is_bounded(client, people, max_page_queries):
    aliyev, blinken = people["aliyev"], people["blinken"]
    small = make_call("2021-02-01", [aliyev, blinken], statements=[(aliyev, "Un.", ["a"])])
    many = [(aliyev if i % 2 else blinken, f"Phrase {i}.", ["a", "b", "c"]) for i in range(40)]
    big = make_call("2021-03-01", [aliyev, blinken], statements=many)
    with max_page_queries(13) as small_queries:
        get(client, small.get_absolute_url())
    with max_page_queries(len(small_queries)):
        get(client, big.get_absolute_url())


def test_each_statement_shows_only_its_own_topics(client, call):
    page = get(client, call.get_absolute_url()).content.decode()
    statements = call.readouts.get().statements.order_by("order")
    shown = {}
    for statement in statements:
        item = page[page.index(f'id="{statement.anchor}"') :]
        item = item[: item.index("</li>")]
        shown[statement.order] = re.findall(r'href="/topics/([\w-]+)/"', item)
    assert shown == {s.order: [t.slug for t in s.topics.order_by("name_en")] for s in statements}
    # The call has three topics; each statement shows only the one it carries.
    assert call.topics.count() == 3 and all(len(slugs) == 1 for slugs in shown.values())


def test_official_list_groups_by_country_with_call_counts(client, call, people):
    page = get(client, reverse("official-list")).content.decode()
    assert "<h2" in page and "Azerbaijan" in page and "United States" in page
    assert page.index("Azerbaijan") < page.index("Ilham Aliyev")
    assert 'Ilham Aliyev</a> <span class="count">1 call</span>' in page
    # An official with no call is listed only when asked for (the page says how many it leaves out).
    assert "Antony Blinken" not in page and "all=1" in page
    everyone = get(client, reverse("official-list") + "?all=1").content.decode()
    assert 'Antony Blinken</a> <span class="count">0 calls</span>' in everyone

    only_az = get(client, reverse("official-list") + "?country=AZ").content.decode()
    assert "Ilham Aliyev" in only_az and "Jake Sullivan" not in only_az
    get(client, reverse("official-list") + "?country=XX", status=400)


def test_official_page(client, call, people, max_page_queries):
    aliyev, sullivan, blinken = people["aliyev"], people["sullivan"], people["blinken"]
    later = make_call(
        "2023-09-19",
        [aliyev, blinken],
        initiator=blinken,
        statements=[(aliyev, "Aliyev a souligné la paix.", ["peace-process"])],
    )
    with max_page_queries(16):
        get(client, aliyev.get_absolute_url())
    with max_page_queries(12):
        page = get(client, aliyev.get_absolute_url()).content.decode()

    assert "<title>Ilham Aliyev — Readout Archive</title>" in page
    assert "Official · Azerbaijan" in page
    assert "President of the Republic of Azerbaijan" in page and "31 October 2003" in page
    assert page.index(later.get_absolute_url()) < page.index(call.get_absolute_url())
    # Statements grouped by topic: both peace-process statements under that heading.
    peace = page.index('href="/topics/peace-process/"')
    assert peace < page.index("son pays restait engagé") and peace < page.index("la paix.")
    # Counterparts with counts.
    assert (
        f'href="{sullivan.get_absolute_url()}">Jake Sullivan</a> <span class="count">1 call' in page
    )
    assert (
        f'href="{blinken.get_absolute_url()}">Antony Blinken</a> <span class="count">1 call' in page
    )


def test_official_calls_are_paginated(client, people):
    aliyev, blinken = people["aliyev"], people["blinken"]
    for day in range(1, 26):
        make_call(dt.date(2022, 1, day), [aliyev, blinken])
    first = get(client, aliyev.get_absolute_url()).content.decode()
    assert "Page 1 of 2" in first and "25 January 2022" in first
    assert ">1 January 2022<" not in first
    second = get(client, aliyev.get_absolute_url() + "?page=2").content.decode()
    assert ">1 January 2022<" in second
    # The same rule as the call list: a page that does not exist is a 400 that says so.
    for bad in ("zzz", "3", "0"):
        refused = get(client, aliyev.get_absolute_url() + f"?page={bad}", status=400)
    assert "these results have 2 pages" in refused.content.decode()


def test_topic_list_and_page(client, call, people, max_page_queries):
    aliyev, blinken = people["aliyev"], people["blinken"]
    make_call("2023-04-02", [aliyev, blinken], statements=[(blinken, "Peace.", ["peace-process"])])
    make_topic("unused", "Unused topic")

    index = get(client, reverse("topic-list")).content.decode()
    assert 'Peace process</a> <span class="count">2 calls</span>' in index
    assert 'Unused topic</a> <span class="count">0 calls</span>' in index

    topic = make_topic("peace-process")
    topic.description = "Talks towards a peace treaty."
    topic.save()
    with max_page_queries(12):
        page = get(client, topic.get_absolute_url()).content.decode()
    assert "<h1>Peace process</h1>" in page and "Talks towards a peace treaty." in page
    # Calls per year, with the empty year between drawn and the others linking to their year.
    assert "<svg" in page
    assert 'aria-label="2021: 1 call"' in page and 'aria-label="2023: 1 call"' in page
    assert "<title>2022: 0 calls</title>" in page
    assert f'href="{topic.get_absolute_url()}?year=2021"' in page
    assert call.get_absolute_url() in page
    assert "son pays restait engagé" in page and "Peace." in page


@pytest.mark.parametrize(
    "url",
    [
        "/calls/no-such-call/",
        "/officials/nobody/",
        "/topics/nothing/",
        "/calls/no-such-call/cite.bib",
    ],
)
def test_unknown_records_get_our_404_page(client, url, settings):
    assert settings.DEBUG is False
    response = get(client, url, status=404)
    page = response.content.decode()
    assert "<title>Not found — Readout Archive</title>" in page
    assert 'href="/officials/"' in page


def test_base_layout(client, call):
    page = get(client, "/topics/").content.decode()
    assert 'class="skip-link" href="#content"' in page
    assert 'href="/statements/"' in page
    assert 'action="/"' in page and 'name="q"' in page
    assert '<meta name="description"' in page
    assert 'href="/topics/" aria-current="page"' in page
    assert "style=" not in page and "<script" not in page


def test_server_errors_get_our_500_page(client, call, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(CallDetailView, "get_context_data", broken)
    client.raise_request_exception = False
    response = get(client, call.get_absolute_url(), status=500)
    assert "<title>Server error — Readout Archive</title>" in response.content.decode()


@pytest.mark.parametrize("page_of", ["official", "topic"])
def test_official_and_topic_query_counts_do_not_grow_with_the_archive(
    client, people, page_of, max_page_queries
):
    aliyev, blinken, sullivan = people["aliyev"], people["blinken"], people["sullivan"]
    url = aliyev.get_absolute_url() if page_of == "official" else "/topics/peace-process/"
    make_call("2021-01-05", [aliyev, blinken], statements=[(aliyev, "Paix.", ["peace-process"])])
    with max_page_queries(16) as few:
        get(client, url)
    for day in range(1, 29):
        other = sullivan if day % 2 else blinken
        make_call(
            dt.date(2022, 2, day),
            [aliyev, other],
            initiator=other,
            statements=[(aliyev, f"Paix {day}.", ["peace-process", "energy"])],
        )
    bump_archive_version()  # what the writes do on commit: the visit below counts again
    with max_page_queries(len(few)):
        get(client, url)


def test_official_calls_take_the_call_list_filters(client, call, people):
    aliyev, blinken = people["aliyev"], people["blinken"]
    later = make_call("2023-09-19", [aliyev, blinken], statements=[(aliyev, "Paix.", ["energy"])])
    page = get(client, aliyev.get_absolute_url() + "?year=2023").content.decode()
    assert f'href="{later.get_absolute_url()}"' in page
    assert f'href="{call.get_absolute_url()}"' not in page  # (its statements still link to it)
    assert "Clear all filters" in page  # the active year shows as a removable chip
    assert 'href="/?official=ilham-aliyev"' in page  # onward to the full list with facets

    narrowed = get(client, aliyev.get_absolute_url() + "?official=antony-blinken").content.decode()
    assert f'href="{later.get_absolute_url()}"' in narrowed
    assert f'href="{call.get_absolute_url()}"' not in narrowed


def test_official_page_refuses_a_bad_filter_with_a_400_that_says_why(client, call, people):
    page = get(client, people["aliyev"].get_absolute_url() + "?date_after=soon", status=400)
    assert "This search could not be run" in page.content.decode()


def test_statements_by_topic_show_the_newest_few_and_link_to_all(client, people):
    aliyev, blinken = people["aliyev"], people["blinken"]
    for day in range(1, 6):
        make_call(
            dt.date(2022, 3, day),
            [aliyev, blinken],
            statements=[(aliyev, f"Déclaration numéro {day}.", ["peace-process"])],
        )
    page = get(client, aliyev.get_absolute_url()).content.decode()
    assert "Déclaration numéro 5." in page and "Déclaration numéro 3." in page
    assert "Déclaration numéro 2." not in page
    assert "All 5 statements on Peace process" in page
    assert "/statements/?speaker=ilham-aliyev&amp;topic=peace-process" in page


def test_official_and_topic_pages_offer_their_feed(client, call, people):
    page = get(client, people["aliyev"].get_absolute_url()).content.decode()
    assert 'type="application/atom+xml"' in page and 'href="/feed/?official=ilham-aliyev"' in page
    topic = get(client, "/topics/peace-process/").content.decode()
    assert 'href="/feed/?topic=peace-process"' in topic


def test_a_page_read_by_month_is_that_page_of_the_whole_list(people):
    """Official and topic pages read a page of calls or statements from the months it spans
    (``MonthWindowed`` over the summary rows): the same rows as slicing the whole list."""
    aliyev, blinken = people["aliyev"], people["blinken"]
    for i in range(45):
        make_call(
            dt.date(2022, 1 + i % 3, 1 + i // 3),
            [aliyev, blinken],
            statements=[(aliyev, f"Paix {i}.", ["peace-process"])] * (1 + i % 2),
        )
    calls = Call.objects.filter(participants__official=aliyev)
    months = OfficialMonth.objects.filter(official=aliyev).values_list("month", "calls")
    windowed = MonthWindowed(calls, months, "date")
    assert windowed.count() == 45
    for start, stop in [(0, 20), (20, 40), (40, 60), (10, 17), (14, 16), (60, 80)]:
        assert list(windowed[start:stop]) == list(calls[start:stop])
    statements = Statement.objects.filter(topics__slug="peace-process").for_list()
    topic_months = TopicMonth.objects.filter(topic__slug="peace-process")
    by_month = MonthWindowed(
        statements, topic_months.values_list("month", "statements"), "readout__call__date"
    )
    assert by_month.count() == statements.count() == 67
    for start, stop in [(0, 30), (30, 60), (60, 90), (25, 35)]:
        assert list(by_month[start:stop]) == list(statements[start:stop])
