"""A repeat request for a public page is the page kept from the first, until a write commits."""

import datetime as dt

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test.utils import CaptureQueriesContext
from django.utils.cache import patch_cache_control

from readouts.cache import VERSION_KEY, current_version
from readouts.models import Official
from readouts.views.repeats import kept_for_repeats

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
    # Only the caches' reads (tables on PostgreSQL) and, on SQLite, the probe that the database
    # answers.
    assert {q["sql"].split(" FROM ")[1].split()[0] for q in repeat.captured_queries} <= {
        '"readouts_cache"',
        '"readouts_page_cache"',
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


def _counted(body="page", **response_args):
    """A view that counts its calls, and its response."""
    calls = []

    def view(request):
        calls.append(request)
        return HttpResponse(body, **response_args)

    return calls, view


@pytest.mark.parametrize(
    "made_for_the_visitor",
    [
        lambda request, response: get_token(request),  # a form's CSRF token
        lambda request, response: response.set_cookie("seen", "1"),
        lambda request, response: patch_cache_control(response, private=True),
        lambda request, response: setattr(response, "status_code", 404),
    ],
    ids=["csrf token", "cookie", "private", "not found"],
)
def test_a_page_made_for_its_visitor_is_never_kept(rf, made_for_the_visitor):
    calls = []

    def view(request):
        calls.append(request)
        response = HttpResponse("for you")
        made_for_the_visitor(request, response)
        return response

    served = kept_for_repeats(view)
    served(rf.get("/calls/x/"))
    served(rf.get("/calls/x/"))
    assert len(calls) == 2
    plain_calls, plain = _counted()
    kept = kept_for_repeats(plain)
    kept(rf.get("/calls/y/"))
    assert kept(rf.get("/calls/y/")).content == b"page" and len(plain_calls) == 1
    assert kept(rf.post("/calls/y/")) and len(plain_calls) == 2  # a POST is never answered kept


def test_kept_pages_never_push_the_archive_version_out_of_the_cache(client, settings, call):
    """Pages are culled among themselves (their own cache), not with the version and counts."""
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "OPTIONS": {"MAX_ENTRIES": 6}},
        "pages": {**settings.CACHES["pages"], "OPTIONS": {"MAX_ENTRIES": 2, "CULL_FREQUENCY": 2}},
    }
    people = list(Official.objects.all())
    urls = [make_call(f"2020-01-{day:02}", people).get_absolute_url() for day in range(1, 9)]
    version = current_version()
    for url in urls:
        assert client.get(url).status_code == 200
    assert cache.get(VERSION_KEY) == version


def test_a_deploys_migrate_retires_the_kept_pages(client, call):
    """New code may render a page differently: the pages kept before a deploy are not served."""
    blinken = Official.objects.get(name="Antony Blinken")
    url = blinken.get_absolute_url()
    client.get(url)
    Official.objects.filter(pk=blinken.pk).update(name="Tony Blinken")  # not through the writer
    call_command("migrate", verbosity=0)
    assert "Tony Blinken" in client.get(url).content.decode()


def cache_tables_only(captured) -> bool:
    """Only the caches' reads (tables on PostgreSQL) and, on SQLite, the probe that the
    database answers: the page was a kept one."""
    tables = {q["sql"].split(" FROM ")[1].split()[0] for q in captured if " FROM " in q["sql"]}
    return tables <= {'"readouts_cache"', '"readouts_page_cache"', "django_migrations"}


def test_a_write_keeps_the_home_page_for_the_sites_address_in_each_language(client, settings):
    settings.SITE_URL = "http://testserver"
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    call = make_call("2021-05-17", people, text="A call.")  # commits: the write prepares
    for language in ("en", "fr"):
        client.cookies["django_language"] = language
        with CaptureQueriesContext(connection) as first:
            page = client.get("/").content.decode()
        assert cache_tables_only(first.captured_queries), language
        assert f'lang="{language}"' in page and call.get_absolute_url() in page


def test_a_home_page_at_another_address_is_rendered_by_its_first_visit(client, settings):
    settings.SITE_URL = "https://archive.example.org"  # not a host the tests serve
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    call = make_call("2021-05-17", people, text="A call.")  # the write commits all the same
    with CaptureQueriesContext(connection) as first:
        page = client.get("/").content.decode()
    assert not cache_tables_only(first.captured_queries)
    assert call.get_absolute_url() in page


def test_a_home_page_that_cannot_be_rendered_ahead_never_fails_the_write(client, settings, caplog):
    """A load run where the static files were not collected (production storage, no manifest)
    commits, says why the page was not prepared, and leaves it to its first visitor."""
    settings.SITE_URL = "http://testserver"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    call = make_call("2021-05-17", people, text="A call.")  # commits, and does not raise
    assert "The home page was not prepared" in caplog.text
    assert current_version() and call.pk


def test_the_prepared_home_page_is_the_one_its_first_visitor_would_render(client, settings):
    settings.SITE_URL = "http://testserver"
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    make_call("2021-05-17", people, text="A call.")  # commits: the write prepares
    prepared = client.get("/")
    caches["pages"].clear()
    rendered = client.get("/")
    assert prepared.content == rendered.content
    assert sorted(prepared.headers.items()) == sorted(rendered.headers.items())
