"""The API's views: a list and a detail for each kind of record, and facets for two of them.

Calls and statements are filtered by the pages' FilterSets (``CallFilter``,
``StatementFilter``): the same parameters, the same search, the same 400 for a bad value, and
``/calls/facets/`` gives the same counts as the page's sidebar. Every list runs a fixed number
of queries whatever ``page_size`` is (the querysets prefetch what the serializers read).
"""

import re

import django_filters as filters
from django.db.models import Prefetch
from django.http import JsonResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ..browse.facets import call_facets, statement_facets
from ..browse.filters import CallFilter, StatementFilter
from ..models import Call, Country, Language, Office, Official, Readout, Statement, Topic
from ..parsing.publishers import PUBLISHERS
from ..views.lists import result_cached
from . import serializers as s
from .conditional import ConditionalMixin
from .errors import DetailSerializer, ErrorsSerializer, exception_handler
from .limits import AnonymousRateLimit
from .paging import ArchivePagination
from .parameters import SlugsFilterExtension  # noqa: F401 (registers it with drf-spectacular)


class AlwaysJSON(BaseContentNegotiation):
    """The API speaks JSON whatever ``Accept`` says: no 406 for a client that asks for HTML."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


NOT_MODIFIED = OpenApiResponse(description="Not modified: the ETag (or date) you sent is current.")
TOO_MANY = OpenApiResponse(
    DetailSerializer, description="Too many requests; `Retry-After` says how many seconds to wait."
)
BAD_QUERY = OpenApiResponse(
    ErrorsSerializer, description="A parameter was wrong; `errors` says how."
)
NOT_FOUND = OpenApiResponse(DetailSerializer, description="No such record.")


def list_schema(serializer, summary):
    return extend_schema(
        summary=summary,
        responses={200: serializer(many=True), 304: NOT_MODIFIED, 400: BAD_QUERY, 429: TOO_MANY},
    )


def detail_schema(serializer, summary):
    return extend_schema(
        summary=summary,
        responses={200: serializer, 304: NOT_MODIFIED, 404: NOT_FOUND, 429: TOO_MANY},
    )


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, keeping the FilterSet on the view: the count of a result is then
    cached per set of filters (until the next write), as the pages cache theirs, so a script
    paging through a broad search does not pay for the COUNT on every page."""

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset


class ArchiveViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    authentication_classes = []
    permission_classes = []
    throttle_classes = [AnonymousRateLimit]
    renderer_classes = [JSONRenderer]
    parser_classes = []
    content_negotiation_class = AlwaysJSON
    pagination_class = ArchivePagination
    filter_backends = [FilterBackend]
    lookup_field = "slug"

    def get_exception_handler(self):
        return exception_handler

    def cached_count(self, queryset):
        """The result's size, cached until the next write for these filters."""
        filterset = getattr(self, "filterset", None)
        if filterset is None:
            return None
        return result_cached(filterset, f"api-{type(self).__name__}-count", queryset.count)

    def get_object(self):
        """A key that cannot be a slug (or an id) is a 404 before the database sees it: a NUL
        byte or a stray character must not reach PostgreSQL as a string literal."""
        shape = r"[0-9]{1,18}" if self.lookup_field == "pk" else r"[-a-zA-Z0-9_]{1,200}"
        if not re.fullmatch(shape, self.kwargs[self.lookup_field]):
            raise NotFound()
        return super().get_object()


def not_found(request, *args, **kwargs):
    """Any other path under /api/v1/ ending in a slash: a JSON 404, as the API's own are."""
    return JsonResponse({"detail": "There is no such path in the API."}, status=404)


