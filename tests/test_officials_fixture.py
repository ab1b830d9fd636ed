"""Structural checks on fixtures/officials.json, the gazetteer of offices and officials.

Plain Python: no Django, so it runs before the app exists. Conventions checked here:
dates are ISO ``YYYY-MM-DD``; ``end`` is null while in office and inclusive otherwise,
so a handover day may belong to both the outgoing and the incoming holder; a tenure may
carry ``"acting": true``, and only such tenures may overlap another holder's by more than
that handover day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from itertools import combinations, pairwise
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "officials.json"
WINDOW_START = dt.date(2009, 1, 1)
TODAY = dt.date.today()

EXPECTED_OFFICES = {
    "az-president": "AZ",
    "az-first-vice-president": "AZ",
    "az-foreign-minister": "AZ",
    "az-presidential-assistant-foreign-policy": "AZ",
    "us-president": "US",
    "us-vice-president": "US",
    "us-secretary-of-state": "US",
    "us-deputy-secretary-of-state": "US",
    "us-national-security-advisor": "US",
    "us-secretary-of-defense": "US",
    "us-assistant-secretary-eur": "US",
    "us-senior-advisor-caucasus": "US",
    "az-head-presidential-administration": "AZ",
    "az-deputy-head-presidential-administration": "AZ",
    "az-deputy-foreign-minister": "AZ",
    "az-ambassador-to-us": "AZ",
    "az-presidential-representative-special-assignments": "AZ",
    "us-under-secretary-political-affairs": "US",
    "us-deputy-assistant-secretary-eur": "US",
    "us-minsk-group-co-chair": "US",
    "us-deputy-national-security-advisor": "US",
    "us-nsc-senior-director-europe-russia": "US",
    "us-ambassador-to-azerbaijan": "US",
    "us-special-envoy-middle-east": "US",
}
# Posts held by several people at once: their tenures may overlap.
SHARED_OFFICES = {
    "az-deputy-head-presidential-administration",
    "az-deputy-foreign-minister",
    "us-deputy-assistant-secretary-eur",
    "us-deputy-national-security-advisor",
    "us-nsc-senior-director-europe-russia",
}
# Posts with no holder on 2023-06-01, and why.
VACANT_ON_2023_06_01 = {
    "az-deputy-head-presidential-administration": "holders not yet entered",
    "us-minsk-group-co-chair": "the co-chairmanship lapsed in 2022",
    "us-special-envoy-middle-east": "created in 2025",
}


def slugify(value: str) -> str:
    """Same result as django.utils.text.slugify for these names."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


@pytest.fixture(scope="module")
def data() -> dict:
    with FIXTURE.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def tenures(data) -> list[dict]:
    """Every tenure, flattened, with parsed dates and its holder's slug."""
    rows = []
    for official in data["officials"]:
        for tenure in official["tenures"]:
            rows.append(
                {
                    "slug": official["slug"],
                    "office": tenure["office"],
                    "start": parse_date(tenure["start"]),
                    "end": parse_date(tenure["end"]),
                    "acting": tenure.get("acting", False),
                }
            )
    return rows


def holders_on(tenures: list[dict], office: str, day: dt.date) -> list[str]:
    return [
        row["slug"]
        for row in tenures
        if row["office"] == office
        and row["start"] <= day
        and (row["end"] is None or day <= row["end"])
    ]


def test_top_level_shape(data):
    assert set(data) == {"about", "offices", "officials"}
    assert isinstance(data["about"], str) and data["about"].strip()


def test_offices_are_exactly_the_expected_ones(data):
    assert {office["slug"]: office["country"] for office in data["offices"]} == EXPECTED_OFFICES
    assert len(data["offices"]) == len(EXPECTED_OFFICES)
    for office in data["offices"]:
        assert set(office) == {"slug", "country", "title_en", "title_fr"}
        assert office["title_en"].strip() and office["title_fr"].strip()


def test_official_records_are_well_formed(data):
    for official in data["officials"]:
        assert set(official) == {"name", "slug", "country", "variants", "tenures"}, official
        assert official["country"] in {"AZ", "US"}
        assert isinstance(official["variants"], list)
        assert isinstance(official["tenures"], list)
        for tenure in official["tenures"]:
            assert set(tenure) <= {"office", "start", "end", "acting"}, tenure
            assert {"office", "start", "end"} <= set(tenure), tenure
            assert tenure.get("acting", True) is True, "write acting only as true"


