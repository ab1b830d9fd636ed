"""Cached archive-wide figures are recomputed after a write, never served stale."""

import datetime as dt

import pytest

from readouts.cache import cached
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
