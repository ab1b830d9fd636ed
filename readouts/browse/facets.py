"""Facet counts for the current result set, each value with the link that toggles it.

Counts come from one aggregate query per facet (``values().annotate(Count())``) over the ids of
the filtered queryset, so a facet costs the same whether the result has 5 rows or 50,000.
Pass a bound-or-unbound, valid FilterSet from ``readouts.filters``: ``call_facets(filterset)``.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_filters import ModelMultipleChoiceFilter

from ..models import (
    Call,
    Country,
    Language,
    Mention,
    Participant,
    Readout,
    Statement,
    VerbClass,
)
from .querylinks import toggled

# Long tails (dozens of officials) are cut to the values with most results.
TOP_VALUES = 15


@dataclass(frozen=True)
class FacetValue:
    label: str
    count: int
    params: QueryDict
    active: bool


@dataclass(frozen=True)
class Facet:
    key: str
    title: str
    values: list[FacetValue]


def _facet(filterset, key, title, rows, *, value_field, label_field=None, labels=None):
    query = filterset.data if filterset.is_bound else None
    active = set(query.getlist(key)) if query is not None else set()
    multiple = isinstance(filterset.filters[key], ModelMultipleChoiceFilter)
    values = []
    for row in rows:
        value = str(row[value_field])
        label = row[label_field] if label_field else labels.get(row[value_field], value)
        values.append(
            FacetValue(
                label=label,
                count=row["n"],
                params=toggled(query, key, value, multiple=multiple),
                active=value in active,
            )
        )
    return Facet(key=key, title=title, values=values)


def year_counts(calls):
    """Calls per year, newest first: ``[{"year": 2021, "n": 14}, ...]``."""
    return list(calls.order_by().values("year").annotate(n=Count("pk")).order_by("-year"))


def call_facets(filterset, years=None) -> list[Facet]:
    """Year, official, office, topic, country, language and mentioned counts for ``filterset.qs``.

    ``years`` may be the result of ``year_counts`` if the caller already has it (the timeline).
    """
    calls = filterset.qs
    ids = calls.order_by().values("pk")
    on_calls = Participant.objects.filter(call__in=ids)
    officials = (
        on_calls.values("official__slug", "official__name")
        .annotate(n=Count("call_id"))
        .order_by("-n", "official__name")[:TOP_VALUES]
    )
    offices = (
        on_calls.filter(office__isnull=False)
        .values("office__slug", "office__title_en")
        .annotate(n=Count("call_id", distinct=True))
        .order_by("-n", "office__title_en")[:TOP_VALUES]
    )
    topics = (
        Call.topics.through.objects.filter(call__in=ids)
        .values("topic__slug", "topic__name_en")
        .annotate(n=Count("call_id"))
        .order_by("-n", "topic__name_en")[:TOP_VALUES]
    )
    countries = (
        on_calls.filter(official__country__in=Country.values)
        .values("official__country")
        .annotate(n=Count("call_id", distinct=True))
        .order_by("-n", "official__country")
    )
    languages = (
        Readout.objects.filter(call__in=ids)
        .values("language")
        .annotate(n=Count("call_id", distinct=True))
        .order_by("-n", "language")
    )
    mentioned = (
        Mention.objects.filter(readout__call__in=ids, concept__isnull=False)
        .values("concept__slug", "concept__pref_label_en")
        .annotate(n=Count("readout__call_id", distinct=True))
        .order_by("-n", "concept__pref_label_en")[:TOP_VALUES]
    )
    years = year_counts(calls) if years is None else years
    return [
        _facet(filterset, "year", _("Year"), years, value_field="year", labels={}),
        _facet(
            filterset, "official", _("Official"), officials,
            value_field="official__slug", label_field="official__name",
        ),
        _facet(
            filterset, "office", _("Office"), offices,
            value_field="office__slug", label_field="office__title_en",
        ),
        _facet(
            filterset, "topic", _("Topic"), topics,
            value_field="topic__slug", label_field="topic__name_en",
        ),
        _facet(
            filterset, "country", _("Country of an official"), countries,
            value_field="official__country", labels=dict(Country.choices),
        ),
        _facet(
            filterset, "language", _("Readout language"), languages,
            value_field="language", labels=dict(Language.choices),
        ),
        _facet(
            filterset, "mentioned", _("Mentioned"), mentioned,
            value_field="concept__slug", label_field="concept__pref_label_en",
        ),
    ]  # fmt: skip


def statement_facets(filterset) -> list[Facet]:
    """Speaker, topic and kind-of-statement counts for ``filterset.qs``."""
    statements = filterset.qs.order_by()
    speakers = (
        statements.filter(speaker__isnull=False)
        .values("speaker__slug", "speaker__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker__name")[:TOP_VALUES]
    )
    topics = (
        Statement.topics.through.objects.filter(statement__in=statements.values("pk"))
        .values("topic__slug", "topic__name_en")
        .annotate(n=Count("statement_id"))
        .order_by("-n", "topic__name_en")[:TOP_VALUES]
    )
    kinds = (
        statements.exclude(verb_class="")
        .values("verb_class")
        .annotate(n=Count("pk"))
        .order_by("-n", "verb_class")
    )
    return [
        _facet(
            filterset, "speaker", _("Speaker"), speakers,
            value_field="speaker__slug", label_field="speaker__name",
        ),
        _facet(
            filterset, "topic", _("Topic"), topics,
            value_field="topic__slug", label_field="topic__name_en",
        ),
        _facet(
            filterset, "verb_class", _("Kind of statement"), kinds,
            value_field="verb_class", labels=dict(VerbClass.choices),
        ),
    ]  # fmt: skip
