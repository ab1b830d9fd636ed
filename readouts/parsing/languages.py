"""The rule sets by language code, and telling a text's language from its frequent words."""

from __future__ import annotations

import re

from .azerbaijani import AZERBAIJANI
from .english import ENGLISH
from .french import FRENCH
from .rules import RuleSet
from .text import fold_same_length

# Adding a language is adding its rule set here.
RULE_SETS: dict[str, RuleSet] = {"fr": FRENCH, "en": ENGLISH, "az": AZERBAIJANI}
# Each rule set's very frequent words, taken once: a language stays recognisable (and is refused
# with a clear reason) when its rule set is withdrawn.
DETECTION_WORDS = {rules.language: rules.detection_words for rules in RULE_SETS.values()}
DETECTION_LETTERS = {rules.language: rules.detection_letters for rules in RULE_SETS.values()}


def detect_language(text: str) -> str:
    """The language whose very frequent words (and letters of its own, such as the
    Azerbaijani "ə") the text uses most; ties go to the first listed."""
    words = re.findall(r"[^\W\d_]+", fold_same_length(text))
    written = re.findall(r"[^\W\d_]+", text)
    scores = {
        language: sum(word in vocabulary for word in words)
        + sum(any(c in DETECTION_LETTERS[language] for c in word) for word in written)
        for language, vocabulary in DETECTION_WORDS.items()
    }
    return max(scores, key=scores.__getitem__)
