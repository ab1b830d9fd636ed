"""The GET filters of the call and statement lists, as django-filter FilterSets.

Reuse them on any page that lists the calls (or statements) of something, with the same
parameters and the same facets:

    calls = CallFilter(request.GET or None, queryset=official.calls.all())
    if calls.is_bound and not calls.is_valid():
        ...  # answer 400 with calls.errors
    facets = facets.call_facets(calls)            # counts for calls.qs, links for request.GET

``queryset`` may be any ``Call`` (or ``Statement``) queryset; the filters only narrow it. Every
to-many filter goes through a subquery on ids, so a row never repeats and no ``distinct()`` is
needed. Unknown slugs, dates that are not dates and over-long searches are form errors, which
the views answer with a 400 and the errors — never a 500.
"""

import re

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django_filters import fields

from .folding import Folded, fold
from .models import (
    Call,
    Country,
    Language,
    Office,
    Official,
    Participant,
    Readout,
    Statement,
    Topic,
    VerbClass,
)
from .parsing.publishers import PUBLISHERS

MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 12
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


class SearchWordsField(forms.CharField):
    """Free text: a question, not a document — long pastes are refused with a reason."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_SEARCH_LENGTH)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if len(value.split()) > MAX_SEARCH_WORDS:
            raise ValidationError(f"Search for at most {MAX_SEARCH_WORDS} words.")
        return value


class SlugCheckMixin:
    """Refuse what cannot be a slug before the database sees it (a NUL byte breaks PostgreSQL)."""

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if item not in self.empty_values and not _SLUG.fullmatch(str(item)):
                raise ValidationError(
                    self.error_messages["invalid_choice"], params={"value": str(item)[:60]}
                )
        return super().clean(value)


class SlugChoiceField(SlugCheckMixin, fields.ModelChoiceField):
    pass


class SlugMultipleChoiceField(SlugCheckMixin, fields.ModelMultipleChoiceField):
    pass


class SearchFilter(filters.CharFilter):
    field_class = SearchWordsField


class YearFilter(filters.Filter):
    field_class = forms.IntegerField


class SlugFilter(filters.ModelChoiceFilter):
    field_class = SlugChoiceField


class SlugsFilter(filters.ModelMultipleChoiceFilter):
    field_class = SlugMultipleChoiceField


def _unknown(thing):
    return {"invalid_choice": f"There is no {thing} “%(value)s” in the archive."}


def official_filter(field_name, label, **kwargs):
    return SlugsFilter(
        field_name=field_name,
        label=label,
        queryset=Official.objects.all(),
        to_field_name="slug",
        error_messages=_unknown("official"),
        **kwargs,
    )


def topic_filter(field_name="topics__slug"):
    return SlugsFilter(
        field_name=field_name,
        label="Topic",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        conjoined=True,
        error_messages=_unknown("topic"),
    )


def office_filter(method):
    return SlugsFilter(
        label="Office",
        queryset=Office.objects.all(),
        to_field_name="slug",
        method=method,
        error_messages=_unknown("office"),
    )


def date_filters(field_name):
    return (
        filters.DateFilter(field_name=field_name, lookup_expr="gte", label="From"),
        filters.DateFilter(field_name=field_name, lookup_expr="lte", label="Until"),
    )


def officials_matching(words):
    """Ids of the officials whose name or a name variant contains each word (accents ignored)."""
    people = [
        (pk, fold(" ".join([name, *variants])))
        for pk, name, variants in Official.objects.values_list("pk", "name", "name_variants")
    ]
    return {word: [pk for pk, names in people if word in names] for word in words}


class CallFilter(filters.FilterSet):
    q = SearchFilter(method="filter_q", label="Words")
    date_after, date_before = date_filters("date")
    year = YearFilter(field_name="year", min_value=1900, max_value=2100)
    official = official_filter("officials__slug", "Official", conjoined=True)
    topic = topic_filter()
    office = office_filter("filter_office")
    country = filters.ChoiceFilter(
        choices=Country.choices, method="filter_country", label="Country"
    )
    language = filters.ChoiceFilter(
        choices=Language.choices, method="filter_language", label="Readout language"
    )
    initiator = SlugFilter(
        field_name="initiator",
        queryset=Official.objects.all(),
        to_field_name="slug",
        error_messages=_unknown("official"),
    )
    publisher = filters.ChoiceFilter(
        choices=[(key, p.name) for key, p in PUBLISHERS.items()],
        method="filter_publisher",
        label="Publisher",
    )
    sides = filters.ChoiceFilter(
        choices=[("both", "Readouts from both sides")], method="filter_sides", label="Sides"
    )
    sort = filters.ChoiceFilter(
        choices=[("-date", "Newest first"), ("date", "Oldest first")],
        method="sort_by",
        label="Order",
    )

    class Meta:
        model = Call
        fields = []

    def filter_q(self, queryset, name, value):
        words = fold(value).split()
        named = officials_matching(words)
        for word in words:
            in_text = Readout.objects.alias(folded=Folded("text")).filter(folded__contains=word)
            matches = Q(pk__in=in_text.values("call_id"))
            if named[word]:
                on_call = Participant.objects.filter(official_id__in=named[word])
                matches |= Q(pk__in=on_call.values("call_id"))
            queryset = queryset.filter(matches)
        return queryset

    def filter_office(self, queryset, name, offices):
        for office in offices:
            queryset = queryset.filter(
                pk__in=Participant.objects.filter(office=office).values("call_id")
            )
        return queryset

    def filter_country(self, queryset, name, value):
        with_country = Participant.objects.filter(official__country=value)
        return queryset.filter(pk__in=with_country.values("call_id"))

    def filter_language(self, queryset, name, value):
        return queryset.filter(pk__in=Readout.objects.filter(language=value).values("call_id"))

    def filter_publisher(self, queryset, name, value):
        return queryset.filter(pk__in=Readout.objects.filter(publisher=value).values("call_id"))

    def filter_sides(self, queryset, name, value):
        for side in (Country.AZERBAIJAN, Country.UNITED_STATES):
            queryset = queryset.filter(pk__in=Readout.objects.filter(side=side).values("call_id"))
        return queryset

    def sort_by(self, queryset, name, value):
        return queryset.order_by(value, "slug")


class StatementFilter(filters.FilterSet):
    q = SearchFilter(method="filter_q", label="Words")
    speaker = SlugFilter(
        field_name="speaker",
        queryset=Official.objects.all(),
        to_field_name="slug",
        error_messages=_unknown("official"),
        label="Speaker",
    )
    office = office_filter("filter_office")
    topic = topic_filter()
    verb_class = filters.ChoiceFilter(choices=VerbClass.choices, label="Kind of statement")
    country = filters.ChoiceFilter(
        field_name="speaker__country", choices=Country.choices, label="Speaker's country"
    )
    date_after, date_before = date_filters("readout__call__date")

    class Meta:
        model = Statement
        fields = []

    def filter_q(self, queryset, name, value):
        words = fold(value).split()
        named = officials_matching(words)
        for word in words:
            matches = Q(
                pk__in=Statement.objects.alias(folded=Folded("text"))
                .filter(folded__contains=word)
                .values("pk")
            )
            if named[word]:
                matches |= Q(speaker_id__in=named[word])
            queryset = queryset.filter(matches)
        return queryset

    def filter_office(self, queryset, name, offices):
        for office in offices:
            held = Participant.objects.filter(
                call_id=OuterRef("readout__call_id"),
                official_id=OuterRef("speaker_id"),
                office=office,
            )
            queryset = queryset.filter(Exists(held))
        return queryset
