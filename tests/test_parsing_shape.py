"""The parser's shape: importable without Django, one rule set per language, steps apart."""

from __future__ import annotations

import subprocess
import sys

from readouts.parsing.languages import RULE_SETS
from readouts.parsing.rules import RuleSet


def test_the_parser_imports_and_runs_without_django():
    code = (
        "import sys, readouts.parsing;"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"PATH": ""})


def test_every_language_is_a_rule_set_with_its_own_words():
    assert set(RULE_SETS) == {"fr", "en", "az"}
    for language, rules in RULE_SETS.items():
        assert isinstance(rules, RuleSet)
        assert rules.language == language
        assert rules.detection_words, language
        assert rules.months and rules.date_patterns and rules.roles, language
