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
from django.db import connections
from django.db.models import BigIntegerField, Exists, Func, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import fields

from ..models import (
    Call,
    Concept,
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
from ..parsing.publishers import PUBLISHERS
from ..search import build_query, search_calls, search_statements
from ..search.engines import topics_in_documents
from ..search.folding import words

MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 12
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


def is_literal(data) -> bool:
    """``literal=1``: search only the words typed, not their equivalents in other languages."""
    return data is not None and data.get("literal") == "1"


class SearchWordsField(forms.CharField):
    """Free text: a question, not a document — long pastes are refused with a reason."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_SEARCH_LENGTH)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not words(value):
            return ""  # nothing to search for (only spaces or punctuation): no query
        if len(value.split()) > MAX_SEARCH_WORDS:
            raise ValidationError(
                _("Search for at most %(count)s words.") % {"count": MAX_SEARCH_WORDS}
            )
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


class NotIndexed(Func):
    """``+column``: the same value, for which SQLite will not pick an index (its own hint)."""

    template = "+%(expressions)s"
    output_field = BigIntegerField()


class SlugsFilter(filters.ModelMultipleChoiceFilter):
    """Each chosen value narrows through a subquery on ids (no join), so no DISTINCT is needed.

    A join plus DISTINCT makes the database de-duplicate every matching row before it can
    return the first page; ``pk IN (...)`` lets it walk the date index and stop at 25.
    """

    field_class = SlugMultipleChoiceField

    def filter(self, qs, value):
        if not value:
            return qs
        relation = self.field_name.removesuffix("__" + self.extra["to_field_name"])
        many = qs.model._meta.get_field(relation)
        links = many.remote_field.through._default_manager
        own, other = f"{many.m2m_field_name()}_id", many.m2m_reverse_field_name()
        pk = "pk"
        if connections[qs.db].vendor == "sqlite":
            # SQLite guesses an IN list is short and walks it, looking up every call of a
            # common topic (40% of the archive) before sorting; as a mere test it walks the
            # year or date index instead. PostgreSQL's statistics choose well on their own.
            qs, pk = qs.alias(pk_not_indexed=NotIndexed("pk")), "pk_not_indexed"
        if self.conjoined:
            for chosen in value:
                qs = qs.filter(**{f"{pk}__in": links.filter(**{other: chosen}).values(own)})
            return qs
        return qs.filter(**{f"{pk}__in": links.filter(**{f"{other}__in": value}).values(own)})


UNKNOWN = {
    "official": gettext_lazy("There is no official “%(value)s” in the archive."),
    "topic": gettext_lazy("There is no topic “%(value)s” in the archive."),
    "office": gettext_lazy("There is no office “%(value)s” in the archive."),
    "concept": gettext_lazy(
        "There is no place, organisation or document “%(value)s” in the archive."
    ),
}


def _unknown(thing):
    return {"invalid_choice": UNKNOWN[thing]}


def official_filter(field_name, label, **kwargs):
    return SlugsFilter(
        field_name=field_name,
        label=label,
        queryset=Official.objects.all(),
        to_field_name="slug",
        error_messages=_unknown("official"),
        **kwargs,
    )


def topic_filter(field_name="topics__slug", method=None):
    return SlugsFilter(
        field_name=field_name,
        method=method,
        label=gettext_lazy("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        conjoined=True,
        error_messages=_unknown("topic"),
    )


def office_filter(method):
    return SlugsFilter(
        label=gettext_lazy("Office"),
        queryset=Office.objects.all(),
        to_field_name="slug",
        method=method,
        error_messages=_unknown("office"),
    )


class DateRangeForm(forms.Form):
    """A date range whose end comes before its start is refused with a message that says so."""

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("date_after"), cleaned.get("date_before")
        if after and before and after > before:
            self.add_error(
                "date_before",
                _("“Until” (%(before)s) is earlier than “From” (%(after)s): swap the two dates.")
                % {"before": before.isoformat(), "after": after.isoformat()},
            )
        return cleaned


def date_filters(field_name):
    return (
        filters.DateFilter(field_name=field_name, lookup_expr="gte", label=gettext_lazy("From")),
        filters.DateFilter(field_name=field_name, lookup_expr="lte", label=gettext_lazy("Until")),
    )


def sort_filter():
    """Newest or oldest first; without it a search lists the best matches first."""
    return filters.ChoiceFilter(
        choices=[("-date", gettext_lazy("Newest first")), ("date", gettext_lazy("Oldest first"))],
        method="sort_by",
        label=gettext_lazy("Order"),
    )


class CallFilter(filters.FilterSet):
    q = SearchFilter(method="filter_q", label=gettext_lazy("Words"))
    date_after, date_before = date_filters("date")
    year = YearFilter(field_name="year", min_value=1900, max_value=2100)
    official = official_filter("officials__slug", gettext_lazy("Official"), conjoined=True)
    topic = topic_filter()
    office = office_filter("filter_office")
    country = filters.ChoiceFilter(
        choices=Country.choices, method="filter_country", label=gettext_lazy("Country")
    )
    language = filters.ChoiceFilter(
        choices=Language.choices, method="filter_language", label=gettext_lazy("Readout language")
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
        label=gettext_lazy("Publisher"),
    )
    sides = filters.ChoiceFilter(
        choices=[("both", gettext_lazy("Readouts from both sides"))],
        method="filter_sides",
        label=gettext_lazy("Sides"),
    )
    reviewed = filters.ChoiceFilter(
        choices=[
            ("yes", gettext_lazy("Reviewed by an editor")),
            ("no", gettext_lazy("Not yet reviewed")),
        ],
        method="filter_reviewed",
        label=gettext_lazy("Review"),
    )
    mentioned = SlugsFilter(
        label=gettext_lazy("Mentioned"),
        queryset=Concept.objects.all(),
        to_field_name="slug",
        conjoined=True,
        method="filter_mentioned",
        error_messages=_unknown("concept"),
    )
    sort = sort_filter()

    class Meta:
        model = Call
        fields = []
        form = DateRangeForm

    def filter_q(self, queryset, name, value):
        """Full-text match over the call's readouts, best match first (``sort`` overrides).

        ``literal=1`` searches the words as typed, without the thesaurus's equivalents."""
        self.search_query = build_query(value, literal=is_literal(self.data))
        return search_calls(queryset, self.search_query)

    def filter_office(self, queryset, name, offices):
        for office in offices:
            queryset = queryset.filter(
                pk__in=Participant.objects.filter(office=office).values("call_id")
            )
        return queryset

    def filter_mentioned(self, queryset, name, concepts):
        """Calls whose readouts mention every one of these concepts (in whatever language)."""
        for concept in concepts:
            queryset = queryset.filter(
                pk__in=Readout.objects.filter(mentions__concept=concept).values("call_id")
            )
        return queryset

    def filter_country(self, queryset, name, value):
        # The call's own ``countries`` column (kept by ``writing.derived``): no join, and the
        # list still walks the date index and stops at its page. Codes are two letters, so a
        # substring of "AZ US" is a whole code.
        return queryset.filter(countries__contains=value)

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__contains=value)

    def filter_publisher(self, queryset, name, value):
        return queryset.filter(pk__in=Readout.objects.filter(publisher=value).values("call_id"))

    def filter_sides(self, queryset, name, value):
        for side in (Country.AZERBAIJAN, Country.UNITED_STATES):
            queryset = queryset.filter(pk__in=Readout.objects.filter(side=side).values("call_id"))
        return queryset

    def filter_reviewed(self, queryset, name, value):
        """Settled records: every readout of the call reviewed by an editor (or not yet)."""
        unreviewed = Readout.objects.filter(call=OuterRef("pk"), reviewed_at__isnull=True)
        return queryset.filter(~Exists(unreviewed) if value == "yes" else Exists(unreviewed))

    def sort_by(self, queryset, name, value):
        return queryset.order_by(value, "slug")


