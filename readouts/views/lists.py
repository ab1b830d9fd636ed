"""The filtered lists — calls at ``/``, statements at ``/statements/`` — as HTML, JSON or CSV.

One URL, one FilterSet, three renderings of exactly the same result. A bad parameter (unknown
slug, impossible date, page out of range, unknown format) is a 400 that says what was wrong.
"""

import hashlib
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views import View

from .. import search
from ..browse.chips import chips_for, describe_calls, describe_statements
from ..browse.facets import call_facets, statement_facets, year_counts
from ..browse.filters import CallFilter, StatementFilter
from ..browse.timeline import call_timeline
from ..cache import cached
from ..models import Call, Participant, Readout, Statement
from ..present import formats


class PageError(ValueError):
    pass


def paginate(queryset, number, per_page, count=None):
    """The requested page; ``last`` is the last one; anything else impossible is a PageError.

    ``count``, when the caller knows it (e.g. cached), spares the paginator its COUNT query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    if number in (None, ""):
        number = 1
    elif number == "last":
        number = paginator.num_pages
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        raise PageError(f"“{str(number)[:20]}” is not a page number.") from None
    except EmptyPage:
        pages = paginator.num_pages
        raise PageError(
            f"There is no page {str(number)[:20]}: these results have "
            f"{pages} page{'s' if pages != 1 else ''}."
        ) from None


# Parameters that change the page shown, not the result set the facets describe.
NOT_FILTERS = {"page", "format"}


def result_cached(filterset, key, compute):
    """``compute()`` for this result set, cached until the archive next changes.

    Counts and facets depend only on the filters (not the page or format), cost a pass over the
    whole result (dearest for a broad search or the unfiltered archive) and are the same for
    every visitor who asks the same question, so they are kept per set of filters.
    """
    filters = sorted(
        (name, value)
        for name, values in (filterset.data.lists() if filterset.is_bound else ())
        if name not in NOT_FILTERS
        for value in values
    )
    digest = hashlib.sha256(urlencode(filters).encode()).hexdigest()[:32]
    return cached(f"{key}:{digest}", compute)


class FilteredListView(View):
    filterset_class = None
    template_name = None
    paginate_by = 25

    def get_queryset(self, output):
        raise NotImplementedError

    def get(self, request):
        output = request.GET.get("format", "html")
        if output not in formats.FORMATS:
            message = f"Unknown format “{output[:20]}”: use html, json or csv."
            return formats.errors_response({"format": [message]}, "text")
        filterset = self.filterset_class(
            request.GET or None, queryset=self.get_queryset(output), request=request
        )
        if filterset.is_bound and not filterset.is_valid():
            return self.refuse(request, filterset, filterset.errors, output)
        if output == "csv":
            return self.csv(request, filterset.qs)
        try:
            count = result_cached(filterset, f"{self.cache_prefix}-count", filterset.qs.count)
            page = paginate(filterset.qs, request.GET.get("page"), self.paginate_by, count)
        except PageError as error:
            return self.refuse(request, filterset, {"page": [str(error)]}, output)
        if output == "json":
            return self.json(request, page)
        query = getattr(filterset, "search_query", None)
        context = {
            "filterset": filterset,
            "page_obj": page,
            "search_query": query,
            "form_params": request.GET,
            **self.extra_context(filterset),
        }
        if query:
            self.add_snippets(page, query)
        return render(request, self.template_name, context)

    def rendered(self, template, **context):
        """``{"<name>_html": the fragment}``: cached with the counts it shows, the facet and
        timeline links (a hundred or more) are rendered once per set of filters, not per view."""
        name = template.removeprefix("_").removesuffix(".html")
        html = render_to_string(f"readouts/{template}", {**context, "path": self.request.path})
        return {f"{name}_html": html}

    def refuse(self, request, filterset, errors, output):
        if output != "html":
            return formats.errors_response(errors, output)
        labels = {key: f.label or key for key, f in filterset.filters.items()} | {"page": "Page"}
        messages = [
            (labels.get(field, ""), message) for field, items in errors.items() for message in items
        ]
        # The form below must not carry the bad values again, or every retry fails the same way.
        kept = request.GET.copy()
        for field in errors:
            kept.pop(field, None)
        context = {
            "filterset": filterset,
            "errors": messages,
            "heading": self.plain_heading,
            "form_params": kept,
        }
        return render(request, self.template_name, context, status=400)


class CallListView(FilteredListView):
    """``/``: calls newest first, with facets, chips and a timeline of the current result."""

    filterset_class = CallFilter
    template_name = "readouts/call_list.html"
    cache_prefix = "calls"
    plain_heading = "Calls"

    def get_queryset(self, output):
        if output == "json":
            return Call.objects.with_related()
        return Call.objects.select_related("initiator").prefetch_related(
            Prefetch("participants", Participant.objects.select_related("official", "office")),
            "topics",
            Prefetch("readouts", Readout.objects.only("call", "language", "side", "publisher")),
        )

    def extra_context(self, filterset):
        def summary():
            years = year_counts(filterset.qs)
            facets = call_facets(filterset, years=years)
            timeline = call_timeline(filterset, years)
            return {
                "facets": facets,
                "timeline": timeline,
                **self.rendered("_facets.html", facets=facets, noun="calls"),
                **self.rendered("_timeline.html", timeline=timeline),
            }

        return {
            "heading": describe_calls(filterset),
            "chips": chips_for(filterset),
            **result_cached(filterset, "call-list-summary", summary),
        }

    def add_snippets(self, page, query):
        """Each call on the page gets the passage of its readouts where the words matched."""
        calls = {call.pk: call for call in page.object_list}
        texts = Readout.objects.filter(call__in=calls).order_by("pk").values_list("call", "text")
        for call_id, text in texts:
            call = calls[call_id]
            if not getattr(call, "snippet", None) and search.matches_in(text, query):
                call.snippet = search.snippet(text, query)

    def json(self, request, page):
        return formats.calls_json(request, page)

    def csv(self, request, calls):
        return formats.calls_csv(request, calls)


class StatementListView(FilteredListView):
    """``/statements/``: what officials said, sentence by sentence, newest call first."""

    filterset_class = StatementFilter
    template_name = "readouts/statement_list.html"
    cache_prefix = "statements"
    plain_heading = "Statements"

    def get_queryset(self, output):
        return (
            Statement.objects.select_related("speaker", "readout__call")
            .defer("readout__text")
            .prefetch_related("topics")
            .order_by("-readout__call__date", "readout__call__slug", "readout_id", "order")
        )

    def extra_context(self, filterset):
        return {
            "heading": describe_statements(filterset),
            "chips": chips_for(filterset),
            **result_cached(filterset, "statement-list-summary", lambda: self.summary(filterset)),
        }

    def summary(self, filterset):
        facets = statement_facets(filterset)
        return {"facets": facets, **self.rendered("_facets.html", facets=facets, noun="statements")}

    def add_snippets(self, page, query):
        """Statements are short: the template highlights the whole sentence."""

    def json(self, request, page):
        return formats.statements_json(request, page)

    def csv(self, request, statements):
        return formats.statements_csv(request, statements)
