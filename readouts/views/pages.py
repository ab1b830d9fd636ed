"""The pages a researcher reads: one call, one official, one topic, and the indexes of the last two.

Every page loads what it shows in a fixed number of queries, whatever the archive's size.
"""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from .. import search
from ..browse.chips import chips_for
from ..browse.filters import MAX_SEARCH_LENGTH, CallFilter
from ..cache import cached
from ..models import Call, Country, Official, Participant, Statement, Tenure, Topic
from ..present import citations
from ..present.comparison import compare

CALLS_PER_PAGE = 20
STATEMENTS_PER_PAGE = 30


def calls_for_lists():
    """Calls with what a list row shows (date, participants, topics) prefetched."""
    return Call.objects.select_related("initiator").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("official")),
        "topics",
    )


def paginate(request, queryset, param="page", per_page=CALLS_PER_PAGE):
    """A page of ``queryset``; an out-of-range or malformed number shows the nearest page."""
    return Paginator(queryset, per_page, orphans=3).get_page(request.GET.get(param))


class CallDetailView(DetailView):
    queryset = Call.objects.with_related()
    template_name = "readouts/call_detail.html"

    def get_context_data(self, **kwargs):
        call = self.object
        absolute_url = self.request.build_absolute_uri
        accessed = timezone.localdate()
        readouts = list(call.readouts.all())
        for readout in readouts:
            readout.cited_statements = [
                (s, citations.cite_statement(s, call, absolute_url, accessed))
                for s in readout.statements.all()
            ]
        return super().get_context_data(
            readouts=readouts,
            mentions=sorted(
                {(m.get_kind_display(), m.name) for r in readouts for m in r.mentions.all()}
            ),
            previous_call=previous_call(call),
            next_call=next_call(call),
            citation=citations.cite_call(call, absolute_url, accessed),
            comparison=compare(call),
            search_query=self.search_query(),
            **kwargs,
        )

    def search_query(self):
        """Reached from a search (``?q=``): the words to highlight in the verbatim text."""
        words = self.request.GET.get("q", "")[:MAX_SEARCH_LENGTH]
        return search.build_query(words) if words.strip() else None


# Neighbours in the list's order (newest first, then slug). Two index lookups each rather than
# one OR, which SQLite cannot answer from the date index.
def previous_call(call):
    same_day = Call.objects.filter(date=call.date, slug__gt=call.slug).order_by("slug")
    return (
        same_day.first()
        or Call.objects.filter(date__lt=call.date).order_by("-date", "slug").first()
    )


def next_call(call):
    same_day = Call.objects.filter(date=call.date, slug__lt=call.slug).order_by("-slug")
    return (
        same_day.first()
        or Call.objects.filter(date__gt=call.date).order_by("date", "-slug").first()
    )


def _citation_for_request(request, slug):
    """The call's citation, or one statement's when ``?statement=<anchor>`` names it."""
    call = get_object_or_404(Call.objects.with_related(), slug=slug)
    absolute_url = request.build_absolute_uri
    accessed = timezone.localdate()
    anchor = request.GET.get("statement")
    if anchor is None:
        return call, citations.cite_call(call, absolute_url, accessed)
    for readout in call.readouts.all():
        for statement in readout.statements.all():
            if statement.anchor == anchor:
                return call, citations.cite_statement(statement, call, absolute_url, accessed)
    raise Http404("This call has no statement with that anchor.")


def _download(body, content_type, filename):
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cite_bibtex(request, slug):
    _, citation = _citation_for_request(request, slug)
    return _download(citation.bibtex(), "application/x-bibtex", f"{citation.key}.bib")


def cite_ris(request, slug):
    _, citation = _citation_for_request(request, slug)
    return _download(citation.ris(), "application/x-research-info-systems", f"{citation.key}.ris")


class OfficialListView(ListView):
    """Everyone in the archive with their number of calls, grouped by country."""

    template_name = "readouts/official_list.html"

    def get(self, request, *args, **kwargs):
        self.country = request.GET.get("country", "")
        if self.country and self.country not in Country.values:
            return HttpResponseBadRequest(
                "Unknown country. Use one of: " + ", ".join(Country.values) + ".",
                content_type="text/plain; charset=utf-8",
            )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        officials = Official.objects.with_call_counts().order_by("country", "name")
        if self.country:
            officials = officials.filter(country=self.country)
        return officials

    def get_context_data(self, **kwargs):
        names = dict(Country.choices)
        groups = defaultdict(list)
        for official in self.object_list:
            groups[names.get(official.country, official.country or "Country not recorded")].append(
                official
            )
        return super().get_context_data(
            groups=sorted(groups.items()),
            countries=Country.choices,
            country=self.country,
            country_name=Country(self.country).label if self.country else "",
            **kwargs,
        )


