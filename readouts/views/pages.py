"""The pages a researcher reads: one call, one official, one topic, and the indexes of the last two.

Every page loads what it shows in a fixed number of queries, whatever the archive's size.
"""

from collections import defaultdict

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from .. import search
from ..browse.chips import chips_for
from ..browse.facets import year_counts
from ..browse.filters import MAX_SEARCH_LENGTH, CallFilter
from ..browse.querylinks import SHOWN_NOT_FILTERED
from ..browse.timeline import call_timeline
from ..models import (
    Call,
    Country,
    Official,
    OfficialCounterpart,
    OfficialMonth,
    OfficialTopic,
    Participant,
    Statement,
    Tenure,
    Topic,
    TopicMonth,
)
from ..present import citations
from ..present.comparison import compare
from .paging import MonthWindowed, PageError, paginate
from .refusals import refused

CALLS_PER_PAGE = 20
STATEMENTS_PER_PAGE = 30


class CallDetailView(DetailView):
    queryset = Call.objects.with_related(statement_topics=False)
    template_name = "readouts/call_detail.html"

    def get_context_data(self, **kwargs):
        call = self.object
        absolute_url = self.request.build_absolute_uri
        accessed = timezone.localdate()
        readouts = list(call.readouts.all())
        previous_call, next_call = Call.objects.neighbours(call)
        cited = citations.cite_statements(call, absolute_url, accessed)
        topics = call.topics.all()
        for readout in readouts:
            readout.cited_statements = [
                (s, s.topics_among(topics), cited[s.pk]) for s in readout.statements.all()
            ]
        return super().get_context_data(
            readouts=readouts,
            mentions=sorted(
                {
                    (
                        m.get_kind_display(),
                        m.name,
                        m.concept.get_absolute_url() if m.concept else "",
                    )
                    for r in readouts
                    for m in r.mentions.all()
                }
            ),
            previous_call=previous_call,
            next_call=next_call,
            citation=citations.cite_call(call, absolute_url, accessed),
            comparison=compare(call),
            search_query=self.search_query(),
            **kwargs,
        )

    def search_query(self):
        """Reached from a search (``?q=``): the words to highlight in the verbatim text."""
        words = self.request.GET.get("q", "")[:MAX_SEARCH_LENGTH]
        literal = self.request.GET.get("literal") == "1"
        return search.build_query(words, literal=literal) if words.strip() else None


def _citation_for_request(request, slug):
    """The call's citation, or one statement's when ``?statement=<anchor>`` names it."""
    call = get_object_or_404(Call.objects.with_related(statement_topics=False), slug=slug)
    absolute_url = request.build_absolute_uri
    accessed = timezone.localdate()
    anchor = request.GET.get("statement")
    if anchor is None:
        return call, citations.cite_call(call, absolute_url, accessed)
    for readout in call.readouts.all():
        for statement in readout.statements.all():
            if statement.anchor == anchor:
                cited = citations.cite_statements(call, absolute_url, accessed)
                return call, cited[statement.pk]
    raise Http404(_("This call has no statement with that anchor."))


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
                _("Unknown country. Use one of: %(codes)s.") % {"codes": ", ".join(Country.values)},
                content_type="text/plain; charset=utf-8",
            )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        """Officials with at least one call; ``?all=1`` adds those the archive has no call of."""
        officials = Official.objects.with_call_counts().order_by("country", "name")
        if self.country:
            officials = officials.filter(country=self.country)
        self.everyone = self.request.GET.get("all") == "1"
        self.without_calls = officials.filter(call_count=0).count()
        return officials if self.everyone else officials.filter(call_count__gt=0)

    def get_context_data(self, **kwargs):
        names = dict(Country.choices)
        groups = defaultdict(list)
        for official in self.object_list:
            groups[
                names.get(official.country, official.country or _("Country not recorded"))
            ].append(official)
        return super().get_context_data(
            groups=sorted(groups.items()),
            countries=Country.choices,
            country=self.country,
            country_name=Country(self.country).label if self.country else "",
            everyone=self.everyone,
            without_calls=self.without_calls,
            **kwargs,
        )


class FilteredCallsMixin:
    """The calls section of an official or topic page takes the call list's GET filters.

    Bad filters or a page that does not exist are a 400, as on the call list (``refusals``).
    Without filters, the calls are counted and paged by month from the page's summary rows
    (``months()``, kept by ``writing.derived``): the page reads its twenty calls, not all.
    """

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.calls = CallFilter(request.GET or None, queryset=self.base_calls(), request=request)
        if self.calls.is_bound and not self.calls.is_valid():
            return self.refuse(self.calls.errors)
        try:
            pages = self.pages()
        except PageError as error:
            return self.refuse({error.param: [str(error)]})
        return self.render_to_response(self.get_context_data(object=self.object, **pages))

    def pages(self) -> dict:
        """The paginated sections of the page, by context name; raises ``PageError``."""
        calls = self.calls.qs
        months = self.months() if self.unfiltered() else None
        if months is not None:
            calls = MonthWindowed(self.base_calls(by_date=True), months, "date")
        return {"calls_page": self.page_of(calls, "page", CALLS_PER_PAGE)}

    def unfiltered(self) -> bool:
        """No filter asked (page numbers aside): the summary rows answer for all the calls."""
        shown = SHOWN_NOT_FILTERED | {"statements_page"}
        return not any(name not in shown for name in self.request.GET)

    def months(self):
        """``[(month, calls)]`` of the page's object from its summary rows (then
        ``base_calls(by_date=True)`` gives its calls), or None when it has none."""
        return None

    def page_of(self, queryset, param, per_page):
        try:
            return paginate(queryset, self.request.GET.get(param), per_page)
        except PageError as error:
            error.param = param
            raise

    def refuse(self, errors):
        context = self.get_context_data(object=self.object, calls_page=None)
        return refused(
            self.request, self.calls, errors, template=self.template_name, context=context
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            calls_filter=self.calls, chips=chips_for(self.calls), **kwargs
        )


