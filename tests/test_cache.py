"""Cached archive-wide figures are recomputed after a write, never served stale."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection

from readouts.cache import cached, current_version, writes_in_a_row
from readouts.models import Call

from .factories import make_call, make_official


@pytest.mark.django_db(transaction=True)
def test_cached_value_is_recomputed_after_a_write():
    def count_calls():
        return Call.objects.count()

    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    make_call("2020-01-01", people, text="First call.")
    assert cached("call-count", count_calls) == 1
    Call.objects.create(slug="unindexed", date=dt.date(2020, 2, 2))
    assert cached("call-count", count_calls) == 1  # no write went through the writer
    make_call("2020-03-03", people, text="Second call.")
    assert cached("call-count", count_calls) == 3


@pytest.mark.django_db(transaction=True)
def test_a_lost_version_key_never_brings_back_an_old_entry():
    """The database cache culls entries, the version key among them, when it fills up."""
    from django.core.cache import cache

    from readouts.cache import VERSION_KEY

    assert cached("call-count", Call.objects.count) == 0  # stored under the first version
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    make_call("2020-01-01", people, text="First call.")
    assert cached("call-count", Call.objects.count) == 1
    cache.delete(VERSION_KEY)  # as a cull would
    assert cached("call-count", Call.objects.count) == 1


@pytest.mark.django_db(transaction=True)
def test_a_bulk_load_keeps_the_previous_counts_until_it_ends():
    """Readers beside a load are served the archive as it was, then the whole load at once."""
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    make_call("2020-01-01", people, text="First call.")
    assert cached("call-count", Call.objects.count) == 1
    with writes_in_a_row():
        make_call("2020-02-02", people, text="Second call.")
        make_call("2020-03-03", people, text="Third call.")
        assert cached("call-count", Call.objects.count) == 1
    assert cached("call-count", Call.objects.count) == 3


@pytest.mark.django_db(transaction=True)
def test_a_load_that_died_before_it_ended_is_published_once_its_lease_lapses():
    from django.core.cache import cache

    from readouts.cache import LEASE_KEY

    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    assert cached("call-count", Call.objects.count) == 0
    with writes_in_a_row():
        make_call("2020-02-02", people, text="A call.")
        assert cached("call-count", Call.objects.count) == 0
        cache.delete(LEASE_KEY)  # as when the load is killed and its lease times out
        assert cached("call-count", Call.objects.count) == 1


@pytest.mark.django_db(transaction=True)
def test_a_bulk_load_that_fails_still_publishes_what_it_committed():
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    assert cached("call-count", Call.objects.count) == 0
    with pytest.raises(RuntimeError), writes_in_a_row():
        make_call("2020-02-02", people, text="A call.")
        raise RuntimeError("the load stops")
    assert cached("call-count", Call.objects.count) == 1


@pytest.mark.django_db(transaction=True)
def test_an_api_clients_copy_is_stale_after_each_commit_of_a_bulk_load(client):
    """The pages keep the version before the load; an API ETag must not: rows changed."""
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    make_call("2020-01-01", people, text="First call.")
    before = client.get("/api/v1/calls/", secure=True)["ETag"]
    with writes_in_a_row():
        version = current_version()
        make_call("2020-02-02", people, text="Second call.")
        assert current_version() == version
        during = client.get("/api/v1/calls/", secure=True, headers={"If-None-Match": before})
        assert during.status_code == 200  # not a 304: the client fetches the changed rows
        assert during["ETag"] != before


@pytest.mark.django_db(transaction=True)
def test_a_killed_loads_version_is_published_by_the_dataset_and_api_too():
    from django.core.cache import cache

    from readouts.cache import LEASE_KEY

    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    with writes_in_a_row():
        version = current_version()
        make_call("2020-02-02", people, text="A call.")
        cache.delete(LEASE_KEY)  # the load was killed and its lease timed out
        assert current_version() != version


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the cache is files on SQLite")
@pytest.mark.django_db
def test_the_cache_tables_on_postgresql_are_unlogged():
    """Every configured cache table is UNLOGGED (migration 0020): a first visit's cache writes
    commit without waiting for the write-ahead log to reach the disk."""
    tables = [
        options["LOCATION"]
        for options in settings.CACHES.values()
        if options["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relpersistence FROM pg_class "
            "WHERE oid = ANY(ARRAY(SELECT to_regclass(name) FROM unnest(%s::text[]) name))",
            [tables],
        )
        persistence = dict(cursor.fetchall())
    assert persistence == {table: "u" for table in tables}
    assert set(tables) == {"readouts_cache", "readouts_page_cache"}
