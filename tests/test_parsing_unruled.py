"""A readout in a language with no rule set is archived by names and header, and flagged."""

import pytest

from readouts.parsing import BOTH, ParseError
from readouts.parsing.fallback import unruled_language

from .parsing_support import parse

# Made up, in Russian: the names are declined (Блинкеном, Алиеву), as Russian does.
RUSSIAN = (
    " date 2022-09 Президент Азербайджана Ильхам Алиев провел телефонный разговор с "
    "государственным секретарем США Энтони Блинкеном. Стороны обсудили мирный процесс.\n\n"
    "Энтони Блинкен выразил признательность Ильхаму Алиеву."
)


def test_a_cyrillic_text_is_told_from_the_languages_with_rules():
    assert unruled_language(RUSSIAN) == "ru"
    assert unruled_language(" date 2022-09 Ilham Aliyev a reçu un appel.") is None
    # A Latin text quoting one Cyrillic name is still read by its own rules.
    assert unruled_language(" date 2022-09 President Aliyev (Алиев) spoke with Blinken.") is None


def test_officials_are_found_by_their_declined_names_in_order_of_mention():
    parsed = parse(RUSSIAN)
    assert [p.slug for p in parsed.participants] == ["ilham-aliyev", "antony-blinken"]
    assert parsed.participants[1].office == "us-secretary-of-state"
    assert parsed.language == "ru" and parsed.initiator is None


def test_the_whole_text_is_one_unattributed_statement_flagged_for_review():
    parsed = parse(RUSSIAN)
    assert [(s.order, s.speaker) for s in parsed.statements] == [(1, BOTH)]
    assert parsed.statements[0].text.startswith("Президент Азербайджана")
    assert parsed.statements[0].text.endswith("Ильхаму Алиеву.")
    assert {r.kind for r in parsed.review_reasons} == {"language", "date"}
    assert (parsed.date.isoformat(), parsed.date_precision) == ("2022-09-01", "month")


def test_a_header_with_the_day_gives_the_day():
    parsed = parse(RUSSIAN.replace(" date 2022-09 ", " date 2022-09-13 "))
    assert (parsed.date.isoformat(), parsed.date_precision) == ("2022-09-13", "day")
    assert {r.kind for r in parsed.review_reasons} == {"language"}


def test_a_text_naming_no_official_is_not_a_readout():
    with pytest.raises(ParseError, match="no participant found"):
        parse(" date 2022-09 Погода в Баку была солнечной, и никто не звонил.")
