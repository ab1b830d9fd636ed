"""Who publishes readouts, and which side of a call each publisher speaks for."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Publisher:
    key: str
    name: str
    side: str  # ISO 3166 alpha-2 of the government whose account this is, or relays
    kind: str = "government"  # "government" (its own account) or "agency" (relays others')
    short: str = ""  # as a relayed source: "AZERTAC, relaying the Azerbaijani Presidency"


PUBLISHERS = {
    publisher.key: publisher
    for publisher in (
        Publisher(
            "az-presidency",
            "President of the Republic of Azerbaijan (president.az)",
            "AZ",
            short="the Azerbaijani Presidency",
        ),
        Publisher(
            "az-mfa",
            "Ministry of Foreign Affairs of Azerbaijan",
            "AZ",
            short="the Azerbaijani Foreign Ministry",
        ),
        Publisher(
            "az-mod",
            "Ministry of Defence of Azerbaijan",
            "AZ",
            short="the Azerbaijani Defence Ministry",
        ),
        Publisher(
            "az-embassy-us",
            "Embassy of Azerbaijan in the United States",
            "AZ",
            short="the Azerbaijani Embassy in Washington",
        ),
        Publisher(
            "us-state-department",
            "U.S. Department of State",
            "US",
            short="the State Department",
        ),
        Publisher(
            "us-embassy-baku", "U.S. Embassy in Azerbaijan", "US", short="the U.S. Embassy in Baku"
        ),
        Publisher("white-house", "The White House", "US", short="the White House"),
        Publisher("us-dod", "U.S. Department of Defense", "US", short="the Pentagon"),
        # News agencies relay a government's readout; the side is the one they relay, and an
        # agency of Baku relays Baku's unless the manifest says otherwise.
        Publisher("azertac", "AZERTAC (Azerbaijan State News Agency)", "AZ", "agency"),
        Publisher("trend", "Trend News Agency", "AZ", "agency"),
        Publisher("apa", "APA (Azeri-Press Agency)", "AZ", "agency"),
        Publisher("report", "Report News Agency", "AZ", "agency"),
        Publisher("azernews", "AzerNews", "AZ", "agency"),
        Publisher("turan", "Turan Information Agency", "AZ", "agency"),
        Publisher("news-az", "News.az", "AZ", "agency"),
        Publisher("metbuat", "Metbuat.az", "AZ", "agency"),
        Publisher("xezerxeber", "Xəzər Xəbər", "AZ", "agency"),
        Publisher("today-az", "Today.az", "AZ", "agency"),
    )
}


def publisher_name(key: str, relays: str = "") -> str:
    """How the archive names who published a readout: "Trend News Agency, relaying the
    Azerbaijani Foreign Ministry"; an unknown key is shown as it is."""
    name = PUBLISHERS[key].name if key in PUBLISHERS else key
    relayed = PUBLISHERS.get(relays)
    if relayed is None:
        return name
    return f"{name}, relaying {relayed.short or relayed.name}"


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
    (
        "us-embassy-baku",
        re.compile(
            r"U\.S\. Embassy|US Embassy|Embassy of the United States"
            r"|Ambassade des [ÉE]tats-Unis|ABŞ-ın Azərbaycandakı Səfirliyi|ABŞ Səfirliyi",
        ),
    ),
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


# The State Department's press statements of 2017-2021 sign with the name on a line of its
# own and the title below it: "Heather Nauert\nDepartment Spokesperson".
# Words of a heading, never of a signature's name ("Readout of the Call").
_NOT_IN_A_NAME = frozenset(["readout", "call", "statement", "press", "of", "the", "office"])
_SIGNATURE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:[ \t]+[A-Z][\w'’-]+)+)[ \t]*\n[ \t]*"
    r"(?:Department |Principal Deputy |Deputy )?Spokesperson[ \t]*$",
    re.MULTILINE,
)


def spokespeople(text: str) -> list[str]:
    """Names of the spokespeople a readout is attributed to (mentions, never participants)."""
    found = [m.group("name") for m in _ATTRIBUTION.finditer(text)]
    for m in _SIGNATURE.finditer(text):
        name = m.group("name")
        if name not in found and not _NOT_IN_A_NAME & set(name.lower().split()):
            found.append(name)
    return found
