"""generate_demo_archive: realistic, marked, searchable demo calls, the same for the same seed."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from readouts.models import Call, Readout, Statement
from readouts.search import search_calls

pytestmark = pytest.mark.django_db


def generate(calls=40, seed=7):
    out = StringIO()
    call_command("generate_demo_archive", calls=calls, seed=seed, batch_size=15, stdout=out)
    return out.getvalue()


def test_demo_calls_have_the_promised_shape():
    assert "40 demo calls" in generate()
    calls = Call.objects.annotate(
        people=Count("participants", distinct=True), accounts=Count("readouts", distinct=True)
    )
    assert calls.count() == 40
    assert all(call.is_demo for call in calls)
    assert {call.people for call in calls} <= {2, 3}
    assert {call.accounts for call in calls} <= {1, 2}
    assert all(2009 <= call.date.year <= 2026 and call.year == call.date.year for call in calls)
    sizes = Readout.objects.annotate(n=Count("statements")).values_list("n", flat=True)
    assert set(sizes) <= set(range(5, 13))
    assert set(Readout.objects.values_list("language", flat=True)) == {"fr", "en"}
    assert not Statement.objects.filter(topics=None).exists()
    assert Call.objects.real().count() == 0


def test_same_seed_same_archive_and_it_is_searchable():
    generate(seed=3)
    first = list(Statement.objects.order_by("pk").values_list("text", flat=True)[:20])
    Call.objects.all().delete()
    generate(seed=3)
    assert list(Statement.objects.order_by("pk").values_list("text", flat=True)[:20]) == first
    assert search_calls(Call.objects.all(), "dialogue").exists()


def test_a_second_run_adds_only_the_calls_the_first_did_not_write():
    generate(calls=20, seed=5)
    first = set(Call.objects.values_list("slug", flat=True))
    assert "20 demo calls written" in generate(calls=40, seed=5)
    assert set(Call.objects.values_list("slug", flat=True)) > first
    assert Call.objects.count() == 40
    assert "0 demo calls written" in generate(calls=40, seed=5)
    assert Call.objects.count() == 40