class OfficialDetailView(FilteredCallsMixin, DetailView):
    model = Official
    template_name = "readouts/official_detail.html"

    def base_calls(self, by_date=False):
        """The official's calls; ``by_date``, checked by EXISTS, for a page read by month: the
        database walks the months' calls by date instead of every call of the official."""
        if by_date:
            on_call = Participant.objects.filter(call_id=OuterRef("pk"), official=self.object)
            return Call.objects.for_list().filter(Exists(on_call))
        return Call.objects.for_list().filter(participants__official=self.object)

    def months(self):
        return OfficialMonth.objects.filter(official=self.object).values_list("month", "calls")

    def get_context_data(self, **kwargs):
        official = self.object
        return super().get_context_data(
            tenures=Tenure.objects.filter(official=official).select_related("office"),
            **official_summary(official),
            **kwargs,
        )


def official_summary(official):
    """Who the official spoke with and what they said on each topic, read from the summary
    rows ``writing.derived`` keeps (three queries, however many calls a president has)."""
    counterparts = []
    for row in (
        OfficialCounterpart.objects.filter(official=official)
        .select_related("other")
        .order_by("-calls", "other__name")
    ):
        row.other.shared_calls = row.calls
        counterparts.append(row.other)
    topics = sorted(
        OfficialTopic.objects.filter(official=official).select_related("topic"),
        key=lambda row: search.fold_to_base_letters(row.topic.name),  # the reader's language
    )
    found = (
        Statement.objects.select_related("readout__call")
        .defer("readout__text")
        .in_bulk([entry[2] for row in topics for entry in row.latest])
    )
    statements_by_topic = [
        (row.topic, row.statements, [found[e[2]] for e in row.latest if e[2] in found])
        for row in topics
    ]
    return {"statements_by_topic": statements_by_topic, "counterparts": counterparts}


class TopicListView(ListView):
    """Topics in the alphabetical order of the interface language (accents aside)."""

    queryset = Topic.objects.with_call_counts()
    template_name = "readouts/topic_list.html"

    def get_queryset(self):
        topics = list(super().get_queryset())
        return sorted(topics, key=lambda topic: search.fold_to_base_letters(topic.name))


class TopicDetailView(FilteredCallsMixin, DetailView):
    model = Topic
    template_name = "readouts/topic_detail.html"

    def base_calls(self, by_date=False):
        """The topic's calls (``by_date``: checked by EXISTS, as the official's)."""
        if by_date:
            tagged = Call.topics.through.objects.filter(call_id=OuterRef("pk"), topic=self.object)
            return Call.objects.for_list().filter(Exists(tagged))
        return Call.objects.for_list().filter(topics=self.object)

    def summary_rows(self):
        if not hasattr(self, "_months"):
            self._months = list(
                TopicMonth.objects.filter(topic=self.object).values_list(
                    "month", "calls", "statements"
                )
            )
        return self._months

    def months(self):
        return [(month, calls) for month, calls, _statements in self.summary_rows()]

    def pages(self):
        # EXISTS rather than a join on the topic: the database walks the calls of the months
        # the page spans (their date index) and checks each statement's topic, instead of
        # reading every statement of the topic to keep those of a month.
        tagged = Statement.topics.through.objects.filter(
            statement_id=OuterRef("pk"), topic_id=self.object.pk
        )
        statements = MonthWindowed(
            Statement.objects.filter(Exists(tagged)).for_list(),
            [(month, n) for month, _calls, n in self.summary_rows()],
            "readout__call__date",
        )
        return {
            **super().pages(),
            "statements_page": self.page_of(statements, "statements_page", STATEMENTS_PER_PAGE),
        }

    def get_context_data(self, **kwargs):
        valid = not self.calls.is_bound or self.calls.is_valid()
        timeline = None
        if valid and self.unfiltered():
            years = {}
            for month, calls, _statements in self.summary_rows():
                years[month.year] = years.get(month.year, 0) + calls
            years = [{"year": year, "n": years[year]} for year in sorted(years, reverse=True)]
            timeline = call_timeline(self.calls, years)
        elif valid:
            timeline = call_timeline(self.calls, year_counts(self.calls.qs))
        return super().get_context_data(timeline=timeline, **kwargs)
