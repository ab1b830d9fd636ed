"""What the OpenAPI document says about each filter parameter, and the filter backend saying it.

The filters themselves are the pages' (``browse/filters.py``); their labels are written for a
form ("From", "Words"), so the API's reference gives each parameter a sentence for a programmer
(``describe_parameters``, run by drf-spectacular after it has read the FilterSets).
"""

DESCRIPTIONS = {
    "q": 'Words to search for: `peace treaty` (all words), `"peace treaty"` (the phrase), '
    "`-gas` (without), `gas OR oil`. Case, accents and spellings of surnames do not matter. "
    "At most 200 characters and 12 words. Results come best match first unless `sort` is given.",
    "date_after": "Only calls on or after this date (YYYY-MM-DD).",
    "date_before": "Only calls on or before this date (YYYY-MM-DD).",
    "year": "Only calls of this year.",
    "official": "Slug of an official on the call; repeat for calls with all of them.",
    "topic": "Slug of a topic; repeat for rows with all of them.",
    "office": "Slug of an office held on the call (by the speaker, for statements); repeat for "
    "all of them.",
    "country": "AZ or US: calls with an official of that country (for statements: the "
    "speaker's country).",
    "language": "Only calls with a readout in this language (ISO 639-1).",
    "initiator": "Slug of the official who placed the call.",
    "publisher": "Only calls with a readout from this publisher (see /data/ for the list).",
    "sides": "`both`: only calls with readouts from both the Azerbaijani and the US side.",
    "sort": "`-date` newest first (the default without `q`) or `date` oldest first.",
    "speaker": "Slug of the official who made the statement.",
    "verb_class": "The kind of statement.",
    "call": "Slug of the call.",
    "side": "Whose account: AZ or US.",
}


PATH_DESCRIPTIONS = {
    "slug": "The record's slug, as in its `url` and on the site.",
    "id": "The record's id, as in its `url`.",
}


def describe_parameters(result, generator, request, public):
    """drf-spectacular post-processing hook: each parameter gets its sentence from above."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                table = DESCRIPTIONS if parameter["in"] == "query" else PATH_DESCRIPTIONS
                if parameter["name"] in table:
                    parameter["description"] = table[parameter["name"]]
    return result