def test_slugs_are_unique_and_slugified_names(data):
    slugs = [official["slug"] for official in data["officials"]]
    assert len(slugs) == len(set(slugs))
    for official in data["officials"]:
        assert official["slug"] == slugify(official["name"]), official["name"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", official["slug"])


def test_variants_are_clean_and_never_the_canonical_name(data):
    for official in data["officials"]:
        seen = set()
        for variant in official["variants"]:
            assert variant == variant.strip() and variant, (official["slug"], variant)
            key = variant.casefold()
            assert key != official["name"].casefold(), (official["slug"], variant)
            assert key not in seen, (official["slug"], "duplicate variant", variant)
            seen.add(key)


def test_no_name_or_variant_belongs_to_two_officials(data):
    owner: dict[str, str] = {}
    for official in data["officials"]:
        for form in [official["name"], *official["variants"]]:
            key = form.casefold()
            assert owner.get(key, official["slug"]) == official["slug"], (
                f"{form!r} belongs to both {owner[key]} and {official['slug']}"
            )
            owner[key] = official["slug"]


def test_every_tenure_office_exists_and_matches_country(data):
    offices = {office["slug"]: office for office in data["offices"]}
    for official in data["officials"]:
        for tenure in official["tenures"]:
            assert tenure["office"] in offices, (official["slug"], tenure)
            assert offices[tenure["office"]]["country"] == official["country"], official["slug"]


def test_tenure_dates_are_ordered(tenures):
    for row in tenures:
        assert row["start"] <= TODAY, row
        if row["end"] is not None:
            assert row["start"] <= row["end"], row


def test_single_holder_posts_do_not_overlap(tenures):
    by_office = defaultdict(list)
    for row in tenures:
        end = row["end"] or TODAY
        if end < WINDOW_START or row["office"] in SHARED_OFFICES:
            continue
        by_office[row["office"]].append({**row, "end": end})
    for office, rows in by_office.items():
        for a, b in combinations(rows, 2):
            first, second = sorted((a, b), key=lambda row: row["start"])
            # Sharing the handover day is fine; anything more needs an acting holder.
            if second["start"] < first["end"] and not (first["acting"] or second["acting"]):
                pytest.fail(f"{office}: {first['slug']} and {second['slug']} overlap")


def test_everyone_in_office_is_listed_at_most_once_per_day(tenures):
    seen = defaultdict(list)
    for row in tenures:
        seen[(row["slug"], row["office"])].append(row)
    for (slug, office), rows in seen.items():
        rows.sort(key=lambda row: row["start"])
        for earlier, later in pairwise(rows):
            assert earlier["end"] is not None and earlier["end"] < later["start"], (slug, office)


@pytest.mark.parametrize(
    ("office", "day", "slug"),
    [
        ("us-secretary-of-state", "2022-10-10", "antony-blinken"),
        ("us-national-security-advisor", "2021-05-17", "jake-sullivan"),
        ("az-foreign-minister", "2021-01-01", "jeyhun-bayramov"),
        ("az-foreign-minister", "2019-06-01", "elmar-mammadyarov"),
        ("az-president", "2009-01-01", "ilham-aliyev"),
        ("az-first-vice-president", "2022-12-22", "mehriban-aliyeva"),
        ("az-presidential-assistant-foreign-policy", "2022-12-22", "hikmat-hajiyev"),
        ("us-president", "2009-01-01", "george-w-bush"),
        ("us-president", "2016-06-01", "barack-obama"),
        ("us-president", "2020-06-01", "donald-trump"),
        ("us-president", "2022-06-01", "joe-biden"),
        ("us-president", "2025-06-01", "donald-trump"),
        ("us-vice-president", "2025-06-01", "jd-vance"),
        ("us-secretary-of-state", "2012-06-01", "hillary-clinton"),
        ("us-secretary-of-state", "2019-06-01", "mike-pompeo"),
        ("us-secretary-of-state", "2025-06-01", "marco-rubio"),
        ("us-national-security-advisor", "2025-03-01", "mike-waltz"),
        ("us-national-security-advisor", "2025-06-01", "marco-rubio"),
        ("us-secretary-of-defense", "2025-06-01", "pete-hegseth"),
        ("us-deputy-secretary-of-state", "2025-06-01", "christopher-landau"),
        ("az-head-presidential-administration", "2021-01-01", "samir-nuriyev"),
        ("az-ambassador-to-us", "2015-01-01", "elin-suleymanov"),
        ("us-ambassador-to-azerbaijan", "2023-06-01", "mark-libby"),
        ("us-under-secretary-political-affairs", "2022-06-01", "victoria-nuland"),
        ("us-minsk-group-co-chair", "2020-10-28", "andrew-schofer"),
    ],
)
def test_who_held_the_post(tenures, office, day, slug):
    assert holders_on(tenures, office, dt.date.fromisoformat(day)) == [slug]


def test_every_office_has_a_holder_on_2023_06_01(data, tenures):
    day = dt.date(2023, 6, 1)
    for office in data["offices"]:
        if office["slug"] not in VACANT_ON_2023_06_01:
            assert holders_on(tenures, office["slug"], day), office["slug"]


def test_known_variants_resolve(data):
    owner = {
        form.casefold(): official["slug"]
        for official in data["officials"]
        for form in [official["name"], *official["variants"]]
    }
    for form, slug in {
        "Antony J. Blinken": "antony-blinken",
        "Blinken": "antony-blinken",
        "Блинкен": "antony-blinken",
        "Michael R. Pompeo": "mike-pompeo",
        "Djeyhoun Baïramov": "jeyhun-bayramov",
        "Ceyhun Bayramov": "jeyhun-bayramov",
        "Джейхун Байрамов": "jeyhun-bayramov",
        "Mamediarov": "elmar-mammadyarov",
        "Elmar Məmmədyarov": "elmar-mammadyarov",
        "Hikmet Hadjiyev": "hikmat-hajiyev",
        "Hikmət Hacıyev": "hikmat-hajiyev",
        "Aliyev": "ilham-aliyev",
        "Алиев": "ilham-aliyev",
        "Aliyeva": "mehriban-aliyeva",
        "Mehriban Əliyeva": "mehriban-aliyeva",
        "Filip Riker": "philip-reeker",
        "Elnur Məmmədov": "elnur-mammadov",
        "Эльнур Мамедов": "elnur-mammadov",
        "Con Kerri": "john-kerry",
        "Xəzər İbrahim": "khazar-ibrahim",
    }.items():
        assert owner.get(form.casefold()) == slug, form


def test_everyone_has_a_cyrillic_spelling(data):
    """Russian-language agencies relay these readouts: each name can be found in Cyrillic."""
    for official in data["officials"]:
        assert any(re.search("[а-яА-ЯёЁ]", v) for v in official["variants"]), official["name"]


def test_shared_offices_are_real_offices():
    assert set(EXPECTED_OFFICES) >= SHARED_OFFICES
    assert set(VACANT_ON_2023_06_01) <= set(EXPECTED_OFFICES)