class FilteredCallsMixin:
    """The calls section of an official or topic page takes the call list's GET filters."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.calls = CallFilter(request.GET or None, queryset=self.base_calls(), request=request)
        if self.calls.is_bound and not self.calls.is_valid():
            errors = [
                (self.calls.filters[key].label or key if key in self.calls.filters else "", message)
                for key, messages in self.calls.errors.items()
                for message in messages
            ]
            context = self.get_context_data(object=self.object, calls_page=None, errors=errors)
            return self.render_to_response(context, status=400)
        return self.render_to_response(
            self.get_context_data(object=self.object, calls_page=paginate(request, self.calls.qs))
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            calls_filter=self.calls, chips=chips_for(self.calls), **kwargs
        )


class OfficialDetailView(FilteredCallsMixin, DetailView):
    model = Official
    template_name = "readouts/official_detail.html"

    def base_calls(self):
        return calls_for_lists().filter(participants__official=self.object)

    def get_context_data(self, **kwargs):
        official = self.object
        return super().get_context_data(
            tenures=Tenure.objects.filter(official=official).select_related("office"),
            **cached(f"official-summary:{official.pk}", lambda: official_summary(official)),
            **kwargs,
        )


def official_summary(official):
    """Who the official spoke with and what they said on each topic: a pass over all their
    calls and statements (tens of thousands for a president), so the page caches it."""
    counterparts = (
        Official.objects.filter(participations__call__participants__official=official)
        .exclude(pk=official.pk)
        .annotate(shared_calls=Count("participations__call", distinct=True))
        .order_by("-shared_calls", "name")
    )
    return {
        "statements_by_topic": latest_statements_by_topic(Q(speaker=official)),
        "counterparts": list(counterparts),
    }


STATEMENTS_PER_TOPIC = 3


def latest_statements_by_topic(condition):
    """[(topic, count, latest statements)] for the statements matching ``condition``.

    Two queries whatever the number of statements: the counts per topic, then the newest
    few of each topic picked by a window function.
    """
    tagged = Statement.topics.through.objects.filter(
        statement__in=Statement.objects.filter(condition)
    )
    counts = dict(tagged.values_list("topic").annotate(n=Count("id")).order_by())
    latest = (
        tagged.select_related("topic", "statement__readout__call")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("topic"),
                order_by=[F("statement__readout__call__date").desc(), F("statement__order")],
            )
        )
        .filter(rank__lte=STATEMENTS_PER_TOPIC)
    )
    groups = defaultdict(list)
    for row in latest:
        groups[row.topic].append(row.statement)
    return [
        (topic, counts[topic.pk], statements)
        for topic, statements in sorted(groups.items(), key=lambda item: item[0].name_en)
    ]


class TopicListView(ListView):
    queryset = Topic.objects.annotate(call_count=Count("calls", distinct=True))
    template_name = "readouts/topic_list.html"


class TopicDetailView(FilteredCallsMixin, DetailView):
    model = Topic
    template_name = "readouts/topic_detail.html"

    def base_calls(self):
        return calls_for_lists().filter(topics=self.object)

    def get_context_data(self, **kwargs):
        topic = self.object
        statements = (
            Statement.objects.filter(topics=topic)
            .select_related("speaker", "readout__call")
            .prefetch_related("topics")
            .order_by("-readout__call__date", "readout", "order")
        )
        per_year = (
            Call.objects.filter(topics=topic)
            .values("year")
            .annotate(calls=Count("id"))
            .order_by("year")
        )
        return super().get_context_data(
            statements_page=paginate(
                self.request, statements, param="statements_page", per_page=STATEMENTS_PER_PAGE
            ),
            calls_per_year=year_chart(per_year),
            **kwargs,
        )


BAR_STEP = 32
BAR_MAX = 56
BASELINE = 72


def year_chart(rows):
    """Bar geometry for the calls-per-year SVG; every year in the range is shown, gaps as 0."""
    counts = {row["year"]: row["calls"] for row in rows}
    if not counts:
        return None
    peak = max(counts.values())
    bars = []
    for index, year in enumerate(range(min(counts), max(counts) + 1)):
        calls = counts.get(year, 0)
        height = round(BAR_MAX * calls / peak)
        bars.append(
            {
                "year": year,
                "calls": calls,
                "x": index * BAR_STEP + 4,
                "top": BASELINE - height,
                "height": height,
            }
        )
    return {"bars": bars, "width": len(bars) * BAR_STEP + 8}
