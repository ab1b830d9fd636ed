"""Who publishes readouts, and which side of a call each publisher speaks for."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Publisher:
    key: str
    name: str
    side: str  # ISO 3166 alpha-2 of the government whose account this is


PUBLISHERS = {
    publisher.key: publisher
    for publisher in (
        Publisher("az-presidency", "President of the Republic of Azerbaijan (president.az)", "AZ"),
        Publisher("az-mfa", "Ministry of Foreign Affairs of Azerbaijan", "AZ"),
        Publisher("azertac", "AZERTAC (Azerbaijan State News Agency)", "AZ"),
        Publisher("trend", "Trend News Agency", "AZ"),
        Publisher("us-state-department", "U.S. Department of State", "US"),
        Publisher("us-embassy-baku", "U.S. Embassy in Azerbaijan", "US"),
        Publisher("white-house", "The White House", "US"),
    )
}


# Where a readout says who published it: its preamble (lines above the body), or an
# attribution line anywhere. Checked in order; the first that matches wins. Patterns run on
# the verbatim text: agency names are written in capitals or with a capital.
_PREAMBLE_CUES = (
    ("azertac", re.compile(r"\bAZERTA[CG]\b|\bAzerta[cg]\b")),
    ("trend", re.compile(r"\bTrend(?: News Agency)?\b|\btrend\.az\b")),
    (
        "az-presidency",
        re.compile(
            r"president\.az|[Pp]ress [Ss]ervice of the President|[Pp]residential [Pp]ress"
            r"|[Ss]ervice de presse du [Pp]résident",
        ),
    ),
    (
        "az-mfa",
        re.compile(
            r"mfa\.gov\.az|[Pp]ress [Ss]ervice of the (?:Foreign )?Ministry"
            r"|Ministry of Foreign Affairs of (?:the Republic of )?Azerbaijan"
            r"|[Ss]ervice de presse du [Mm]inistère des [Aa]ffaires [ée]trangères",
        ),
    ),
    ("us-embassy-baku", re.compile(r"U\.S\. Embassy|US Embassy|Embassy of the United States")),
    (
        "white-house",
        re.compile(
            r"\bWHITE HOUSE\b|\bWhite House\b|\bAPNSA\b|\bNSC Spokesperson\b"
            r"|National Security Council Spokesperson|\bBriefing Room\b",
        ),
    ),
    (
        "us-state-department",
        re.compile(
            r"Office of the Spokesperson|OFFICE OF THE SPOKESPERSON|Department of State"
            r"|State Department|attributable to (?:Principal Deputy |Deputy )?Spokesperson",
            re.IGNORECASE,
        ),
    ),
)
_ATTRIBUTION = re.compile(
    r"(?:attributable to|from|by)\s+(?:the\s+)?(?:(?:State Department|Department of State|NSC"
    r"|National Security Council|White House)\s+)?(?P<title>(?:Principal Deputy |Deputy )?"
    r"Spokesperson)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+)+)"
)


# News agencies also sign in the first sentence: "..., AZERTAC reports."
_SIGNED_IN_FRAMING = frozenset(["azertac", "trend"])


def detect_publisher(preamble: str, framing: str, text: str) -> str:
    """The ``PUBLISHERS`` key a readout names in its preamble, framing sentence (agencies)
    or attribution line, or "" when it does not say."""
    attribution = _ATTRIBUTION.search(text)
    where = preamble + "\n" + (attribution.group() if attribution else "")
    for key, cue in _PREAMBLE_CUES:
        if cue.search(where) or (key in _SIGNED_IN_FRAMING and cue.search(framing)):
            return key
    return ""


def spokespeople(text: str) -> list[str]:
    """Names of the spokespeople a readout is attributed to (mentions, never participants)."""
    return [m.group("name") for m in _ATTRIBUTION.finditer(text)]
