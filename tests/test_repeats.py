"""A repeat request for a public page is the page kept from the first, until a write commits."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from readouts.models import Official

from .factories import make_call, make_official

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def call():
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    return make_call("2021-05-17", people, text="President Ilham Aliyev spoke with Blinken.")


def test_a_repeat_is_the_kept_page_until_a_write_commits(client, call):
    blinken = Official.objects.get(name="Antony Blinken")
    url = blinken.get_absolute_url()
    assert "Antony Blinken" in client.get(url).content.decode()
    Official.objects.filter(pk=blinken.pk).update(name="Tony Blinken")  # not through the writer
    with CaptureQueriesContext(connection) as repeat:
        kept = client.get(url)
    assert kept.status_code == 200 and "Antony Blinken" in kept.content.decode()
    # Only the cache read (a table on PostgreSQL) and the probe that the database answers.
    assert {q["sql"].split(" FROM ")[1].split()[0] for q in repeat.captured_queries} <= {
        '"readouts_cache"',
        "django_migrations",
    }
    make_call("2022-01-10", [blinken, Official.objects.get(name="Ilham Aliyev")], text="Again.")
    assert "Tony Blinken" in client.get(url).content.decode()


def test_each_language_has_its_own_kept_page(client, call):
    url = call.get_absolute_url()
    english = client.get(url).content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get(url).content.decode()
    assert french != english and 'lang="fr"' in french
    del client.cookies["django_language"]
    assert client.get(url).content.decode() == english


def test_a_kept_call_page_cites_the_day_it_is_read(client, call, monkeypatch):
    url = call.get_absolute_url()
    for day in (dt.date(2026, 12, 1), dt.date(2026, 12, 1), dt.date(2026, 12, 2)):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, day=day: day)
        cited = f"(accessed {day.day} December 2026)"
        assert cited in client.get(url).content.decode()


def test_the_middleware_still_answers_each_request_of_a_kept_page(client, call):
    url = call.get_absolute_url()
    first, repeat = client.get(url), client.get(url)
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert repeat[header] == first[header]
    assert repeat.content == first.content
