"""PostgreSQL: a search term's alternatives are OR-ed by ``readouts_any_of`` (migration 0023),
which leaves out those another alternative makes redundant, and matches what the plain OR does."""

import pytest
from django.db import connection

from readouts.models import Call
from readouts.search import search_calls

from .factories import make_call, make_official

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL function"),
]


def any_of(*alternatives: str) -> list[str]:
    """The alternatives ``readouts_any_of`` keeps of tsqueries written as text, each as many
    times as it is kept."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT readouts_any_of(%s::tsquery[])::text", [list(alternatives)])
        kept = cursor.fetchone()[0]
    return sorted(kept.split(" | ")) if kept else []


def test_the_same_lexeme_from_two_configurations_is_tested_once():
    assert any_of("'talk'", "'talk'", "'meet'") == sorted(["'meet'", "'talk'"])


def test_a_phrase_holding_an_alternative_of_its_own_is_left_out():
    assert any_of("'river'", "'wide' <-> 'river'", "'river' <-> 'bank'") == ["'river'"]


def test_a_phrase_whose_word_starts_with_a_prefix_alternative_is_left_out():
    assert any_of("'lake':*", "'salt' <-> 'lakes'", "'lakeside':*", "'lake'") == ["'lake':*"]


def test_a_phrase_is_kept_when_none_of_its_words_is_an_alternative_alone():
    assert any_of("'river'", "'wide' <-> 'rivers'", "'riv' <-> 'bank'") == sorted(
        [
            "'river'",
            "'wide' <-> 'rivers'",
            "'riv' <-> 'bank'",
        ]
    )


def test_an_exact_lexeme_does_not_stand_for_a_prefix():
    assert any_of("'lake'", "'salt' <-> 'lake':*") == sorted(["'lake'", "'salt' <-> 'lake':*"])


def test_a_lexeme_holding_a_space_or_a_colon_is_not_read_as_a_word():
    """Quoted lexemes may hold anything; ``' <-> '`` inside one is not a phrase's join."""
    kept = any_of("'z <-> ':* <-> 'q'", "':':*")
    assert kept == sorted(["'z <-> ':* <-> 'q'", "':':*"])


def test_forms_other_than_a_phrase_are_kept_as_they_are():
    kept = any_of("'tide'", "'tide' & 'moon'", "!'tide'")
    assert kept == sorted(["'tide'", "'tide' & 'moon'", "!'tide'"])


def test_empty_alternatives_count_for_nothing():
    assert any_of("", "'tide'", "") == ["'tide'"]
    assert any_of("", "") == []


def test_a_search_finds_the_calls_each_alternative_would():
    """``"state border" OR border``: the phrase is left out for the word it holds, and the
    calls of both are found."""
    people = [make_official("Ilham Aliyev", country="AZ"), make_official("Antony Blinken")]
    phrase = make_call("2021-03-01", people, text="They discussed the state border.", language="en")
    word = make_call("2021-03-02", people, text="The border was raised.", language="en")
    neither = make_call("2021-03-03", people, text="They discussed energy.", language="en")
    found = set(search_calls(Call.objects.all(), '"state border" OR border'))
    assert found == {phrase, word}
    assert neither not in found
