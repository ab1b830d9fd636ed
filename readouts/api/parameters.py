"""What the OpenAPI document says about each filter parameter, and the filter backend saying it.

The filters themselves are the pages' (``browse/filters.py``); their labels are written for a
form ("From", "Words"), so the API's reference gives each parameter a sentence for a programmer
(``describe_parameters``, run by drf-spectacular after it has read the FilterSets).
"""

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.plumbing import build_array_type, build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from ..browse.filters import SlugsFilter

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
    "reviewed": "`yes`: only calls whose every readout an editor has reviewed; `no`: calls "
    "with a readout not yet reviewed.",
    "mentioned": "Slug of a place, organisation or document of the thesaurus that a readout "
    "of the call mentions; repeat for calls mentioning all of them.",
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


class SlugsFilterExtension(DjangoFilterExtension):
    """The pages' many-valued slug filters (official, topic, office) take slugs, repeated for
    "all of these": say so, where drf-spectacular would guess a type and warn."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if not isinstance(filter_field, SlugsFilter):
            return super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
        slug = {**build_basic_type(OpenApiTypes.STR), "pattern": r"^[-a-zA-Z0-9_]+$"}
        return [
            build_parameter_type(
                name=field_name,
                schema=build_array_type(slug),
                location=OpenApiParameter.QUERY,
                description=DESCRIPTIONS.get(field_name, ""),
                explode=True,
                style="form",
            )
        ]