def _facets_response(filterset_class, facets_of, request, queryset):
    """The page's facets for these filters, cached per set of filters as the page's are."""
    filterset = filterset_class(request.query_params or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        raise ValidationError(filterset.errors)
    key = f"api-{filterset_class.__name__}-facets"
    return Response(result_cached(filterset, key, lambda: _facets(filterset, facets_of)))


def _facets(filterset, facets_of):
    facets = []
    for facet in facets_of(filterset):
        values = [
            {
                "value": item.value,
                "label": item.label,
                "count": item.count,
                "active": item.active,
                "query": item.query.removeprefix("?"),
            }
            for item in facet.values
        ]
        facets.append({"key": facet.key, "title": facet.title, "values": values})
    return {"count": filterset.qs.count(), "facets": facets}


def facets_schema(summary):
    return extend_schema(
        summary=summary,
        filters=True,
        responses={200: s.FacetsSerializer, 304: NOT_MODIFIED, 400: BAD_QUERY, 429: TOO_MANY},
    )


@extend_schema_view(
    list=list_schema(s.CallSerializer, "Calls, newest first, filtered and searched as on /"),
    retrieve=detail_schema(s.CallDetailSerializer, "A call with its readouts and statements"),
)
class CallViewSet(ArchiveViewSet):
    filterset_class = CallFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Call.objects.with_related().prefetch_related("readouts__mentions__official")
        return Call.objects.for_list()

    def get_serializer_class(self):
        return s.CallDetailSerializer if self.action == "retrieve" else s.CallSerializer

    @facets_schema("Facet counts of the calls these filters match (same parameters as the list)")
    @action(detail=False, pagination_class=None)
    def facets(self, request):
        return _facets_response(CallFilter, call_facets, request, Call.objects.all())


@extend_schema_view(
    list=list_schema(
        s.StatementSerializer, "Statements, newest call first, filtered as on /statements/"
    ),
    retrieve=detail_schema(s.StatementSerializer, "A statement"),
)
class StatementViewSet(ArchiveViewSet):
    filterset_class = StatementFilter
    serializer_class = s.StatementSerializer
    lookup_field = "pk"

    def get_queryset(self):
        return Statement.objects.for_list()

    @facets_schema("Facet counts of the statements these filters match (same parameters)")
    @action(detail=False, pagination_class=None)
    def facets(self, request):
        return _facets_response(
            StatementFilter, statement_facets, request, Statement.objects.for_list()
        )


class ReadoutFilter(filters.FilterSet):
    call = filters.CharFilter(field_name="call__slug", label="Call")
    publisher = filters.ChoiceFilter(choices=[(key, p.name) for key, p in PUBLISHERS.items()])
    side = filters.ChoiceFilter(choices=Country.choices)
    language = filters.ChoiceFilter(choices=Language.choices)

    class Meta:
        model = Readout
        fields = []


@extend_schema_view(
    list=list_schema(s.ReadoutSerializer, "Readouts, by call (newest first), with their texts"),
    retrieve=detail_schema(s.ReadoutSerializer, "A readout with its text and statements"),
)
class ReadoutViewSet(ArchiveViewSet):
    filterset_class = ReadoutFilter
    serializer_class = s.ReadoutSerializer
    lookup_field = "pk"

    def get_queryset(self):
        statements = Statement.objects.select_related("speaker").prefetch_related("topics")
        return (
            Readout.objects.select_related("call")
            .prefetch_related(
                Prefetch("statements", queryset=statements),
                Prefetch("mentions__official"),
            )
            .order_by("-call__date", "call__slug", "pk")
        )


class CountryFilter(filters.FilterSet):
    country = filters.ChoiceFilter(choices=Country.choices)


class OfficialFilter(CountryFilter):
    class Meta:
        model = Official
        fields = []


class OfficeFilter(CountryFilter):
    class Meta:
        model = Office
        fields = []


@extend_schema_view(
    list=list_schema(s.OfficialSerializer, "Officials, by name"),
    retrieve=detail_schema(s.OfficialSerializer, "An official"),
)
class OfficialViewSet(ArchiveViewSet):
    filterset_class = OfficialFilter
    serializer_class = s.OfficialSerializer

    def get_queryset(self):
        return Official.objects.with_call_counts().order_by("name", "slug")


@extend_schema_view(
    list=list_schema(s.OfficeSerializer, "Offices, by country and title"),
    retrieve=detail_schema(s.OfficeSerializer, "An office"),
)
class OfficeViewSet(ArchiveViewSet):
    filterset_class = OfficeFilter
    serializer_class = s.OfficeSerializer

    def get_queryset(self):
        return Office.objects.order_by("country", "title_en", "slug")


@extend_schema_view(
    list=list_schema(s.TopicSerializer, "Topics of the vocabulary, by name"),
    retrieve=detail_schema(s.TopicSerializer, "A topic"),
)
class TopicViewSet(ArchiveViewSet):
    serializer_class = s.TopicSerializer
    filter_backends = []

    def get_queryset(self):
        return Topic.objects.with_call_counts().order_by("name_en", "slug")