class StatementFilter(filters.FilterSet):
    q = SearchFilter(method="filter_q", label=gettext_lazy("Words"))
    speaker = SlugFilter(
        field_name="speaker",
        queryset=Official.objects.all(),
        to_field_name="slug",
        error_messages=_unknown("official"),
        label=gettext_lazy("Speaker"),
    )
    office = office_filter("filter_office")
    topic = topic_filter(method="filter_topic")
    verb_class = filters.ChoiceFilter(
        choices=VerbClass.choices, label=gettext_lazy("Kind of statement")
    )
    country = filters.ChoiceFilter(
        field_name="speaker__country",
        choices=Country.choices,
        label=gettext_lazy("Speaker's country"),
    )
    date_after, date_before = date_filters("readout__call__date")
    sort = sort_filter()

    class Meta:
        model = Statement
        fields = []
        form = DateRangeForm

    def filter_q(self, queryset, name, value):
        """Full-text match over the statements' words, best first (``literal=1``: as typed),
        within the chosen topics where the documents hold them (``filter_topic``)."""
        self.search_query = build_query(value, literal=is_literal(self.data))
        topics = self.form.cleaned_data.get("topic") if self._topics_searched() else ()
        return search_statements(queryset, self.search_query, topics=topics or ())

    def filter_topic(self, queryset, name, topics):
        if self._topics_searched():
            return queryset  # in the search's own index lookup: ``filter_q``
        return SlugsFilter.filter(self.filters["topic"], queryset, topics)

    def _topics_searched(self) -> bool:
        return bool(self.form.cleaned_data.get("q")) and topics_in_documents(self.queryset.db)

    def sort_by(self, queryset, name, value):
        by_date = "readout__call__date"
        return queryset.order_by(value.replace("date", by_date), "readout", "order")

    def filter_office(self, queryset, name, offices):
        for office in offices:
            held = Participant.objects.filter(
                call_id=OuterRef("readout__call_id"),
                official_id=OuterRef("speaker_id"),
                office=office,
            )
            queryset = queryset.filter(Exists(held))
        return queryset
